"""Working days on the Chinese statutory calendar, and deadlines counted in them.

Where each day's answer comes from, in this order:
1. the admin-maintained table (CalendarDay rows): explicit decisions of the bureau, so
   they also correct a late change the package does not have yet (as in 2020, when the
   Spring Festival holiday was extended after the package's release);
2. the `chinese_calendar` package, for the years the State Council has published;
3. otherwise Monday–Friday, and the day is *guessed*: every deadline that crossed a guessed
   day is provisional and carries a warning. Never silent.

Counting (民法典 第二百零一条): "n working days from D" does not count D; the deadline is
the n-th working day after D.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.calendar.models import CalendarDay


class DaySource(StrEnum):
    TABLE = "TABLE"
    STATUTORY = "STATUTORY"
    GUESS = "GUESS"


def day_status(day: date, table: Mapping[date, bool]) -> tuple[bool, DaySource]:
    """Whether `day` is a working day, and who says so."""
    if day in table:
        return table[day], DaySource.TABLE
    try:
        return chinese_calendar.is_workday(day), DaySource.STATUTORY
    except NotImplementedError:  # a year the package does not know
        return day.weekday() < 5, DaySource.GUESS


@dataclass(frozen=True)
class Deadline:
    start: date
    working_days: int
    due: date
    guessed_days: tuple[date, ...]  # days counted on the weekends-only rule

    @property
    def provisional(self) -> bool:
        return bool(self.guessed_days)

    @property
    def warning(self) -> str:
        return guess_warning(self.guessed_days, self.due)


def guess_warning(guessed: Sequence[date], due: date) -> str:
    if not guessed:
        return ""
    years = "、".join(f"{y}年" for y in sorted({d.year for d in guessed}))
    return (
        f"{years}的法定节假日安排尚未录入工作日历，截止日期{due.isoformat()}系仅扣除周六、"
        "周日推算的暂定日期；请管理员录入该年度工作日历后以更新的日期为准"
    )


def add_working_days(start: date, n: int, table: Mapping[date, bool]) -> Deadline:
    """The n-th working day after `start` (start itself not counted)."""
    if n < 1:
        raise ValueError("n must be >= 1")
    day, counted, guessed = start, 0, []
    while counted < n:
        day += timedelta(days=1)
        working, source = day_status(day, table)
        if source == DaySource.GUESS:
            guessed.append(day)
        if working:
            counted += 1
    return Deadline(start, n, day, tuple(guessed))


def roll_to_working_day(day: date, table: Mapping[date, bool]) -> tuple[date, tuple[date, ...]]:
    """民法典 第二百零三条: a period ending on a rest day ends on the next working day.
    Returns the day and the guessed days crossed to find it."""
    guessed = []
    while True:
        working, source = day_status(day, table)
        if source == DaySource.GUESS:
            guessed.append(day)
        if working:
            return day, tuple(guessed)
        day += timedelta(days=1)


def working_days_left(today: date, due: date, table: Mapping[date, bool]) -> tuple[int, bool]:
    """Working days in (today, due]; negative when overdue (minus the working days in
    (due, today]). 0 means due today (or due on the last working day before today's rest
    day). Also whether any day of the span was guessed."""
    lo, hi, sign = (today, due, 1) if due >= today else (due, today, -1)
    count, guessed = 0, False
    day = lo
    while day < hi:
        day += timedelta(days=1)
        working, source = day_status(day, table)
        guessed = guessed or source == DaySource.GUESS
        count += 1 if working else 0
    return sign * count, guessed


# --- the table ----------------------------------------------------------------------------

# Enough days to hold 15 working days across the longest published holiday runs (Spring
# Festival plus weekends) many times over; deadline_after widens it if ever needed.
_HORIZON_FACTOR = 3
_HORIZON_MIN = 45


async def load_table(conn: BaseDBAsyncClient | None, first: date, last: date) -> dict[date, bool]:
    rows = await CalendarDay.filter(date__gte=first, date__lte=last).using_db(conn)
    return {r.date: r.is_working_day for r in rows}


async def deadline_after(conn: BaseDBAsyncClient | None, start: date, n: int) -> Deadline:
    """`add_working_days` with the table's rows for the span it needs."""
    span = max(_HORIZON_MIN, _HORIZON_FACTOR * n)
    while True:
        last = start + timedelta(days=span)
        deadline = add_working_days(start, n, await load_table(conn, start, last))
        if deadline.due <= last:
            return deadline
        span *= 2


async def rolled_deadline(
    conn: BaseDBAsyncClient | None, day: date
) -> tuple[date, tuple[date, ...]]:
    return roll_to_working_day(day, await load_table(conn, day, day + timedelta(days=_HORIZON_MIN)))
