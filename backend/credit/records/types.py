"""Internal GraphQL types of records (every state, provider, history): never public."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from credit.accounts.loaders import unit_by_id, user_by_id
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.policies import display
from credit.policies.catalogues import SANCTION_KINDS_BY_CODE, WATCH_SITUATIONS_BY_CODE
from credit.policies.facts import Category as CategoryEnum
from credit.policies.facts import RecordStatus as RecordStatusEnum
from credit.records.lifecycle import STATUS_ZH
from credit.records.loaders import decision_by_id, transitions_of_record, violations_of_decision
from credit.records.models import CreditRecord as RecordModel
from credit.records.models import Decision as DecisionModel
from credit.records.models import RecordTransition
from credit.records.models import Sanction as SanctionModel
from credit.records.models import Violation as ViolationModel
from credit.records.review import ReviewWarning
from credit.subjects.loaders import subject_by_id

RecordStatus = strawberry.enum(RecordStatusEnum, description="信用信息状态")
Category = strawberry.enum(CategoryEnum, description="信息类别：基础/优良/提示/警示")


@strawberry.type(description="处理（罚款、警告……）")
class Sanction:
    kind: str
    kind_name: str
    amount_yuan: Decimal

    @classmethod
    def from_model(cls, row: SanctionModel) -> Sanction:
        kind = SANCTION_KINDS_BY_CODE.get(row.kind)
        return cls(
            kind=row.kind, kind_name=kind.name_zh if kind else row.kind, amount_yuan=row.amount_yuan
        )


@strawberry.type(description="违法行为")
class Violation:
    seq: int
    type_code: str
    domain: str
    description: str
    sanctions: list[Sanction]

    @classmethod
    def from_model(cls, row: ViolationModel, sanctions: list[SanctionModel]) -> Violation:
        return cls(
            seq=row.seq,
            type_code=row.type_code,
            domain=row.domain,
            description=row.description,
            sanctions=[Sanction.from_model(s) for s in sanctions],
        )


@strawberry.type(description="决定（文书号、日期、作出单位、依据）")
class Decision:
    row: strawberry.Private[DecisionModel]
    id: strawberry.ID
    document_no: str
    decided_on: date
    issuing_unit: str
    legal_basis: str
    appeals: strawberry.scalars.JSON = strawberry.field(description="行政复议/诉讼记录（第十六条）")

    @strawberry.field
    async def violations(self, info: Info) -> list[Violation]:
        rows = await info.context.loaders.get(violations_of_decision).load(self.row.id)
        return [Violation.from_model(v, sanctions) for v, sanctions in rows]

    @classmethod
    def from_model(cls, d: DecisionModel) -> Decision:
        return cls(
            row=d,
            id=strawberry.ID(str(d.id)),
            document_no=d.document_no,
            decided_on=d.decided_on,
            issuing_unit=d.issuing_unit,
            legal_basis=d.legal_basis,
            appeals=d.appeals,
        )


@strawberry.type(description="状态变更（生命周期的每一步及其时间）")
class Transition:
    from_status: RecordStatus | None  # type: ignore[valid-type]
    to_status: RecordStatus  # type: ignore[valid-type]
    at: datetime
    by_user_id: int | None
    reason: str

    @strawberry.field(description="操作人")
    async def by_username(self, info: Info) -> str | None:
        if self.by_user_id is None:
            return None
        user = await info.context.loaders.get(user_by_id).load(self.by_user_id)
        return user.display_name if user else None

    @classmethod
    def from_model(cls, t: RecordTransition) -> Transition:
        return cls(
            from_status=RecordStatusEnum(t.from_status) if t.from_status else None,
            to_status=RecordStatusEnum(t.to_status),
            at=t.at,
            by_user_id=t.by_user_id,
            reason=t.reason,
        )


# Resolvers declared before the type: a field with a resolver keeps its place among the
# plain fields only when it is assigned in the class body (strawberry lists annotated
# fields first, then decorated methods), and the schema's field order is part of the API.
async def _subject_name(root: CreditRecord, info: Info) -> str:
    s = await info.context.loaders.get(subject_by_id).load(root.subject_id)
    return s.name if s else ""


async def _provider_unit(root: CreditRecord, info: Info) -> str | None:
    if root.row.provider_unit_id is None:
        return None
    unit = await info.context.loaders.get(unit_by_id).load(root.row.provider_unit_id)
    return unit.name if unit else None


@strawberry.type(description="信用信息（内部视图，含全部状态与录入信息）")
class CreditRecord:
    row: strawberry.Private[RecordModel]
    id: strawberry.ID
    subject_id: int
    subject_name: str = strawberry.field(resolver=_subject_name)
    category: Category  # type: ignore[valid-type]
    type: str
    type_name: str
    status: RecordStatus  # type: ignore[valid-type]
    status_name: str
    summary: str
    internal_note: str = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="内部备注（不公开）"
    )
    situation_code: str | None = strawberry.field(description="第九条情形代码（警示目录）")
    situation_name: str | None
    inspection_passed: bool | None
    occurred_on: date
    decision_no: str | None
    decision_date: date | None
    issuing_unit: str
    legal_basis: str
    published_at: datetime | None
    public_until_override: date | None = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="公示期限的特别规定（内部）"
    )
    retention_until_override: date | None = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="保存期限的特别规定（内部）"
    )
    provider_unit: str | None = strawberry.field(
        resolver=_provider_unit,
        extensions=requires(Permission.VIEW_INTERNAL),
        description="信息提供单位（对真实性负责）",
    )
    provider_person: str = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="信息提供人"
    )
    created_by_id: int | None = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="录入人"
    )
    source: str = strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="录入方式（内部）"
    )

    @classmethod
    def from_model(cls, r: RecordModel) -> CreditRecord:
        situation = WATCH_SITUATIONS_BY_CODE.get(r.situation_code or "")
        return cls(
            row=r,
            id=strawberry.ID(str(r.id)),
            subject_id=r.subject_id,
            category=CategoryEnum(r.category),
            type=r.type,
            type_name=display.info_type_name(r.type),
            status=RecordStatusEnum(r.status),
            status_name=STATUS_ZH[RecordStatusEnum(r.status)],
            summary=r.summary,
            internal_note=r.internal_note,
            situation_code=r.situation_code,
            situation_name=situation.name_zh if situation else None,
            inspection_passed=r.inspection_passed,
            occurred_on=r.occurred_on,
            decision_no=r.decision_no,
            decision_date=r.decision_date,
            issuing_unit=r.issuing_unit,
            legal_basis=r.legal_basis,
            published_at=r.published_at,
            public_until_override=r.public_until_override,
            retention_until_override=r.retention_until_override,
            provider_person=r.provider_person,
            created_by_id=r.created_by_id,
            source=r.source,
        )

    @strawberry.field
    async def decision(self, info: Info) -> Decision | None:
        if self.row.decision_id is None:
            return None
        d = await info.context.loaders.get(decision_by_id).load(self.row.decision_id)
        return Decision.from_model(d) if d else None

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="生命周期变更历史（含操作人）"
    )
    async def transitions(self, info: Info) -> list[Transition]:
        rows = await info.context.loaders.get(transitions_of_record).load(self.row.id)
        return [Transition.from_model(t) for t in rows]

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL),
        description="审核提示（内部）：文书号重复使用、发生日期早于保存期限等",
    )
    async def review_warnings(self, info: Info) -> list[ReviewWarning]:
        from credit.records.review import loaders

        return await loaders(info).warnings.load(self.row.id)

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL),
        description="退回理由（内部）：已退回或退回后重新编辑的信息，最近一次退回的理由",
    )
    async def return_reason(self, info: Info) -> str | None:
        from credit.records.review import loaders

        if self.row.status not in (RecordStatusEnum.REJECTED, RecordStatusEnum.DRAFT):
            return None
        return await loaders(info).return_reason.load(self.row.id)
