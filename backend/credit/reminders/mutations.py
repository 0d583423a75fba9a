"""Mutations of the reminder register (舞公 五): registering a reminder or interview, and
pushing it to the municipal platform."""

from __future__ import annotations

from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome
from credit.casework.resolvers import (
    int_id,
    local_aware,
    require_owner_in_scope,
    require_subject_in_scope,
    run_case,
)
from credit.reminders import services, states
from credit.reminders.error_codes import ReminderPayloadError, to_user_error
from credit.reminders.models import Reminder as ReminderModel
from credit.reminders.types import Reminder, ReminderRegisterInput

P = Permission


@strawberry.type
class ReminderPayload:
    reminder: Reminder | None
    errors: list[ReminderPayloadError]


def _reminder_snapshot(r: ReminderModel) -> dict[str, Any]:
    return {
        "subject_id": r.subject_id,
        "method": r.method,
        "held_at": r.held_at,
        "notice_id": r.notice_id,
        "pushed_at": r.pushed_at,
    }


@strawberry.type
class ReminderMutations:
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
            row = await services.register_reminder(
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

        value, errors = await run_case(info, "reminder.register", body, to_user_error)
        return ReminderPayload(reminder=Reminder.from_row(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(P.MANAGE_REMINDERS),
        description="将登记推送至市公共信用信息共享服务平台（不含被约谈人姓名；每条一次）",
    )
    async def reminder_push(self, info: Info, id: strawberry.ID) -> ReminderPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, rid = info.context.actor, int_id(id)
            await require_owner_in_scope(conn, actor, ReminderModel, rid, "登记")
            row = await services.push_reminder(conn, actor, rid)
            return Outcome(row, "reminder", rid, None, _reminder_snapshot(row), public_change=False)

        value, errors = await run_case(info, "reminder.push", body, to_user_error)
        return ReminderPayload(reminder=Reminder.from_row(value) if value else None, errors=errors)
