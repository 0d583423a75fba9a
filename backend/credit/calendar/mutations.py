"""Mutations of the working-day calendar (administrators): setting days, filling a year
from the State Council's notice. Provisional deadlines are recomputed in the same
transaction (credit.calendar.services)."""

from __future__ import annotations

from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome
from credit.calendar import services
from credit.calendar.error_codes import CalendarError, CalendarPayloadError, to_user_error
from credit.calendar.queries import FIRST_YEAR, LAST_YEAR, calendar_year
from credit.calendar.types import CalendarDay, CalendarDayInput, CalendarNoteInput
from credit.calendar.workdays import DaySource
from credit.casework.resolvers import run_case

P = Permission


@strawberry.type
class CalendarDaysPayload:
    calendar_days: list[CalendarDay] | None
    errors: list[CalendarPayloadError]


def _year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarError(f"年份须在 {FIRST_YEAR}–{LAST_YEAR} 之间", field="year")


def _notes(days: list[CalendarNoteInput], field: str) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for d in days:
        if d.date in out:
            raise CalendarError(f"{d.date.isoformat()} 重复出现", field=field)
        out[d.date] = d.note.strip()
    return out


@strawberry.type
class CalendarMutations:
    @strawberry.mutation(
        extensions=requires(P.MANAGE_POLICIES),
        description="录入或更正工作日历的若干天（优先于法定节假日安排），并即时重算暂定的异议核实期限",
    )
    async def calendar_days_set(
        self, info: Info, days: list[CalendarDayInput]
    ) -> CalendarDaysPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            if not 1 <= len(days) <= 366:
                raise CalendarError("须录入 1–366 天", field="days")
            for d in days:
                _year(d.date.year)
            data = [
                services.CalendarDayInput(d.date, d.is_working_day, d.note.strip()) for d in days
            ]
            rows = await services.set_calendar_days(conn, info.context.actor, data)
            after = {"days": [[r.date, r.is_working_day, r.note] for r in rows]}
            return Outcome(rows, "calendar", "", None, after, public_change=False)

        value, errors = await run_case(info, "calendar.days_set", body, to_user_error)
        if value is None:
            return CalendarDaysPayload(calendar_days=None, errors=errors)
        src = DaySource.TABLE
        return CalendarDaysPayload(
            calendar_days=[
                CalendarDay(date=r.date, is_working_day=r.is_working_day, source=src, note=r.note)
                for r in value
            ],
            errors=[],
        )

    @strawberry.mutation(
        extensions=requires(P.MANAGE_POLICIES),
        description="按国务院放假通知录入整年：放假日 restDays、调休上班日 makeUpDays，其余按周一至"
        "周五。此后该年不再推算；暂定期限即时重算",
    )
    async def calendar_year_fill(
        self,
        info: Info,
        year: int,
        rest_days: list[CalendarNoteInput],
        make_up_days: list[CalendarNoteInput],
    ) -> CalendarDaysPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            _year(year)
            rest = _notes(rest_days, "restDays")
            make_up = _notes(make_up_days, "makeUpDays")
            written = await services.fill_calendar_year(
                conn, info.context.actor, year, rest, make_up
            )
            after = {
                "year": year,
                "days": written,
                "rest_days": sorted(rest),
                "make_up_days": sorted(make_up),
            }
            return Outcome(year, "calendar", year, None, after, public_change=False)

        value, errors = await run_case(info, "calendar.year_fill", body, to_user_error)
        if value is None:
            return CalendarDaysPayload(calendar_days=None, errors=errors)
        return CalendarDaysPayload(calendar_days=await calendar_year(value), errors=[])
