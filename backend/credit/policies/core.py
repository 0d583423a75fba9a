"""The frame every policy shares: check the input, take the as-of view, compute the state
for the local date, and find the exact next local midnight at which the state changes.

A policy supplies two pure functions of the snapshots (the records as known at ``at``):
``state(snaps, day)``, everything an Evaluation holds except ``at`` and ``next_change_at``,
and ``candidates(snaps)``, a superset of the days on which that state can change. The
next change is the first candidate day whose state differs from today's, so it is never
early; it is never late as long as the candidate set is complete (tested by scanning).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .facts import DerivedRecord, Evaluation, GradeLevel, ListEntryFact, Reason, RecordFact
from .timeline import Snapshot, local_date, midnight, snapshots, validate_records


@dataclass(frozen=True)
class State:
    grade: GradeLevel | None
    grade_reasons: tuple[Reason, ...]
    list_entries: tuple[ListEntryFact, ...]
    public: frozenset[int]
    # (record id, end of its public window, exclusive) for every id of `public`
    public_until: tuple[tuple[int, date], ...]
    counted: frozenset[int]
    archived: frozenset[int]
    derived: tuple[DerivedRecord, ...]
    reasons: tuple[Reason, ...]
    measures: tuple[str, ...]


StateFn = Callable[[tuple[Snapshot, ...], date], State]
CandidatesFn = Callable[[tuple[Snapshot, ...]], Iterable[date]]


def first_change(
    state_at: Callable[[date], State], today: date, current: State, candidates: Iterable[date]
) -> datetime | None:
    for day in sorted({d for d in candidates if d > today}):
        if state_at(day) != current:
            return midnight(day)
    return None


def run(
    policy_code: str,
    records: Iterable[RecordFact],
    at: datetime,
    state: StateFn,
    candidates: CandidatesFn,
) -> Evaluation:
    records = tuple(records)
    validate_records(records)
    today = local_date(at)
    snaps = snapshots(records, at)
    current = state(snaps, today)
    next_change = first_change(lambda day: state(snaps, day), today, current, candidates(snaps))
    return Evaluation(
        policy_code=policy_code,
        at=at,
        grade=current.grade,
        grade_reasons=current.grade_reasons,
        list_entries=current.list_entries,
        public_record_ids=current.public,
        public_until=dict(current.public_until),
        counted_record_ids=current.counted,
        archived_record_ids=current.archived,
        derived_records=current.derived,
        reasons=current.reasons,
        measures=current.measures,
        next_change_at=next_change,
    )


def archived_reason(article: str, years: int, ids: Iterable[int]) -> tuple[Reason, ...]:
    ids = tuple(sorted(ids))
    if not ids:
        return ()
    summary = f"信用信息记录期限{years}年届满，转为永久保存，不再公开、不再计入"
    return (Reason(article, "retention_ended", summary, ids),)
