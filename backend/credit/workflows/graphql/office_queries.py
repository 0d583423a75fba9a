"""Workflow queries of the bureau office: reminder proposals and the register, the
working-day calendar and the publication outbox."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.core import clock
from credit.subjects.scope import in_scope
from credit.workflows import states
from credit.workflows.calendar import DaySource as DaySourceEnum
from credit.workflows.calendar import day_status
from credit.workflows.errors import WorkflowError
from credit.workflows.graphql.access import arg_id, scoped_subject_ids
from credit.workflows.graphql.enums import OutboxStatus, ReminderMethod
from credit.workflows.graphql.office_types import (
    CalendarDay,
    OutboxEvent,
    Reminder,
    ReminderProposal,
)
from credit.workflows.models import CalendarDay as CalendarDayModel
from credit.workflows.models import Reminder as ReminderModel
from credit.workflows.outbox import list_events
from credit.workflows.reminders import propose_reminder

P = Permission
FIRST_YEAR, LAST_YEAR = 2000, 2100
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
class OfficeQueries:
    @strawberry.field(
        extensions=requires(P.MANAGE_REMINDERS),
        description="按主体当前信用等级建议的提醒方式与理由（舞公 五）；不在管辖范围内为 null",
    )
    async def reminder_proposal(
        self, info: Info, subject_id: strawberry.ID
    ) -> ReminderProposal | None:
        sid = arg_id(subject_id, "subjectId")
        assert sid is not None
        if not await in_scope(info.context.actor, sid):
            return None
        try:
            proposal = await propose_reminder(None, sid)
        except WorkflowError:
            return None
        return ReminderProposal.from_row(proposal)

    @strawberry.field(
        extensions=requires(P.MANAGE_REMINDERS),
        description="信用提醒与诚信约谈登记簿（报局办公室）：start–end 日期内（含）实施的，"
        "管辖范围内，按实施时间先后",
    )
    async def reminders(
        self,
        info: Info,
        start: date,
        end: date,
        method: ReminderMethod | None = None,  # type: ignore[valid-type]
        first: int | None = 50,
        after: str | None = None,
    ) -> Connection[Reminder]:
        offset, limit = page_bounds(first, after)
        if end < start:
            raise CodedError("结束日期不能早于开始日期", ErrorCode.INVALID_ARGUMENT, field="end")
        query = ReminderModel.filter(
            subject_id__in=scoped_subject_ids(info.context.actor),
            held_at__gte=clock.local_midnight(start),
            held_at__lt=clock.local_midnight(end + timedelta(days=1)),
        )
        if method is not None:
            query = query.filter(method=states.ReminderMethod(method))
        total = await query.count()
        rows = await query.order_by("held_at", "id").offset(offset).limit(limit)
        return connection([Reminder(row=r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(P.MANAGE_POLICIES),
        description="某年每一天是否为工作日及其来源（一年至多 366 条，不分页）",
    )
    async def calendar_days(self, year: int) -> list[CalendarDay]:
        check_year(year)
        return await calendar_year(year)

    @strawberry.field(
        extensions=requires(P.VIEW_DELIVERIES),
        description="推送事件，按创建时间先后；status 默认为待推送与推送失败",
    )
    async def outbox_events(
        self,
        info: Info,
        status: list[OutboxStatus] | None = None,  # type: ignore[valid-type]
        target: str | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> Connection[OutboxEvent]:
        offset, limit = page_bounds(first, after)
        statuses = (
            [states.OutboxStatus(s) for s in status]
            if status
            else [states.OutboxStatus.PENDING, states.OutboxStatus.FAILED]
        )
        rows, total = await list_events(
            None,
            statuses=statuses,
            target=target,
            jurisdiction_id=info.context.actor.jurisdiction_id,
            limit=limit,
            offset=offset,
        )
        return connection([OutboxEvent(row=r) for r in rows], offset, total)
