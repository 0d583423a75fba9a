"""Queries of the reminder register: the proposal for a subject, and the register."""

from __future__ import annotations

from datetime import date, timedelta

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.casework.error_codes import CaseError
from credit.casework.resolvers import arg_id, scoped_subject_ids
from credit.core import clock
from credit.reminders import states
from credit.reminders.models import Reminder as ReminderModel
from credit.reminders.services import propose_reminder
from credit.reminders.types import Reminder, ReminderMethod, ReminderProposal
from credit.subjects.scope import in_scope

P = Permission


@strawberry.type
class ReminderQueries:
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
        except CaseError:
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
        return connection([Reminder.from_row(r) for r in rows], offset, total)
