"""Time: one zone for dates and windows, and one `now()` that tests can move."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")

_frozen: datetime | None = None


def now() -> datetime:
    return _frozen if _frozen is not None else datetime.now(UTC)


def freeze(at: datetime | None) -> None:
    """Tests only: make now() return `at` (None thaws)."""
    global _frozen
    _frozen = at


def today() -> date:
    return now().astimezone(TZ).date()


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=TZ)


def end_of_day(day: date) -> datetime:
    """The last instant of a local day: 'as of D' means everything that happened on D."""
    return local_midnight(day + timedelta(days=1)) - timedelta(microseconds=1)


def as_of_instant(as_of: date | None) -> datetime:
    """Today (or no date) is 'now'; a past date is the end of that day."""
    if as_of is None or as_of >= today():
        return now()
    return end_of_day(as_of)
