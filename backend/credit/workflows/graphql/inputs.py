"""Inputs of the workflow mutations. Omitted optional strings are empty strings, never
null, as the services store them."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.records.mutations import RecordFieldsInput
from credit.subjects.types import ListKind
from credit.workflows.graphql.access import EvidenceFileInput
from credit.workflows.graphql.enums import IntervieweeRole, ReminderMethod


@strawberry.input(
    description="提出异议：企业账号为本企业网上提交；审核员录入书面申请时填写收件日期 receivedOn"
)
class ObjectionFileInput:
    subject_id: strawberry.ID
    record_ids: list[strawberry.ID]
    reasons: str
    list_kind: ListKind | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="针对名单条目时填写（所选信息须为该条目所依据的信息）"
    )
    evidence: list[EvidenceFileInput] = strawberry.field(default_factory=list)
    applicant_name: str = ""
    received_on: date | None = strawberry.field(
        default=None, description="书面申请的收件日期（仅审核员录入时填写）"
    )


@strawberry.input(description="申请信用修复（移出名单）")
class RepairApplyInput:
    subject_id: strawberry.ID
    record_ids: list[strawberry.ID]
    rectification: str
    list_kind: ListKind | None = None  # type: ignore[valid-type]
    evidence: list[EvidenceFileInput] = strawberry.field(default_factory=list)
    applicant_name: str = ""


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


@strawberry.input(description="工作日历的一天")
class CalendarDayInput:
    date: date
    is_working_day: bool
    note: str = ""


@strawberry.input(description="国务院通知中的一天（放假日或调休上班日）及其说明")
class CalendarNoteInput:
    date: date
    note: str = ""


@strawberry.input(
    description="由举报生成信用信息（草稿），字段同 CreditRecordCreateInput，主体为被举报主体"
)
class ReportRecordInput(RecordFieldsInput):
    pass
