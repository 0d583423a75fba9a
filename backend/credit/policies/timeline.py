"""Calendar arithmetic, the as-of view of records and the input checks.

Conventions shared by every policy:
- Time zone Asia/Shanghai; the local date of an instant is ``at.astimezone(TZ).date()``.
  Every boundary that comes from time passing falls on a local midnight.
- Windows are half-open ``[start, end)`` over local dates.
- "n months from d" is ``add_months(d, n)``: the same day n months later, or the first day
  of the following month when that day does not exist; so "1 year from 2024-02-29" ends on
  2025-03-01. Hence "d is within the last n months of D" (``d <= D < add_months(d, n)``) is
  the same as ``d`` in ``(D - n months, D]`` with the subtraction clamped to month end.
- Retention ends on ``(decision_date or occurred_on) + retention_years`` unless the record
  carries ``retention_until_override``; from that date the record is archived.
- An evaluation as of ``at`` sees only transitions at or before ``at``; ``next_change_at``
  is computed for that knowledge alone (a later transition is new input), see ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from .catalogues import (
    INFO_TYPES_BY_CODE,
    SANCTION_KINDS_BY_CODE,
    VIOLATION_DOMAINS_BY_CODE,
    WATCH_SITUATIONS_BY_CODE,
)
from .facts import (
    TZ,
    RecordFact,
    RecordStatus,
    ViolationFact,
    published_on,
    record_status_at,
)

_INITIAL_STATUSES = frozenset({RecordStatus.DRAFT, RecordStatus.PUBLISHED})
# Statuses whose records join the permanent archive once retention ends (第七条 永久保存).
ARCHIVABLE = frozenset({RecordStatus.PUBLISHED, RecordStatus.REPAIRED})


def local_date(at: datetime) -> date:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"datetime must be time-zone aware: {at!r}")
    return at.astimezone(TZ).date()


def midnight(day: date) -> datetime:
    """The aware instant at which local date ``day`` begins."""
    return datetime.combine(day, time(0), tzinfo=TZ)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    try:
        return date(year, month + 1, day.day)
    except ValueError:  # the day does not exist in that month: first day of the next one
        year, month = divmod(index + 1, 12)
        return date(year, month + 1, 1)


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def retention_end(record: RecordFact, years: int, retention_from: str) -> date:
    if record.retention_until_override is not None:
        return record.retention_until_override
    start = record.decision_date if retention_from == "decision_date" else record.occurred_on
    return add_years(start or record.occurred_on, years)


def heaviest_kind(violation: ViolationFact) -> str:
    """A decision with several sanctions for one act counts as its heaviest kind."""
    return max(
        (s.kind for s in violation.sanctions), key=lambda k: SANCTION_KINDS_BY_CODE[k].severity
    )


@dataclass(frozen=True)
class Snapshot:
    """A record as known at the evaluation instant (its status no longer moves)."""

    record: RecordFact
    status: RecordStatus
    published_on: date | None

    @property
    def id(self) -> int:
        return self.record.id


def snapshots(records: Iterable[RecordFact], at: datetime) -> tuple[Snapshot, ...]:
    """The records that exist as of ``at``, in id order."""
    out = []
    for record in records:
        status = record_status_at(record, at)
        if status is not None:
            out.append(Snapshot(record, status, published_on(record, at)))
    return tuple(sorted(out, key=lambda s: s.id))


def validate_records(records: Sequence[RecordFact]) -> None:
    """Reject input the rules cannot read; every message names the record."""
    seen: set[int] = set()
    for record in records:
        where = f"record {record.id}"
        if record.id in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(record.id)
        info = INFO_TYPES_BY_CODE.get(record.type)
        if info is None:
            raise ValueError(f"{where}: unknown type {record.type!r}")
        if info.category != record.category:
            raise ValueError(f"{where}: type {record.type!r} belongs to {info.category}")
        _validate_transitions(record, where)
        if record.type == "watch_list_case" and (
            record.situation_code not in WATCH_SITUATIONS_BY_CODE
        ):
            raise ValueError(f"{where}: unknown situation_code {record.situation_code!r}")
        if record.type == "inspection" and record.inspection_passed is None:
            raise ValueError(f"{where}: an inspection needs inspection_passed")
        for violation in record.violations:
            _validate_violation(violation, where)


def _validate_transitions(record: RecordFact, where: str) -> None:
    if not record.transitions:
        raise ValueError(f"{where}: no transitions")
    if record.transitions[0].status not in _INITIAL_STATUSES:
        raise ValueError(f"{where}: must be created as draft or published")
    previous: datetime | None = None
    for transition in record.transitions:
        if transition.at.tzinfo is None or transition.at.utcoffset() is None:
            raise ValueError(f"{where}: transition time must be aware")
        if previous is not None and transition.at < previous:
            raise ValueError(f"{where}: transitions are not chronological")
        previous = transition.at


def _validate_violation(violation: ViolationFact, where: str) -> None:
    if violation.domain not in VIOLATION_DOMAINS_BY_CODE:
        raise ValueError(f"{where}: unknown violation domain {violation.domain!r}")
    if not violation.sanctions:
        raise ValueError(f"{where}: violation {violation.type_code!r} has no sanction")
    for sanction in violation.sanctions:
        if sanction.kind not in SANCTION_KINDS_BY_CODE:
            raise ValueError(f"{where}: unknown sanction kind {sanction.kind!r}")
        if not isinstance(sanction.amount_yuan, Decimal) or sanction.amount_yuan < 0:
            raise ValueError(f"{where}: amount_yuan must be a non-negative Decimal")


def yuan(amount: Decimal) -> str:
    """30000 → "30,000"; 1234.5 → "1,234.50"."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def id_tuple(snaps: Iterable[Snapshot]) -> tuple[int, ...]:
    return tuple(sorted(s.id for s in snaps))
