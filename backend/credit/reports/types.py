"""GraphQL types of public reports (举报).

Invariant: no field of any type here returns a reporter's name or contact except
`ReporterIdentity`, which only the `publicReportReporter` query returns, to the assigned
handler; the report's content and evidence are shown to the handler only."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.accounts.loaders import user_by_id
from credit.apicore.context import Info
from credit.casework.types import EvidenceFileInfo, gid, resolve_subject
from credit.core import clock
from credit.records.mutations import RecordFieldsInput
from credit.reports import states
from credit.reports.loaders import report_evidence
from credit.reports.models import PublicReport as PublicReportModel
from credit.subjects.internal import Subject

ReportStatus = strawberry.enum(
    states.ReportStatus, description="举报状态：已接收/已分办/核查中/已办结"
)
ReportOutcome = strawberry.enum(
    states.ReportOutcome, description="举报办结结果：属实/不属实/不予受理"
)


def acknowledgement_no(report: PublicReportModel) -> str:
    """The number a reporter is given (举报受理编号): the day received and the report id."""
    day = report.received_at.astimezone(clock.TZ).strftime("%Y%m%d")
    return f"JB{day}-{report.id:06d}"


def _handled_by(root: PublicReport, info: Info) -> bool:
    me = info.context.actor.user_id
    return me is not None and root.row.handler_user_id == me


async def _handler_name(root: PublicReport, info: Info) -> str | None:
    if root.row.handler_user_id is None:
        return None
    user = await info.context.loaders.get(user_by_id).load(root.row.handler_user_id)
    return user.display_name if user else None


def _content(root: PublicReport, info: Info) -> str | None:
    return root.row.content if _handled_by(root, info) else None


async def _evidence(root: PublicReport, info: Info) -> list[EvidenceFileInfo] | None:
    if not _handled_by(root, info):
        return None
    rows = await info.context.loaders.get(report_evidence).load(root.row.id)
    return [EvidenceFileInfo.from_model(f) for f in rows]


@strawberry.type(
    description="举报：举报人身份不在此类型的任何字段中（仅承办人可经 publicReportReporter "
    "查看）；举报内容与材料仅承办人可见"
)
class PublicReport:
    row: strawberry.Private[PublicReportModel]
    id: strawberry.ID
    acknowledgement_no: str = strawberry.field(description="受理编号（告知举报人的编号）")
    subject_id: strawberry.ID
    subject: Subject | None = strawberry.field(resolver=resolve_subject)
    received_at: datetime
    status: ReportStatus  # type: ignore[valid-type]
    status_name: str
    handler_user_id: strawberry.ID | None = strawberry.field(description="承办人")
    handler_name: str | None = strawberry.field(resolver=_handler_name, description="承办人姓名")
    handled_by_me: bool = strawberry.field(resolver=_handled_by, description="当前用户是否为承办人")
    content: str | None = strawberry.field(
        resolver=_content, description="举报内容：仅承办人可见，其他人为 null"
    )
    evidence: list[EvidenceFileInfo] | None = strawberry.field(
        resolver=_evidence, description="证明材料（元数据）：仅承办人可见，其他人为 null"
    )
    triaged_at: datetime | None
    triage_note: str
    investigation_started_at: datetime | None
    closed_at: datetime | None
    outcome: ReportOutcome | None  # type: ignore[valid-type]
    outcome_note: str
    record_id: strawberry.ID | None = strawberry.field(description="据此生成的信用信息（草稿起）")

    @classmethod
    def from_row(cls, r: PublicReportModel) -> PublicReport:
        status = states.ReportStatus(r.status)
        return cls(
            row=r,
            id=gid(r.id),
            acknowledgement_no=acknowledgement_no(r),
            subject_id=gid(r.subject_id),
            received_at=r.received_at,
            status=status,
            status_name=states.REPORT.labels_zh[status],
            handler_user_id=gid(r.handler_user_id) if r.handler_user_id else None,
            triaged_at=r.triaged_at,
            triage_note=r.triage_note,
            investigation_started_at=r.investigation_started_at,
            closed_at=r.closed_at,
            outcome=states.ReportOutcome(r.outcome) if r.outcome else None,
            outcome_note=r.outcome_note,
            record_id=gid(r.record_id) if r.record_id else None,
        )


@strawberry.type(description="举报人身份（仅承办人可见，每次查看均记入审计日志）")
class ReporterIdentity:
    name: str
    contact: str


@strawberry.type(description="可承办举报的用户")
class ReportHandler:
    id: strawberry.ID
    display_name: str
    unit_name: str


@strawberry.input(
    description="由举报生成信用信息（草稿），字段同 CreditRecordCreateInput，主体为被举报主体"
)
class ReportRecordInput(RecordFieldsInput):
    pass
