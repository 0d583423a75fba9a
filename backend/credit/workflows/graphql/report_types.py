"""GraphQL types of public reports (举报).

Invariant: no field of any type here returns a reporter's name or contact except
`ReporterIdentity`, which only the `publicReportReporter` query returns, to the assigned
handler; the report's content and evidence are shown to the handler only."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.apicore.context import Info
from credit.core import clock
from credit.subjects.internal import Subject
from credit.workflows import states
from credit.workflows.graphql.enums import ReportOutcome, ReportStatus
from credit.workflows.graphql.loaders import loaders
from credit.workflows.graphql.types import EvidenceFileInfo, gid, subject_of
from credit.workflows.models import PublicReport as PublicReportModel


def acknowledgement_no(report: PublicReportModel) -> str:
    """The number a reporter is given (举报受理编号): the day received and the report id."""
    day = report.received_at.astimezone(clock.TZ).strftime("%Y%m%d")
    return f"JB{day}-{report.id:06d}"


@strawberry.type(
    description="举报：举报人身份不在此类型的任何字段中（仅承办人可经 publicReportReporter "
    "查看）；举报内容与材料仅承办人可见"
)
class PublicReport:
    row: strawberry.Private[PublicReportModel]

    def _handled_by(self, info: Info) -> bool:
        me = info.context.actor.user_id
        return me is not None and self.row.handler_user_id == me

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field(description="受理编号（告知举报人的编号）")
    def acknowledgement_no(self) -> str:
        return acknowledgement_no(self.row)

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return gid(self.row.subject_id)

    @strawberry.field
    async def subject(self, info: Info) -> Subject | None:
        return await subject_of(info, self.row.subject_id)

    @strawberry.field
    def received_at(self) -> datetime:
        return self.row.received_at

    @strawberry.field
    def status(self) -> ReportStatus:  # type: ignore[valid-type]
        return states.ReportStatus(self.row.status)

    @strawberry.field
    def status_name(self) -> str:
        return states.REPORT.labels_zh[states.ReportStatus(self.row.status)]

    @strawberry.field(description="承办人")
    def handler_user_id(self) -> strawberry.ID | None:
        return gid(self.row.handler_user_id) if self.row.handler_user_id else None

    @strawberry.field(description="承办人姓名")
    async def handler_name(self, info: Info) -> str | None:
        if self.row.handler_user_id is None:
            return None
        user = await loaders(info).user.load(self.row.handler_user_id)
        return user.display_name if user else None

    @strawberry.field(description="当前用户是否为承办人")
    def handled_by_me(self, info: Info) -> bool:
        return self._handled_by(info)

    @strawberry.field(description="举报内容：仅承办人可见，其他人为 null")
    def content(self, info: Info) -> str | None:
        return self.row.content if self._handled_by(info) else None

    @strawberry.field(description="证明材料（元数据）：仅承办人可见，其他人为 null")
    async def evidence(self, info: Info) -> list[EvidenceFileInfo] | None:
        if not self._handled_by(info):
            return None
        rows = await loaders(info).report_evidence.load(self.row.id)
        return [EvidenceFileInfo.from_model(f) for f in rows]

    @strawberry.field
    def triaged_at(self) -> datetime | None:
        return self.row.triaged_at

    @strawberry.field
    def triage_note(self) -> str:
        return self.row.triage_note

    @strawberry.field
    def investigation_started_at(self) -> datetime | None:
        return self.row.investigation_started_at

    @strawberry.field
    def closed_at(self) -> datetime | None:
        return self.row.closed_at

    @strawberry.field
    def outcome(self) -> ReportOutcome | None:  # type: ignore[valid-type]
        return states.ReportOutcome(self.row.outcome) if self.row.outcome else None

    @strawberry.field
    def outcome_note(self) -> str:
        return self.row.outcome_note

    @strawberry.field(description="据此生成的信用信息（草稿起）")
    def record_id(self) -> strawberry.ID | None:
        return gid(self.row.record_id) if self.row.record_id else None


@strawberry.type(description="举报人身份（仅承办人可见，每次查看均记入审计日志）")
class ReporterIdentity:
    name: str
    contact: str


@strawberry.type(description="可承办举报的用户")
class ReportHandler:
    id: strawberry.ID
    display_name: str
    unit_name: str
