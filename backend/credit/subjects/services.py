"""Finding subjects, and the public snapshot of a subject's credit as of a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import current_evaluation, payload_at
from credit.policies.facts import GradeLevel
from credit.policies.timeline import add_years
from credit.subjects.identifiers import validate_uscc
from credit.subjects.models import Subject


class AsOfInFuture(ValueError):
    pass


class AsOfTooFar(ValueError):
    pass


# A forecast looks this far ahead at most: every window and retention period of the
# policies (5 years at most) has ended well before.
FORECAST_MAX_YEARS = 10


@dataclass
class Snapshot:
    """What the evaluation says of a subject on `as_of` (serialised engine output)."""

    subject: Subject
    as_of: date
    grade: GradeLevel | None
    payload: dict[str, Any] = field(default_factory=dict)
    # A date after today: what the rules give then if nothing new happens.
    forecast: bool = False

    @property
    def list_entries(self) -> list[dict[str, Any]]:
        return list(self.payload.get("list_entries", []))

    @property
    def public_record_ids(self) -> list[int]:
        return list(self.payload.get("public_record_ids", []))

    @property
    def public_until(self) -> dict[int, date]:
        """record id -> end of its public window (exclusive), for the public records."""
        return {
            int(k): date.fromisoformat(v) for k, v in self.payload.get("public_until", {}).items()
        }


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


def public_as_of_or_error(as_of: date | None) -> date:
    """`check_public_as_of` as the coded error naming asOf that public queries answer."""
    from credit.apicore.errors import CodedError, ErrorCode

    try:
        return check_public_as_of(as_of)
    except AsOfInFuture as exc:
        raise CodedError(str(exc), ErrorCode.INVALID_ARGUMENT, field="asOf") from exc


def forecast_as_of_or_error(as_of: date | None) -> date:
    from credit.apicore.errors import CodedError, ErrorCode

    try:
        return check_forecast_as_of(as_of)
    except AsOfTooFar as exc:
        raise CodedError(str(exc), ErrorCode.INVALID_ARGUMENT, field="asOf") from exc


def check_forecast_as_of(as_of: date | None) -> date:
    """Internal readers and an enterprise about itself may ask a future date (a forecast),
    up to FORECAST_MAX_YEARS ahead."""
    today = clock.today()
    if as_of is None:
        return today
    limit = add_years(today, FORECAST_MAX_YEARS)
    if as_of > limit:
        raise AsOfTooFar(f"asOf 最多预测至 {FORECAST_MAX_YEARS} 年后（{limit.isoformat()}）")
    return as_of


async def snapshot(subject: Subject, as_of: date | None = None) -> Snapshot:
    """Today: the stored evaluation (recomputed if stale). Another date: evaluated afresh
    at the end of that day, from the lifecycle history; a future date is a forecast (the
    records as known now, nothing new happening)."""
    today = clock.today()
    if as_of is None or as_of == today:
        stored = await current_evaluation(subject)
        return snapshot_from_stored(subject, stored, today)
    return (await snapshots([subject], as_of))[subject.id]


async def snapshots(subjects: Sequence[Subject], as_of: date) -> dict[int, Snapshot]:
    """Snapshots of several subjects on a date other than today (past or forecast)."""
    answers = await payload_at(subjects, clock.end_of_day(as_of))
    forecast = as_of > clock.today()
    return {
        s.id: Snapshot(s, as_of, answers[s.id][0].grade, answers[s.id][1], forecast)
        for s in subjects
    }


def snapshot_from_stored(subject: Subject, stored: Evaluation, as_of: date) -> Snapshot:
    grade = GradeLevel(stored.grade) if stored.grade else None
    return Snapshot(subject, as_of, grade, stored.payload)
