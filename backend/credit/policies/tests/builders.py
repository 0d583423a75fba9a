"""Terse constructors for records in tests (dates are local Asia/Shanghai)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from credit.policies import (
    INFO_TYPES_BY_CODE,
    TZ,
    Evaluation,
    RecordFact,
    RecordStatus,
    SanctionFact,
    SubjectFact,
    SubjectKind,
    Transition,
    ViolationFact,
)

ENTERPRISE = SubjectFact(1, SubjectKind.ENTERPRISE)
PERSON = SubjectFact(2, SubjectKind.NATURAL_PERSON)


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(day: date | str, hour: int = 12, minute: int = 0) -> datetime:
    """An aware instant on a local date."""
    if isinstance(day, str):
        day = d(day)
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def midnight(day: date | str) -> datetime:
    return at(day, 0)


def sanction(kind: str, amount: int | str = 0) -> SanctionFact:
    return SanctionFact(kind, Decimal(amount))


def violation(
    type_code: str, *sanctions: SanctionFact, domain: str = "public_order"
) -> ViolationFact:
    return ViolationFact(type_code, domain, tuple(sanctions))


def warning_v(type_code: str = "v_a") -> ViolationFact:
    return violation(type_code, sanction("warning"))


def fine_v(amount: int | str, type_code: str = "v_a") -> ViolationFact:
    return violation(type_code, sanction("fine", amount))


def record(
    id: int,
    type: str,
    occurred: str,
    *,
    published: str | None = None,
    decided: str | None = None,
    reviewed: bool = False,
    revoked: str | None = None,
    repaired: str | None = None,
    rejected: str | None = None,
    verified_only: str | None = None,
    violations: tuple[ViolationFact, ...] = (),
    situation: str | None = None,
    passed: bool | None = None,
    public_until: str | None = None,
    retention_until: str | None = None,
    decision_no: str | None = None,
) -> RecordFact:
    """A record of ``type``. ``published`` imports it straight to PUBLISHED at 10:00 that day,
    or with ``reviewed`` walks draft → submitted → verified → published over three days."""
    transitions: list[Transition] = []
    if published is not None:
        pub = at(published, 10)
        if reviewed:
            transitions += [
                Transition(RecordStatus.DRAFT, pub - timedelta(days=3)),
                Transition(RecordStatus.SUBMITTED, pub - timedelta(days=2)),
                Transition(RecordStatus.VERIFIED, pub - timedelta(days=1)),
            ]
        transitions.append(Transition(RecordStatus.PUBLISHED, pub))
    else:
        start = at(occurred, 9)
        transitions.append(Transition(RecordStatus.DRAFT, start))
        if verified_only is not None:
            transitions += [
                Transition(RecordStatus.SUBMITTED, at(verified_only, 8)),
                Transition(RecordStatus.VERIFIED, at(verified_only, 9)),
            ]
        if rejected is not None:
            transitions.append(Transition(RecordStatus.REJECTED, at(rejected, 9)))
    for status, when in ((RecordStatus.REVOKED, revoked), (RecordStatus.REPAIRED, repaired)):
        if when is not None:
            transitions.append(Transition(status, at(when, 15)))
    if type == "watch_list_case" and situation is None:
        situation = "s01"
    if type == "inspection" and passed is None:
        passed = True
    return RecordFact(
        id=id,
        category=INFO_TYPES_BY_CODE[type].category,
        type=type,
        occurred_on=d(occurred),
        decision_date=d(decided) if decided else None,
        decision_no=decision_no,
        transitions=tuple(transitions),
        situation_code=situation,
        inspection_passed=passed,
        violations=violations,
        public_until_override=d(public_until) if public_until else None,
        retention_until_override=d(retention_until) if retention_until else None,
    )


def same_result(a: Evaluation, b: Evaluation) -> bool:
    """Equal in everything but the instant asked about."""
    return replace(a, at=b.at) == b
