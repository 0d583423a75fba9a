"""Finding subjects, and the public snapshot of a subject's credit as of a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import current_evaluation, evaluate_at, evaluation_to_payload
from credit.policies.facts import GradeLevel
from credit.subjects.identifiers import validate_uscc
from credit.subjects.models import Subject


class AsOfInFuture(ValueError):
    pass


@dataclass
class Snapshot:
    """What the evaluation says of a subject on `as_of` (serialised engine output)."""

    subject: Subject
    as_of: date
    grade: GradeLevel | None
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def list_entries(self) -> list[dict[str, Any]]:
        return list(self.payload.get("list_entries", []))

    @property
    def public_record_ids(self) -> list[int]:
        return list(self.payload.get("public_record_ids", []))


async def find_by_uscc(uscc: str) -> Subject | None:
    """`uscc` is validated and normalised first (raises InvalidUSCC)."""
    return await Subject.get_or_none(uscc=validate_uscc(uscc))


def check_public_as_of(as_of: date | None) -> date:
    today = clock.today()
    if as_of is None:
        return today
    if as_of > today:
        raise AsOfInFuture(f"asOf 不能晚于今天（{today.isoformat()}）")
    return as_of


async def snapshot(subject: Subject, as_of: date | None = None) -> Snapshot:
    """Today: the stored evaluation (recomputed if stale). A past date: evaluated afresh at
    the end of that day, from the lifecycle history."""
    today = clock.today()
    if as_of is None or as_of >= today:
        stored = await current_evaluation(subject)
        return snapshot_from_stored(subject, stored, today)
    ev = await evaluate_at(subject, clock.as_of_instant(as_of))
    return Snapshot(subject, as_of, ev.grade, evaluation_to_payload(ev))


def snapshot_from_stored(subject: Subject, stored: Evaluation, as_of: date) -> Snapshot:
    grade = GradeLevel(stored.grade) if stored.grade else None
    return Snapshot(subject, as_of, grade, stored.payload)
