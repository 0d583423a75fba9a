"""舞公〔2021〕394号《信用分级分类监管制度》 as one pure function.

Rules (sections of the regulation; parameters in ``WugangParams``):
- Window, 三 "一年内": a PUBLISHED, retained record counts while its decision date
  (fallback ``occurred_on``) ``d`` satisfies ``d <= D < add_months(d, window_months)``,
  i.e. ``d`` in ``(D - 12 months, D]``.
- Severity, 三: each violation of a counted bad (hint/warning) record counts once, as its
  heaviest sanction: ``penalty_kinds`` (fine and heavier) make a 行政处罚案件, anything
  lighter (责令改正, 警告) a correction or warning. One decision covering two violations
  counts twice. Every counted ``licence_commitment_violation`` record is one breach of a
  licence commitment, and its violations, if any, count in their own buckets as well.
  罚没款 is the sum of ``monetary_kinds`` amounts over those violations.
- Grade: C (三（三）) if any bucket exceeds ``b_max_count``, or 罚没款 exceeds
  ``fine_total_max_yuan``, or a ``c_record_types`` record counts; else B (三（二）) if any
  bucket is non-empty; else A (三（一）) if an ``a_record_types`` record counts (an
  inspection only if passed) and no bad info counts; else UNGRADED. Bad info without
  violations (e.g. ``hint_other``) therefore blocks A but does not make B.
- Lists: only a counted ``red_list`` record (RED, while the grade is A unless
  ``red_entry_requires_grade_a`` is off) or ``blacklist`` record (BLACK) gives an entry,
  for the record's counting window.
- Measures, 四: A → wg_a*, B → wg_b*, C → wg_c*.
- Public: a PUBLISHED record from its publication for ``public_years`` (the override wins),
  never past retention (``retention_years`` from the decision date, then archived).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .catalogues import WUGANG_MEASURES
from .core import State, archived_reason, run
from .facts import (
    BAD_CATEGORIES,
    Evaluation,
    GradeLevel,
    ListEntryFact,
    ListKind,
    Reason,
    RecordFact,
    RecordStatus,
    SubjectFact,
)
from .params import WUGANG_CODE, WugangParams
from .timeline import (
    ARCHIVABLE,
    Snapshot,
    add_months,
    add_years,
    heaviest_kind,
    retention_end,
    yuan,
)

_MEASURES = {
    grade: tuple(m.code for m in WUGANG_MEASURES if m.grade == grade.value)
    for grade in (GradeLevel.A, GradeLevel.B, GradeLevel.C)
}


def evaluate_wugang(
    subject: SubjectFact,
    records: Iterable[RecordFact],
    at: datetime,
    params: WugangParams | None = None,
) -> Evaluation:
    """The Wugang grade of ``subject`` as of ``at``, with its reasons."""
    p = params or WugangParams()
    return run(
        WUGANG_CODE,
        records,
        at,
        lambda snaps, day: _state(snaps, day, p),
        lambda snaps: _candidates(snaps, p),
    )


def _window_start(record: RecordFact) -> date:
    return record.decision_date or record.occurred_on


@dataclass
class _Tally:
    """Bad info in the window, by bucket; ids repeat once per counted violation."""

    correction_or_warning: list[int] = field(default_factory=list)
    penalty: list[int] = field(default_factory=list)
    licence_commitment: list[int] = field(default_factory=list)
    money: Decimal = Decimal(0)

    def add(self, s: Snapshot, p: WugangParams) -> None:
        if s.record.type == "licence_commitment_violation":
            self.licence_commitment.append(s.id)
        for violation in s.record.violations:
            bucket = (
                self.penalty
                if heaviest_kind(violation) in p.penalty_kinds
                else (self.correction_or_warning)
            )
            bucket.append(s.id)
            self.money += sum(
                (x.amount_yuan for x in violation.sanctions if x.kind in p.monetary_kinds),
                Decimal(0),
            )


def _state(snaps: tuple[Snapshot, ...], day: date, p: WugangParams) -> State:
    ret = {s.id: retention_end(s.record, p.retention_years, p.retention_from) for s in snaps}
    archived = frozenset(s.id for s in snaps if s.status in ARCHIVABLE and day >= ret[s.id])
    live = [s for s in snaps if s.status == RecordStatus.PUBLISHED and day < ret[s.id]]
    public_until = tuple((s.id, end) for s in live if day < (end := _public_until(s, p, ret[s.id])))
    public = frozenset(i for i, _ in public_until)
    counted = [s for s in live if _window_start(s.record) <= day < _window_end(s, p, ret)]
    bad = [s for s in counted if s.record.category in BAD_CATEGORIES]
    tally = _Tally()
    for s in bad:
        tally.add(s, p)

    grade, grade_reasons = _grade(counted, bad, tally, p)
    entries, entry_reasons = _entries(counted, grade, p, ret)
    reasons = list(grade_reasons) + entry_reasons
    measures = _MEASURES.get(grade, ())
    if measures:
        reasons.append(
            Reason(
                f"四（{_ORDINAL[grade]}）",
                "measures",
                f"信用等级{grade.value}级，实施第四部分相应措施",
                (),
            )
        )
    reasons.extend(archived_reason("一", p.retention_years, archived))
    return State(
        grade=grade,
        grade_reasons=grade_reasons,
        list_entries=entries,
        public=public,
        public_until=public_until,
        counted=frozenset(s.id for s in counted),
        archived=archived,
        derived=(),
        reasons=tuple(reasons),
        measures=measures,
    )


_ORDINAL = {GradeLevel.A: "一", GradeLevel.B: "二", GradeLevel.C: "三"}


def _public_until(s: Snapshot, p: WugangParams, retained_until: date) -> date:
    assert s.published_on is not None
    end = s.record.public_until_override or add_years(s.published_on, p.public_years)
    return min(end, retained_until)


def _window_end(s: Snapshot, p: WugangParams, ret: dict[int, date]) -> date:
    return min(add_months(_window_start(s.record), p.window_months), ret[s.id])


def _ids(ids: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(ids)))


def _grade(
    counted: Sequence[Snapshot], bad: Sequence[Snapshot], tally: _Tally, p: WugangParams
) -> tuple[GradeLevel, tuple[Reason, ...]]:
    window = f"近{p.window_months}个月内"
    buckets = (
        ("correction_or_warning", tally.correction_or_warning, "责令（限期）改正、警告"),
        ("penalty", tally.penalty, "行政处罚"),
        ("licence_commitment", tally.licence_commitment, "违反许可承诺书"),
    )

    def describe(name: str, ids: list[int], label: str) -> str:
        text = f"{window}{label}{len(ids)}次"
        if name == "penalty":
            text += f"，罚没款合计{yuan(tally.money)}元"
        return text

    severe: list[Reason] = []
    for name, ids, label in buckets:
        if len(ids) > p.b_max_count:
            severe.append(
                Reason(
                    "三（三）",
                    f"c_{name}",
                    f"{describe(name, ids, label)}，超过{p.b_max_count}次",
                    _ids(ids),
                )
            )
    if tally.money > p.fine_total_max_yuan:
        severe.append(
            Reason(
                "三（三）",
                "c_fine_total",
                f"{window}罚没款合计{yuan(tally.money)}元，超过{yuan(p.fine_total_max_yuan)}元",
                _ids(tally.penalty),
            )
        )
    for s in counted:
        if s.record.type in p.c_record_types:
            severe.append(
                Reason("三（三）", "c_record", f"{window}符合“黑名单”条件（记录）", (s.id,))
            )
    if severe:
        return GradeLevel.C, tuple(severe)

    general = tuple(
        Reason("三（二）", f"b_{name}", describe(name, ids, label), _ids(ids))
        for name, ids, label in buckets
        if ids
    )
    if general:
        return GradeLevel.B, general

    good = [
        s
        for s in counted
        if s.record.type in p.a_record_types
        and (s.record.type != "inspection" or s.record.inspection_passed)
    ]
    if good and not bad:
        return GradeLevel.A, (
            Reason(
                "三（一）",
                "a_red_list_conditions",
                f"{window}符合“红名单”条件，且无不良信息",
                _ids(s.id for s in good),
            ),
        )
    if bad:
        summary = f"{window}有不良信息，但无可认定等级的失信行为，未评级"
        return GradeLevel.UNGRADED, (Reason("三", "ungraded", summary, _ids(s.id for s in bad)),)
    return GradeLevel.UNGRADED, (
        Reason("三", "ungraded", f"{window}无不良信息，且不符合“红名单”条件，未评级", ()),
    )


def _entries(
    counted: Sequence[Snapshot], grade: GradeLevel, p: WugangParams, ret: dict[int, date]
) -> tuple[tuple[ListEntryFact, ...], list[Reason]]:
    entries: list[ListEntryFact] = []
    reasons: list[Reason] = []
    for s in counted:
        record = s.record
        if record.type == "blacklist":
            kind, article, text = ListKind.BLACK, "三（三）", "被列入“黑名单”"
        elif record.type == "red_list" and (
            grade == GradeLevel.A or not p.red_entry_requires_grade_a
        ):
            kind, article, text = ListKind.RED, "三（一）", "被列入“红名单”"
        else:
            continue
        entries.append(
            ListEntryFact(
                kind,
                _window_start(record),
                _window_end(s, p, ret),
                f"{record.type}_record",
                article,
                (s.id,),
                record.decision_no,
            )
        )
        reasons.append(Reason(article, f"{record.type}_record", text, (s.id,)))
    return tuple(entries), reasons


def _candidates(snaps: tuple[Snapshot, ...], p: WugangParams) -> list[date]:
    days: list[date] = []
    for s in snaps:
        if s.status not in ARCHIVABLE:
            continue
        start = _window_start(s.record)
        days += [
            retention_end(s.record, p.retention_years, p.retention_from),
            start,
            add_months(start, p.window_months),
        ]
        if s.published_on is not None:
            days.append(add_years(s.published_on, p.public_years))
        if s.record.public_until_override is not None:
            days.append(s.record.public_until_override)
    return days
