"""Mutations of the bureau office: registering and pushing reminders (舞公 五), the
working-day calendar (admin) and requeueing failed publication events."""

from __future__ import annotations

from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationErrorCode, MutationFailed, Outcome, UserError
from credit.workflows import calendar, outbox, reminders, states
from credit.workflows.graphql.access import (
    int_id,
    int_ids,
    local_aware,
    require_owner_in_scope,
    require_subject_in_scope,
    run_workflow,
)
from credit.workflows.graphql.inputs import (
    CalendarDayInput,
    CalendarNoteInput,
    ReminderRegisterInput,
)
from credit.workflows.graphql.office_queries import FIRST_YEAR, LAST_YEAR, calendar_year
from credit.workflows.graphql.office_types import CalendarDay, OutboxEvent, Reminder
from credit.workflows.models import OutboxEvent as OutboxEventModel
from credit.workflows.models import Reminder as ReminderModel

P = Permission
MAX_REQUEUE = 100


@strawberry.type
class ReminderPayload:
    reminder: Reminder | None
    errors: list[UserError]


@strawberry.type
class CalendarDaysPayload:
    calendar_days: list[CalendarDay] | None
    errors: list[UserError]


@strawberry.type
class OutboxRequeuePayload:
    outbox_events: list[OutboxEvent] | None
    errors: list[UserError]


def _reminder_snapshot(r: ReminderModel) -> dict[str, Any]:
    return {
        "subject_id": r.subject_id,
        "method": r.method,
        "held_at": r.held_at,
        "notice_id": r.notice_id,
        "pushed_at": r.pushed_at,
    }


def _year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise MutationFailed(
            f"年份须在 {FIRST_YEAR}–{LAST_YEAR} 之间", MutationErrorCode.INVALID, "year"
        )


def _notes(days: list[CalendarNoteInput], field: str) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for d in days:
        if d.date in out:
            raise MutationFailed(f"{d.date.isoformat()} 重复出现", MutationErrorCode.INVALID, field)
        out[d.date] = d.note.strip()
    return out


@strawberry.type
class OfficeMutations:
    # --- reminders -----------------------------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.MANAGE_REMINDERS),
        description="登记已实施的信用提醒或诚信约谈；方式须与主体当前信用等级相符（B：口头或书面"
        "提醒；C：书面提醒或约谈）。书面提醒同时生成提醒书",
    )
    async def reminder_register(self, info: Info, input: ReminderRegisterInput) -> ReminderPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, sid = info.context.actor, int_id(input.subject_id, "subjectId")
            await require_subject_in_scope(conn, actor, sid)
            role = input.interviewee_role
            row = await reminders.register_reminder(
                conn,
                actor,
                subject_id=sid,
                method=states.ReminderMethod(input.method),
                held_at=local_aware(input.held_at),
                content=input.content,
                place=input.place,
                officers=input.officers,
                interviewee_name=input.interviewee_name,
                interviewee_role=states.IntervieweeRole(role) if role else None,
                interviewee_title=input.interviewee_title,
            )
            return Outcome(
                row, "reminder", row.id, None, _reminder_snapshot(row), public_change=False
            )

        value, errors = await run_workflow(info, "reminder.register", body)
        return ReminderPayload(reminder=Reminder(row=value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(P.MANAGE_REMINDERS),
        description="将登记推送至市公共信用信息共享服务平台（不含被约谈人姓名；每条一次）",
    )
    async def reminder_push(self, info: Info, id: strawberry.ID) -> ReminderPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, rid = info.context.actor, int_id(id)
            await require_owner_in_scope(conn, actor, ReminderModel, rid, "登记")
            row = await reminders.push_reminder(conn, actor, rid)
            return Outcome(row, "reminder", rid, None, _reminder_snapshot(row), public_change=False)

        value, errors = await run_workflow(info, "reminder.push", body)
        return ReminderPayload(reminder=Reminder(row=value) if value else None, errors=errors)

    # --- the working-day calendar --------------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.MANAGE_POLICIES),
        description="录入或更正工作日历的若干天（优先于法定节假日安排），并即时重算暂定的异议核实期限",
    )
    async def calendar_days_set(
        self, info: Info, days: list[CalendarDayInput]
    ) -> CalendarDaysPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            if not 1 <= len(days) <= 366:
                raise MutationFailed("须录入 1–366 天", MutationErrorCode.INVALID, "days")
            for d in days:
                _year(d.date.year)
            data = [
                calendar.CalendarDayInput(d.date, d.is_working_day, d.note.strip()) for d in days
            ]
            rows = await calendar.set_calendar_days(conn, info.context.actor, data)
            after = {"days": [[r.date, r.is_working_day, r.note] for r in rows]}
            return Outcome(rows, "calendar", "", None, after, public_change=False)

        value, errors = await run_workflow(info, "calendar.days_set", body)
        if value is None:
            return CalendarDaysPayload(calendar_days=None, errors=errors)
        src = calendar.DaySource.TABLE
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
            written = await calendar.fill_calendar_year(
                conn, info.context.actor, year, rest, make_up
            )
            after = {
                "year": year,
                "days": written,
                "rest_days": sorted(rest),
                "make_up_days": sorted(make_up),
            }
            return Outcome(year, "calendar", year, None, after, public_change=False)

        value, errors = await run_workflow(info, "calendar.year_fill", body)
        if value is None:
            return CalendarDaysPayload(calendar_days=None, errors=errors)
        return CalendarDaysPayload(calendar_days=await calendar_year(value), errors=[])

    # --- the outbox ----------------------------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.VIEW_DELIVERIES),
        description="重新推送失败的事件（从现在起、重新计数）；只接受推送失败的事件",
    )
    async def outbox_requeue(self, info: Info, ids: list[strawberry.ID]) -> OutboxRequeuePayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            event_ids = sorted(set(int_ids(ids, "ids")))
            if not 1 <= len(event_ids) <= MAX_REQUEUE:
                raise MutationFailed(
                    f"须选择 1–{MAX_REQUEUE} 个事件", MutationErrorCode.INVALID, "ids"
                )
            own = info.context.actor.jurisdiction_id
            visible = OutboxEventModel.filter(id__in=event_ids).using_db(conn)
            if own is not None:
                visible = visible.filter(jurisdiction_id=own)
            if await visible.count() != len(event_ids):
                raise MutationFailed("部分事件不存在", MutationErrorCode.NOT_FOUND, "ids")
            await outbox.requeue(conn, event_ids, own)
            rows = await OutboxEventModel.filter(id__in=event_ids).using_db(conn).order_by("id")
            after = {"requeued": event_ids}
            # One audit event for the batch: the ids are in `after` (object_id is one id).
            object_id = event_ids[0] if len(event_ids) == 1 else ""
            return Outcome(list(rows), "outbox_event", object_id, None, after, public_change=False)

        value, errors = await run_workflow(info, "outbox.requeue", body)
        if value is None:
            return OutboxRequeuePayload(outbox_events=None, errors=errors)
        return OutboxRequeuePayload(outbox_events=[OutboxEvent(row=r) for r in value], errors=[])
