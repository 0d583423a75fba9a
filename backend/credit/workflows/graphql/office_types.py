"""GraphQL types of the bureau office's tools: the reminder register, the working-day
calendar and the publication outbox."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.apicore.context import Info
from credit.policies.facts import GradeLevel as GradeLevelEnum
from credit.subjects.internal import Subject
from credit.subjects.types import GradeLevel
from credit.workflows import states
from credit.workflows.graphql.enums import (
    DaySource,
    IntervieweeRole,
    OutboxStatus,
    ReminderMethod,
)
from credit.workflows.graphql.types import Notice, gid, notice_of, subject_of, unit_name_of
from credit.workflows.models import OutboxEvent as OutboxEventModel
from credit.workflows.models import Reminder as ReminderModel
from credit.workflows.params import OUTBOX_KIND_NAMES_ZH, TARGET_NAMES_ZH
from credit.workflows.reminders import GRADE_ZH
from credit.workflows.reminders import ReminderProposal as ProposalRow


@strawberry.type(description="信用提醒/诚信约谈登记（登记簿的一行）")
class Reminder:
    row: strawberry.Private[ReminderModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return gid(self.row.subject_id)

    @strawberry.field
    async def subject(self, info: Info) -> Subject | None:
        return await subject_of(info, self.row.subject_id)

    @strawberry.field(description="登记时的信用等级")
    def grade(self) -> GradeLevel:  # type: ignore[valid-type]
        return GradeLevelEnum(self.row.grade)

    @strawberry.field
    def grade_name(self) -> str:
        return GRADE_ZH.get(str(self.row.grade), str(self.row.grade))

    @strawberry.field
    def method(self) -> ReminderMethod:  # type: ignore[valid-type]
        return states.ReminderMethod(self.row.method)

    @strawberry.field
    def method_name(self) -> str:
        return states.METHOD_ZH[states.ReminderMethod(self.row.method)]

    @strawberry.field(description="实施时间")
    def held_at(self) -> datetime:
        return self.row.held_at

    @strawberry.field
    def place(self) -> str:
        return self.row.place

    @strawberry.field
    def content(self) -> str:
        return self.row.content

    @strawberry.field(description="等级所依据的信用信息")
    def record_ids(self) -> list[strawberry.ID]:
        return [gid(i) for i in self.row.record_ids]

    @strawberry.field
    def interviewee_name(self) -> str:
        return self.row.interviewee_name

    @strawberry.field
    def interviewee_role(self) -> IntervieweeRole | None:  # type: ignore[valid-type]
        role = self.row.interviewee_role
        return states.IntervieweeRole(role) if role else None

    @strawberry.field
    def interviewee_title(self) -> str:
        return self.row.interviewee_title

    @strawberry.field(description="办理人")
    def officers(self) -> str:
        return self.row.officers

    @strawberry.field(description="登记单位")
    async def unit_name(self, info: Info) -> str | None:
        return await unit_name_of(info, self.row.unit_id)

    @strawberry.field(description="书面信用提醒的提醒书")
    async def notice(self, info: Info) -> Notice | None:
        return await notice_of(info, self.row.notice_id)

    @strawberry.field(description="推送至市公共信用信息共享服务平台的时间")
    def pushed_at(self) -> datetime | None:
        return self.row.pushed_at

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at


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
            record_ids=[gid(i) for i in p.record_ids],
        )


@strawberry.type(description="工作日历的一天")
class CalendarDay:
    date: date
    is_working_day: bool
    source: DaySource  # type: ignore[valid-type]
    note: str = strawberry.field(description="说明（如节日名称、调休上班）")


@strawberry.type(description="推送事件（发往公示网站与市平台）")
class OutboxEvent:
    row: strawberry.Private[OutboxEventModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field(description="幂等键（Idempotency-Key）")
    def key(self) -> str:
        return self.row.key

    @strawberry.field
    def target(self) -> str:
        return self.row.target

    @strawberry.field
    def target_name(self) -> str:
        return TARGET_NAMES_ZH.get(self.row.target, self.row.target)

    @strawberry.field
    def kind(self) -> str:
        return self.row.kind

    @strawberry.field(description="事件种类（中文）")
    def kind_name(self) -> str:
        return OUTBOX_KIND_NAMES_ZH.get(self.row.kind, "其他事件")

    @strawberry.field(description="推送内容（仅公开字段）")
    def payload(self) -> strawberry.scalars.JSON:
        return self.row.payload

    @strawberry.field
    def status(self) -> OutboxStatus:  # type: ignore[valid-type]
        return states.OutboxStatus(self.row.status)

    @strawberry.field
    def status_name(self) -> str:
        return states.OUTBOX.labels_zh[states.OutboxStatus(self.row.status)]

    @strawberry.field
    def attempts(self) -> int:
        return self.row.attempts

    @strawberry.field
    def next_attempt_at(self) -> datetime:
        return self.row.next_attempt_at

    @strawberry.field
    def last_attempt_at(self) -> datetime | None:
        return self.row.last_attempt_at

    @strawberry.field
    def last_error(self) -> str:
        return self.row.last_error

    @strawberry.field
    def delivered_at(self) -> datetime | None:
        return self.row.delivered_at

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at
