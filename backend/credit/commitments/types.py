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
from credit.core import clock
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
    id: strawberry.ID
    subject_id: strawberry.ID
    kind: str = strawberry.field(description="承诺类型代码（见 commitmentKinds）")
    kind_name: str = strawberry.field(description="承诺类型名称")
    matter: str = strawberry.field(description="承诺事项")
    content: str = strawberry.field(description="承诺内容")
    from_template: bool = strawberry.field(description="承诺内容是否采用标准文本")
    signed_on: date = strawberry.field(description="签署日期")
    valid_until: date | None = strawberry.field(description="有效期至（空为长期）")
    receiving_unit: str = strawberry.field(description="受理单位")
    status: CommitmentStatus = strawberry.field(description="当前状态")  # type: ignore[valid-type]
    status_name: str = strawberry.field(description="当前状态名称")
    withdrawn_at: datetime | None = strawberry.field(description="撤回时间")
    withdraw_reason: str = strawberry.field(description="撤回理由")
    created_at: datetime = strawberry.field(description="登记时间")

    @strawberry.field(description="承诺书文件（元数据；内容经 evidenceFile 读取）")
    async def document(self, info: Info) -> EvidenceFileInfo | None:
        files = await loaders(info).documents.load(self.row.id)
        return EvidenceFileInfo.from_model(files[0]) if files else None

    @strawberry.field(description="违诺记录：关联此承诺的“违反许可承诺书”类信用信息")
    async def breaches(self, info: Info) -> list[CreditRecord]:
        links = await loaders(info).breaches.load(self.row.id)
        rows = await info.context.loaders.get(record_by_id).load_many([b.record_id for b in links])
        actor = info.context.actor
        return [
            CreditRecord.from_model(r)
            for r in rows
            if r is not None and record_visible_to(actor, r)
        ]

    @classmethod
    def from_model(cls, row: CommitmentModel) -> Commitment:
        # The status as of today (the request's day): the internal view is always current.
        status = status_of(row, clock.today())
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            subject_id=strawberry.ID(str(row.subject_id)),
            kind=row.kind,
            kind_name=kind_name(row.kind),
            matter=row.matter,
            content=row.content,
            from_template=row.from_template,
            signed_on=row.signed_on,
            valid_until=row.valid_until,
            receiving_unit=row.receiving_unit,
            status=status,
            status_name=services.STATUS_NAMES[status],
            withdrawn_at=row.withdrawn_at,
            withdraw_reason=row.withdraw_reason,
            created_at=row.created_at,
        )


@strawberry.type(description="公开的信用承诺（自然人的承诺不公开承诺内容）")
class PublicCommitment:
    row: strawberry.Private[CommitmentModel]
    snapshot: strawberry.Private[Snapshot]
    id: strawberry.ID
    kind: str = strawberry.field(description="承诺类型代码")
    kind_name: str = strawberry.field(description="承诺类型名称")
    matter: str = strawberry.field(description="承诺事项")
    # Masked when built (services.public_content): a natural person's text never enters
    # the public type, so no resolver can hand it out.
    content: str | None = strawberry.field(description="承诺内容；自然人为 null")
    signed_on: date = strawberry.field(description="签署日期")
    valid_until: date | None = strawberry.field(description="有效期至（空为长期）")
    receiving_unit: str = strawberry.field(description="受理单位")
    status: CommitmentStatus = strawberry.field(description="截至查询日期的状态")  # type: ignore[valid-type]
    status_name: str = strawberry.field(description="截至查询日期的状态名称")

    @strawberry.field(description="公示期内的违诺记录（已公布的“违反许可承诺书”类信用信息）")
    async def breaches(self, info: Info) -> list[PublicRecord]:
        links = await loaders(info).breaches.load(self.row.id)
        public = set(self.snapshot.public_record_ids)
        ids = [b.record_id for b in links if b.record_id in public]
        rows = await info.context.loaders.get(record_by_id).load_many(ids)
        return [public_record(r) for r in rows if r is not None]

    @classmethod
    def from_model(cls, row: CommitmentModel, snapshot: Snapshot) -> PublicCommitment:
        status = status_of(row, snapshot.as_of)
        return cls(
            row=row,
            snapshot=snapshot,
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            kind_name=kind_name(row.kind),
            matter=row.matter,
            content=services.public_content(snapshot.subject.kind, row.content),
            signed_on=row.signed_on,
            valid_until=row.valid_until,
            receiving_unit=row.receiving_unit,
            status=status,
            status_name=services.STATUS_NAMES[status],
        )


async def public_commitments(
    info: Info, snapshot: Snapshot, first: int | None, after: str | None
) -> Connection[PublicCommitment]:
    """The commitments the public sees on `snapshot.as_of`: signed by then and not
    withdrawn by then."""
    offset, limit = page_bounds(first, after)
    rows = await loaders(info).of_subject.load(snapshot.subject.id)
    items = [
        PublicCommitment.from_model(r, snapshot)
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
    items = [Commitment.from_model(r) for r in rows]
    return connection(items[offset : offset + limit], offset, len(items))


@strawberry.type
class CommitmentQueries:
    @strawberry.field(description="承诺类型及标准文本")
    def commitment_kinds(self) -> list[CommitmentKind]:
        return [
            CommitmentKind(code=k.code, name=k.name, breachable=k.breachable, template=k.template)
            for k in services.KINDS
        ]
