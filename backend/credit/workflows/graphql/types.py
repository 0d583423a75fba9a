"""GraphQL types of the cases: evidence, notices, objections and repair applications.
Every relation resolves through a DataLoader."""

from __future__ import annotations

import base64
from datetime import date, datetime

import strawberry

from credit.accounts.loaders import unit_by_id
from credit.apicore.context import Info
from credit.policies.facts import ListKind as ListKindEnum
from credit.records.loaders import record_by_id
from credit.records.types import CreditRecord
from credit.subjects.internal import Subject
from credit.subjects.loaders import subject_by_id
from credit.subjects.scope import record_visible_to
from credit.subjects.types import ListKind
from credit.workflows import states
from credit.workflows.deadlines import OpenObjection as OpenObjectionRow
from credit.workflows.graphql.enums import (
    NOTICE_KIND_ZH,
    Channel,
    NoticeKind,
    ObjectionStatus,
    RepairStatus,
)
from credit.workflows.graphql.loaders import loaders
from credit.workflows.models import EvidenceFile as EvidenceFileModel
from credit.workflows.models import Notice as NoticeModel
from credit.workflows.models import Objection as ObjectionModel
from credit.workflows.models import RepairApplication as RepairModel


def gid(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))


async def subject_of(info: Info, subject_id: int) -> Subject | None:
    row = await info.context.loaders.get(subject_by_id).load(subject_id)
    return Subject.from_model(row) if row else None


async def records_of(info: Info, ids: list[int]) -> list[CreditRecord]:
    rows = await info.context.loaders.get(record_by_id).load_many(ids)
    actor = info.context.actor
    return [
        CreditRecord.from_model(r) for r in rows if r is not None and record_visible_to(actor, r)
    ]


async def notice_of(info: Info, notice_id: int | None) -> Notice | None:
    if notice_id is None:
        return None
    row = await loaders(info).notice.load(notice_id)
    return Notice(row=row) if row else None


async def unit_name_of(info: Info, unit_id: int | None) -> str | None:
    if unit_id is None:
        return None
    unit = await info.context.loaders.get(unit_by_id).load(unit_id)
    return unit.name if unit else None


@strawberry.type(description="证明材料（元数据；内容经 evidenceFile 查询）")
class EvidenceFileInfo:
    id: strawberry.ID
    name: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime

    @classmethod
    def from_model(cls, f: EvidenceFileModel) -> EvidenceFileInfo:
        return cls(
            id=gid(f.id),
            name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            created_at=f.created_at,
        )


@strawberry.type(description="证明材料（含 base64 编码的内容）")
class EvidenceFileContent(EvidenceFileInfo):
    base64: str

    @classmethod
    def with_content(cls, f: EvidenceFileModel) -> EvidenceFileContent:
        return cls(
            id=gid(f.id),
            name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            created_at=f.created_at,
            base64=base64.b64encode(f.content).decode(),
        )


@strawberry.type(description="告知书（书面告知）：body 为可打印的文书全文")
class Notice:
    row: strawberry.Private[NoticeModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return gid(self.row.subject_id)

    @strawberry.field
    async def subject(self, info: Info) -> Subject | None:
        return await subject_of(info, self.row.subject_id)

    @strawberry.field
    def kind(self) -> NoticeKind:  # type: ignore[valid-type]
        return states.NoticeKind(self.row.kind)

    @strawberry.field(description="文书种类（中文）")
    def kind_name(self) -> str:
        return NOTICE_KIND_ZH[states.NoticeKind(self.row.kind)]

    @strawberry.field
    def title(self) -> str:
        return self.row.title

    @strawberry.field(description="文书全文（可打印）")
    def body(self) -> str:
        return self.row.body

    @strawberry.field(description="所涉事项：objection / repair_application / reminder / subject")
    def object_type(self) -> str:
        return self.row.object_type

    @strawberry.field
    def object_id(self) -> str:
        return self.row.object_id

    @strawberry.field
    def record_ids(self) -> list[strawberry.ID]:
        return [gid(i) for i in self.row.record_ids]

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at


@strawberry.type(description="异议（第十四条）：公示之日起法定期限内书面提出，受理后限期核实")
class Objection:
    row: strawberry.Private[ObjectionModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return gid(self.row.subject_id)

    @strawberry.field
    async def subject(self, info: Info) -> Subject | None:
        return await subject_of(info, self.row.subject_id)

    @strawberry.field(description="针对的名单（针对信用信息本身时为 null）")
    def list_kind(self) -> ListKind | None:  # type: ignore[valid-type]
        return ListKindEnum(self.row.list_kind) if self.row.list_kind else None

    @strawberry.field
    def record_ids(self) -> list[strawberry.ID]:
        return [gid(i) for i in self.row.record_ids]

    @strawberry.field(description="所涉信用信息")
    async def records(self, info: Info) -> list[CreditRecord]:
        return await records_of(info, self.row.record_ids)

    @strawberry.field(description="公示日期（异议期限自此起算）")
    def published_on(self) -> date:
        return self.row.published_on

    @strawberry.field(description="提出异议的最后一日")
    def filing_deadline(self) -> date:
        return self.row.filing_deadline

    @strawberry.field
    def channel(self) -> Channel:  # type: ignore[valid-type]
        return states.Channel(self.row.channel)

    @strawberry.field(description="申请人（书面申请时录入）")
    def applicant_name(self) -> str:
        return self.row.applicant_name

    @strawberry.field
    def reasons(self) -> str:
        return self.row.reasons

    @strawberry.field
    def status(self) -> ObjectionStatus:  # type: ignore[valid-type]
        return states.ObjectionStatus(self.row.status)

    @strawberry.field
    def status_name(self) -> str:
        return states.OBJECTION.labels_zh[states.ObjectionStatus(self.row.status)]

    @strawberry.field(description="收件日期（网上提交为提交当日）")
    def filed_on(self) -> date:
        return self.row.filed_on

    @strawberry.field
    def filed_at(self) -> datetime:
        return self.row.filed_at

    @strawberry.field
    def accepted_on(self) -> date | None:
        return self.row.accepted_on

    @strawberry.field
    async def handling_unit(self, info: Info) -> str | None:
        return await unit_name_of(info, self.row.handling_unit_id)

    @strawberry.field(description="核实期限（受理后若干工作日）")
    def due_on(self) -> date | None:
        return self.row.due_on

    @strawberry.field(description="期限跨越了未录入工作日历的年度：为暂定日期")
    def due_provisional(self) -> bool:
        return self.row.due_provisional

    @strawberry.field
    def due_warning(self) -> str:
        return self.row.due_warning

    @strawberry.field
    def decided_at(self) -> datetime | None:
        return self.row.decided_at

    @strawberry.field(description="核实结论或不予受理的理由")
    def decision_reason(self) -> str:
        return self.row.decision_reason

    @strawberry.field(description="因异议成立而撤销的信用信息")
    def revoked_record_ids(self) -> list[strawberry.ID]:
        return [gid(i) for i in self.row.revoked_record_ids]

    @strawberry.field(description="结果告知书")
    async def result_notice(self, info: Info) -> Notice | None:
        return await notice_of(info, self.row.result_notice_id)

    @strawberry.field(description="证明材料（元数据）")
    async def evidence(self, info: Info) -> list[EvidenceFileInfo]:
        rows = await loaders(info).objection_evidence.load(self.row.id)
        return [EvidenceFileInfo.from_model(f) for f in rows]


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
            objection=Objection(row=o.objection),
            due_on=o.due_on,
            working_days_left=o.working_days_left,
            overdue=o.overdue,
            due_soon=o.due_soon,
            provisional=o.provisional,
            warning=o.warning,
        )


@strawberry.type(description="信用修复申请（第十五条）：核准即为解除决定，信息转为已修复")
class RepairApplication:
    row: strawberry.Private[RepairModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid(self.row.id)

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return gid(self.row.subject_id)

    @strawberry.field
    async def subject(self, info: Info) -> Subject | None:
        return await subject_of(info, self.row.subject_id)

    @strawberry.field
    def list_kind(self) -> ListKind | None:  # type: ignore[valid-type]
        return ListKindEnum(self.row.list_kind) if self.row.list_kind else None

    @strawberry.field
    def record_ids(self) -> list[strawberry.ID]:
        return [gid(i) for i in self.row.record_ids]

    @strawberry.field
    async def records(self, info: Info) -> list[CreditRecord]:
        return await records_of(info, self.row.record_ids)

    @strawberry.field
    def channel(self) -> Channel:  # type: ignore[valid-type]
        return states.Channel(self.row.channel)

    @strawberry.field
    def applicant_name(self) -> str:
        return self.row.applicant_name

    @strawberry.field(description="整改情况")
    def rectification(self) -> str:
        return self.row.rectification

    @strawberry.field
    def status(self) -> RepairStatus:  # type: ignore[valid-type]
        return states.RepairStatus(self.row.status)

    @strawberry.field
    def status_name(self) -> str:
        return states.REPAIR.labels_zh[states.RepairStatus(self.row.status)]

    @strawberry.field
    def filed_at(self) -> datetime:
        return self.row.filed_at

    @strawberry.field
    def decided_at(self) -> datetime | None:
        return self.row.decided_at

    @strawberry.field
    def decided_on(self) -> date | None:
        return self.row.decided_on

    @strawberry.field
    def decision_reason(self) -> str:
        return self.row.decision_reason

    @strawberry.field(description="解除决定文书号")
    def decision_no(self) -> str | None:
        return self.row.decision_no

    @strawberry.field
    def issuing_unit(self) -> str:
        return self.row.issuing_unit

    @strawberry.field
    async def result_notice(self, info: Info) -> Notice | None:
        return await notice_of(info, self.row.result_notice_id)

    @strawberry.field
    async def evidence(self, info: Info) -> list[EvidenceFileInfo]:
        rows = await loaders(info).repair_evidence.load(self.row.id)
        return [EvidenceFileInfo.from_model(f) for f in rows]
