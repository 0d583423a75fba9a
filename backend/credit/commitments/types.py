"""GraphQL types of the commitments register: the internal view (staff in scope and the
subject's own account) and the public one (信用承诺 on the public profile)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.casework.types import EvidenceFileInfo
from credit.commitments import services
from credit.commitments.loaders import loaders
from credit.commitments.models import Commitment as CommitmentModel
from credit.commitments.models import CommitmentState
from credit.records.loaders import record_by_id
from credit.records.types import CreditRecord
from credit.subjects.scope import record_visible_to
from credit.subjects.services import Snapshot
from credit.subjects.types import PublicRecord, public_record

CommitmentStatus = strawberry.enum(
    services.CommitmentStatus, description="承诺状态：有效 / 已到期 / 已撤回 / 尚未签署"
)


@strawberry.type(description="承诺类型及其标准文本（模板；{matter} 处为承诺事项）")
class CommitmentKind:
    code: str
    name: str
    breachable: bool = strawberry.field(description="违反许可承诺书类信用信息可否关联此类承诺")
    template: str


def kind_name(code: str) -> str:
    kind = services.KINDS_BY_CODE.get(code)
    return kind.name if kind else "其他承诺"


def _withdrawn_on(row: CommitmentModel) -> date | None:
    if row.state != CommitmentState.WITHDRAWN:
        return None
    return services.local_date(row.withdrawn_at)


def status_of(row: CommitmentModel, day: date) -> services.CommitmentStatus:
    return services.status_on(row.signed_on, row.valid_until, _withdrawn_on(row), day)


@strawberry.type(description="信用承诺（内部视图：辖区内部用户与承诺主体本身）")
class Commitment:
    row: strawberry.Private[CommitmentModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.subject_id))

    @strawberry.field(description="承诺类型代码（见 commitmentKinds）")
    def kind(self) -> str:
        return self.row.kind

    @strawberry.field(description="承诺类型名称")
    def kind_name(self) -> str:
        return kind_name(self.row.kind)

    @strawberry.field(description="承诺事项")
    def matter(self) -> str:
        return self.row.matter

    @strawberry.field(description="承诺内容")
    def content(self) -> str:
        return self.row.content

    @strawberry.field(description="承诺内容是否采用标准文本")
    def from_template(self) -> bool:
        return self.row.from_template

    @strawberry.field(description="签署日期")
    def signed_on(self) -> date:
        return self.row.signed_on

    @strawberry.field(description="有效期至（空为长期）")
    def valid_until(self) -> date | None:
        return self.row.valid_until

    @strawberry.field(description="受理单位")
    def receiving_unit(self) -> str:
        return self.row.receiving_unit

    @strawberry.field(description="当前状态")
    def status(self) -> CommitmentStatus:  # type: ignore[valid-type]
        from credit.core import clock

        return status_of(self.row, clock.today())

    @strawberry.field(description="当前状态名称")
    def status_name(self) -> str:
        from credit.core import clock

        return services.STATUS_NAMES[status_of(self.row, clock.today())]

    @strawberry.field(description="撤回时间")
    def withdrawn_at(self) -> datetime | None:
        return self.row.withdrawn_at

    @strawberry.field(description="撤回理由")
    def withdraw_reason(self) -> str:
        return self.row.withdraw_reason

    @strawberry.field(description="登记时间")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="承诺书文件（元数据；内容经 evidenceFile 读取）")
    async def document(self, info: Info) -> EvidenceFileInfo | None:
        files = await loaders(info).documents.load(self.row.id)
        return EvidenceFileInfo.from_model(files[0]) if files else None

    @strawberry.field(description="违诺记录：关联此承诺的“违反许可承诺书”类信用信息")
    async def breaches(self, info: Info) -> list[CreditRecord]:
        links = await loaders(info).breaches.load(self.row.id)
        rows = await info.context.loaders.get(record_by_id).load_many([b.record_id for b in links])
        actor = info.context.actor
        return [CreditRecord(row=r) for r in rows if r is not None and record_visible_to(actor, r)]


@strawberry.type(description="公开的信用承诺（自然人的承诺不公开承诺内容）")
class PublicCommitment:
    row: strawberry.Private[CommitmentModel]
    snapshot: strawberry.Private[Snapshot]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field(description="承诺类型代码")
    def kind(self) -> str:
        return self.row.kind

    @strawberry.field(description="承诺类型名称")
    def kind_name(self) -> str:
        return kind_name(self.row.kind)

    @strawberry.field(description="承诺事项")
    def matter(self) -> str:
        return self.row.matter

    @strawberry.field(description="承诺内容；自然人为 null")
    def content(self) -> str | None:
        return services.public_content(self.snapshot.subject.kind, self.row.content)

    @strawberry.field(description="签署日期")
    def signed_on(self) -> date:
        return self.row.signed_on

    @strawberry.field(description="有效期至（空为长期）")
    def valid_until(self) -> date | None:
        return self.row.valid_until

    @strawberry.field(description="受理单位")
    def receiving_unit(self) -> str:
        return self.row.receiving_unit

    @strawberry.field(description="截至查询日期的状态")
    def status(self) -> CommitmentStatus:  # type: ignore[valid-type]
        return status_of(self.row, self.snapshot.as_of)

    @strawberry.field(description="截至查询日期的状态名称")
    def status_name(self) -> str:
        return services.STATUS_NAMES[status_of(self.row, self.snapshot.as_of)]

    @strawberry.field(description="公示期内的违诺记录（已公布的“违反许可承诺书”类信用信息）")
    async def breaches(self, info: Info) -> list[PublicRecord]:
        links = await loaders(info).breaches.load(self.row.id)
        public = set(self.snapshot.public_record_ids)
        ids = [b.record_id for b in links if b.record_id in public]
        rows = await info.context.loaders.get(record_by_id).load_many(ids)
        return [public_record(r) for r in rows if r is not None]


async def public_commitments(
    info: Info, snapshot: Snapshot, first: int | None, after: str | None
) -> Connection[PublicCommitment]:
    """The commitments the public sees on `snapshot.as_of`: signed by then and not
    withdrawn by then."""
    offset, limit = page_bounds(first, after)
    rows = await loaders(info).of_subject.load(snapshot.subject.id)
    items = [
        PublicCommitment(row=r, snapshot=snapshot)
        for r in rows
        if services.publicly_listed(status_of(r, snapshot.as_of))
    ]
    return connection(items[offset : offset + limit], offset, len(items))


async def subject_commitments(
    info: Info, subject_id: int, first: int | None, after: str | None
) -> Connection[Commitment]:
    """Every commitment of a subject already known to be in the caller's scope."""
    offset, limit = page_bounds(first, after)
    rows = await loaders(info).of_subject.load(subject_id)
    items = [Commitment(row=r) for r in rows]
    return connection(items[offset : offset + limit], offset, len(items))


@strawberry.type
class CommitmentQueries:
    @strawberry.field(description="承诺类型及标准文本")
    def commitment_kinds(self) -> list[CommitmentKind]:
        return [
            CommitmentKind(code=k.code, name=k.name, breachable=k.breachable, template=k.template)
            for k in services.KINDS
        ]
