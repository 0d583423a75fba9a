"""The working-day calendar of a year as the deadline computations see it."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.errors import CodedError, ErrorCode
from credit.calendar.models import CalendarDay as CalendarDayModel
from credit.calendar.types import CalendarDay
from credit.calendar.workdays import DaySource as DaySourceEnum
from credit.calendar.workdays import day_status

P = Permission
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years the calendar pages accept
_HOLIDAY_ZH = {h.value: h.chinese for h in chinese_calendar.Holiday}


def _statutory_note(day: date, working: bool) -> str:
    """The holiday's name from the State Council notice (a make-up working day names the
    holiday it makes up for)."""
    try:
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return ""
    if not name:
        return ""
    zh = _HOLIDAY_ZH.get(name, name)
    return f"调休上班（{zh}）" if working and day.weekday() >= 5 else zh


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CodedError(
            f"年份须在 {FIRST_YEAR}–{LAST_YEAR} 之间", ErrorCode.INVALID_ARGUMENT, field="year"
        )


async def calendar_year(year: int) -> list[CalendarDay]:
    """Every day of `year` as the deadline computations see it, and where each answer
    comes from (the admin's table, the statutory calendar, or a weekends-only guess)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = await CalendarDayModel.filter(date__gte=first, date__lte=last)
    table = {r.date: r.is_working_day for r in rows}
    notes = {r.date: r.note for r in rows}
    out, day = [], first
    while day <= last:
        working, source = day_status(day, table)
        if source == DaySourceEnum.TABLE:
            note = notes.get(day, "")
        elif source == DaySourceEnum.STATUTORY:
            note = _statutory_note(day, working)
        else:
            note = ""
        out.append(CalendarDay(date=day, is_working_day=working, source=source, note=note))
        day += timedelta(days=1)
    return out


@strawberry.type
class CalendarQueries:
    @strawberry.field(
        extensions=requires(P.MANAGE_POLICIES),
        description="某年每一天是否为工作日及其来源（一年至多 366 条，不分页）",
    )
    async def calendar_days(self, year: int) -> list[CalendarDay]:
        check_year(year)
        return await calendar_year(year)
