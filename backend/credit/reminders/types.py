"""GraphQL types of the reminder register (信用提醒、诚信约谈): a registered reminder, the
proposal for a subject, the registration input."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.apicore.context import Info
from credit.casework.types import gid, gids, resolve_subject, unit_name_of
from credit.notices.types import Notice, notice_of
from credit.policies.facts import GradeLevel as GradeLevelEnum
from credit.reminders import states
from credit.reminders.models import Reminder as ReminderModel
from credit.reminders.services import GRADE_ZH
from credit.reminders.services import ReminderProposal as ProposalRow
from credit.subjects.internal import Subject
from credit.subjects.types import GradeLevel

ReminderMethod = strawberry.enum(
    states.ReminderMethod, description="信用提醒方式：口头信用提醒/书面信用提醒/诚信约谈"
)
IntervieweeRole = strawberry.enum(
    states.IntervieweeRole, description="被约谈人身份：主要负责人/分管负责人/直接责任人/本人"
)


async def _unit_name(root: Reminder, info: Info) -> str | None:
    return await unit_name_of(info, root.row.unit_id)


async def _notice(root: Reminder, info: Info) -> Notice | None:
    return await notice_of(info, root.row.notice_id)


@strawberry.type(description="信用提醒/诚信约谈登记（登记簿的一行）")
class Reminder:
    row: strawberry.Private[ReminderModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject: Subject | None = strawberry.field(resolver=resolve_subject)
    grade: GradeLevel = strawberry.field(description="登记时的信用等级")  # type: ignore[valid-type]
    grade_name: str
    method: ReminderMethod  # type: ignore[valid-type]
    method_name: str
    held_at: datetime = strawberry.field(description="实施时间")
    place: str
    content: str
    record_ids: list[strawberry.ID] = strawberry.field(description="等级所依据的信用信息")
    interviewee_name: str
    interviewee_role: IntervieweeRole | None  # type: ignore[valid-type]
    interviewee_title: str
    officers: str = strawberry.field(description="办理人")
    unit_name: str | None = strawberry.field(resolver=_unit_name, description="登记单位")
    notice: Notice | None = strawberry.field(resolver=_notice, description="书面信用提醒的提醒书")
    pushed_at: datetime | None = strawberry.field(
        description="推送至市公共信用信息共享服务平台的时间"
    )
    created_at: datetime

    @classmethod
    def from_row(cls, r: ReminderModel) -> Reminder:
        method = states.ReminderMethod(r.method)
        return cls(
            row=r,
            id=gid(r.id),
            subject_id=gid(r.subject_id),
            grade=GradeLevelEnum(r.grade),
            grade_name=GRADE_ZH.get(str(r.grade), str(r.grade)),
            method=method,
            method_name=states.METHOD_ZH[method],
            held_at=r.held_at,
            place=r.place,
            content=r.content,
            record_ids=gids(r.record_ids),
            interviewee_name=r.interviewee_name,
            interviewee_role=(
                states.IntervieweeRole(r.interviewee_role) if r.interviewee_role else None
            ),
            interviewee_title=r.interviewee_title,
            officers=r.officers,
            pushed_at=r.pushed_at,
            created_at=r.created_at,
        )


@strawberry.type(description="按当前信用等级建议的提醒方式（舞公 五）")
class ReminderProposal:
    grade: GradeLevel | None  # type: ignore[valid-type]
    grade_name: str
    methods: list[ReminderMethod] = strawberry.field(  # type: ignore[valid-type]
        description="可采用的方式；为空表示无需提醒或约谈"
    )
    reasons: list[str] = strawberry.field(description="等级理由（可作为提醒内容）")
    record_ids: list[strawberry.ID]

    @classmethod
    def from_row(cls, p: ProposalRow) -> ReminderProposal:
        return cls(
            grade=GradeLevelEnum(p.grade) if p.grade else None,
            grade_name=GRADE_ZH.get(p.grade or "", "未评级"),
            methods=list(p.methods),
            reasons=list(p.reasons),
            record_ids=gids(p.record_ids),
        )


@strawberry.input(description="登记信用提醒或诚信约谈（舞公 五）")
class ReminderRegisterInput:
    subject_id: strawberry.ID
    method: ReminderMethod  # type: ignore[valid-type]
    held_at: datetime = strawberry.field(description="实施时间；不带时区时按本地时间")
    content: str
    place: str = ""
    officers: str = ""
    interviewee_name: str = ""
    interviewee_role: IntervieweeRole | None = None  # type: ignore[valid-type]
    interviewee_title: str = ""
