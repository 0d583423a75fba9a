"""GraphQL types of objections (异议): the objection, the reviewers' open list, the filing
input. Every relation resolves through a DataLoader."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.apicore.context import Info
from credit.casework.resolvers import EvidenceFileInput
from credit.casework.states import Channel as ChannelEnum
from credit.casework.types import (
    Channel,
    EvidenceFileInfo,
    gid,
    gids,
    resolve_records,
    resolve_subject,
    unit_name_of,
)
from credit.notices.types import Notice, notice_of
from credit.objections import states
from credit.objections.deadlines import OpenObjection as OpenObjectionRow
from credit.objections.loaders import objection_evidence
from credit.objections.models import Objection as ObjectionModel
from credit.policies.facts import ListKind as ListKindEnum
from credit.records.types import CreditRecord
from credit.subjects.internal import Subject
from credit.subjects.types import ListKind

ObjectionStatus = strawberry.enum(
    states.ObjectionStatus,
    description="异议状态：已提交/已受理/不予受理/异议成立/异议不成立/已撤回",
)


async def _handling_unit(root: Objection, info: Info) -> str | None:
    return await unit_name_of(info, root.row.handling_unit_id)


async def _result_notice(root: Objection, info: Info) -> Notice | None:
    return await notice_of(info, root.row.result_notice_id)


async def _evidence(root: Objection, info: Info) -> list[EvidenceFileInfo]:
    rows = await info.context.loaders.get(objection_evidence).load(root.row.id)
    return [EvidenceFileInfo.from_model(f) for f in rows]


@strawberry.type(description="异议（第十四条）：公示之日起法定期限内书面提出，受理后限期核实")
class Objection:
    row: strawberry.Private[ObjectionModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject: Subject | None = strawberry.field(resolver=resolve_subject)
    list_kind: ListKind | None = strawberry.field(  # type: ignore[valid-type]
        description="针对的名单（针对信用信息本身时为 null）"
    )
    record_ids: list[strawberry.ID]
    records: list[CreditRecord] = strawberry.field(
        resolver=resolve_records, description="所涉信用信息"
    )
    published_on: date = strawberry.field(description="公示日期（异议期限自此起算）")
    filing_deadline: date = strawberry.field(description="提出异议的最后一日")
    channel: Channel  # type: ignore[valid-type]
    applicant_name: str = strawberry.field(description="申请人（书面申请时录入）")
    reasons: str
    status: ObjectionStatus  # type: ignore[valid-type]
    status_name: str
    filed_on: date = strawberry.field(description="收件日期（网上提交为提交当日）")
    filed_at: datetime
    accepted_on: date | None
    handling_unit: str | None = strawberry.field(resolver=_handling_unit)
    due_on: date | None = strawberry.field(description="核实期限（受理后若干工作日）")
    due_provisional: bool = strawberry.field(
        description="期限跨越了未录入工作日历的年度：为暂定日期"
    )
    due_warning: str
    decided_at: datetime | None
    decision_reason: str = strawberry.field(description="核实结论或不予受理的理由")
    revoked_record_ids: list[strawberry.ID] = strawberry.field(
        description="因异议成立而撤销的信用信息"
    )
    result_notice: Notice | None = strawberry.field(
        resolver=_result_notice, description="结果告知书"
    )
    evidence: list[EvidenceFileInfo] = strawberry.field(
        resolver=_evidence, description="证明材料（元数据）"
    )

    @classmethod
    def from_row(cls, o: ObjectionModel) -> Objection:
        status = states.ObjectionStatus(o.status)
        return cls(
            row=o,
            id=gid(o.id),
            subject_id=gid(o.subject_id),
            list_kind=ListKindEnum(o.list_kind) if o.list_kind else None,
            record_ids=gids(o.record_ids),
            published_on=o.published_on,
            filing_deadline=o.filing_deadline,
            channel=ChannelEnum(o.channel),
            applicant_name=o.applicant_name,
            reasons=o.reasons,
            status=status,
            status_name=states.OBJECTION.labels_zh[status],
            filed_on=o.filed_on,
            filed_at=o.filed_at,
            accepted_on=o.accepted_on,
            due_on=o.due_on,
            due_provisional=o.due_provisional,
            due_warning=o.due_warning,
            decided_at=o.decided_at,
            decision_reason=o.decision_reason,
            revoked_record_ids=gids(o.revoked_record_ids),
        )


@strawberry.type(description="待办异议及其核实期限（工作日计算）")
class OpenObjection:
    objection: Objection
    due_on: date | None = strawberry.field(description="核实期限；未受理为 null")
    working_days_left: int | None = strawberry.field(description="剩余工作日；逾期为负数")
    overdue: bool
    due_soon: bool = strawberry.field(description="即将到期（且未逾期）")
    provisional: bool = strawberry.field(description="期限为暂定（所跨年度的工作日历未知）")
    warning: str

    @classmethod
    def from_row(cls, o: OpenObjectionRow) -> OpenObjection:
        return cls(
            objection=Objection.from_row(o.objection),
            due_on=o.due_on,
            working_days_left=o.working_days_left,
            overdue=o.overdue,
            due_soon=o.due_soon,
            provisional=o.provisional,
            warning=o.warning,
        )


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
