"""The bureau's working-day table: setting days, filling a year from the State Council's
notice. Deadlines counted on guessed days are recomputed when the table changes, in the
same transaction, by the domains that hold them: they register with `on_calendar_change`
(credit.objections.deadlines does), so this module imports none of them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.calendar.error_codes import CalendarError
from credit.calendar.models import CalendarDay

CalendarListener = Callable[[BaseDBAsyncClient], Awaitable[object]]
_listeners: list[CalendarListener] = []


def on_calendar_change(listener: CalendarListener) -> CalendarListener:
    """Register `listener(conn)` to run after every change of the table, in its transaction."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


@dataclass(frozen=True)
class CalendarDayInput:
    date: date
    is_working_day: bool
    note: str = ""


async def set_calendar_days(
    conn: BaseDBAsyncClient, actor: Actor, days: Sequence[CalendarDayInput]
) -> list[CalendarDay]:
    """Insert or change rows of the table, then let the registered domains recompute their
    provisional deadlines in the same transaction (a deadline never stays a guess once
    it is known)."""
    if len({d.date for d in days}) != len(days):
        raise CalendarError("同一日期重复出现", field="days")
    existing = {
        r.date: r for r in await CalendarDay.filter(date__in=[d.date for d in days]).using_db(conn)
    }
    new = []
    for d in days:
        row = existing.get(d.date)
        if row is None:
            new.append(
                CalendarDay(
                    date=d.date,
                    is_working_day=d.is_working_day,
                    note=d.note,
                    updated_by_id=actor.user_id,
                )
            )
        elif (row.is_working_day, row.note) != (d.is_working_day, d.note):
            row.is_working_day, row.note, row.updated_by_id = (
                d.is_working_day,
                d.note,
                actor.user_id,
            )
            await row.save(using_db=conn)
    if new:
        await CalendarDay.bulk_create(new, using_db=conn)
    for listener in _listeners:
        await listener(conn)
    return await CalendarDay.filter(date__in=[d.date for d in days]).using_db(conn).order_by("date")


def year_days(
    year: int, rest_days: Mapping[date, str], make_up_days: Mapping[date, str]
) -> list[CalendarDayInput]:
    """Every day of `year` from a State Council notice: holidays (rest_days) and make-up
    working days (调休上班); other days follow Monday–Friday. Pure."""
    for d in (*rest_days, *make_up_days):
        if d.year != year:
            raise CalendarError(f"{d.isoformat()} 不属于{year}年", field="days")
    both = set(rest_days) & set(make_up_days)
    if both:
        raise CalendarError(f"{min(both).isoformat()} 不能既是休息日又是调休工作日", field="days")
    out, day = [], date(year, 1, 1)
    while day.year == year:
        if day in rest_days:
            out.append(CalendarDayInput(day, False, rest_days[day]))
        elif day in make_up_days:
            out.append(CalendarDayInput(day, True, make_up_days[day] or "调休上班"))
        else:
            out.append(CalendarDayInput(day, day.weekday() < 5, ""))
        day += timedelta(days=1)
    return out


async def fill_calendar_year(
    conn: BaseDBAsyncClient,
    actor: Actor,
    year: int,
    rest_days: Mapping[date, str],
    make_up_days: Mapping[date, str],
) -> int:
    """Write a whole year into the table (once its notice is published): afterwards no day
    of that year is guessed. Returns the number of days written."""
    days = year_days(year, rest_days, make_up_days)
    await set_calendar_days(conn, actor, days)
    return len(days)
