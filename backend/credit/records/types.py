"""Internal GraphQL types of records (every state, provider, history): never public."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from credit.accounts.loaders import unit_by_id, user_by_id
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.policies import display
from credit.policies.catalogues import WATCH_SITUATIONS_BY_CODE
from credit.policies.facts import Category as CategoryEnum
from credit.policies.facts import RecordStatus as RecordStatusEnum
from credit.records.lifecycle import STATUS_ZH
from credit.records.loaders import decision_by_id, transitions_of_record, violations_of_decision
from credit.records.models import CreditRecord as RecordModel
from credit.records.models import Decision as DecisionModel
from credit.records.models import RecordTransition
from credit.records.review import ReviewWarning
from credit.subjects.loaders import subject_by_id

RecordStatus = strawberry.enum(RecordStatusEnum, description="信用信息状态")
Category = strawberry.enum(CategoryEnum, description="信息类别：基础/优良/提示/警示")


@strawberry.type(description="处理（罚款、警告……）")
class Sanction:
    kind: str
    kind_name: str
    amount_yuan: Decimal


@strawberry.type(description="违法行为")
class Violation:
    seq: int
    type_code: str
    domain: str
    description: str
    sanctions: list[Sanction]


@strawberry.type(description="决定（文书号、日期、作出单位、依据）")
class Decision:
    row: strawberry.Private[DecisionModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def document_no(self) -> str:
        return self.row.document_no

    @strawberry.field
    def decided_on(self) -> date:
        return self.row.decided_on

    @strawberry.field
    def issuing_unit(self) -> str:
        return self.row.issuing_unit

    @strawberry.field
    def legal_basis(self) -> str:
        return self.row.legal_basis

    @strawberry.field(description="行政复议/诉讼记录（第十六条）")
    def appeals(self) -> strawberry.scalars.JSON:
        return self.row.appeals

    @strawberry.field
    async def violations(self, info: Info) -> list[Violation]:
        return await info.context.loaders.get(violations_of_decision).load(self.row.id)


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


@strawberry.type(description="信用信息（内部视图，含全部状态与录入信息）")
class CreditRecord:
    row: strawberry.Private[RecordModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def subject_id(self) -> int:
        return self.row.subject_id

    @strawberry.field
    async def subject_name(self, info: Info) -> str:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.name if s else ""

    @strawberry.field
    def category(self) -> Category:  # type: ignore[valid-type]
        return CategoryEnum(self.row.category)

    @strawberry.field
    def type(self) -> str:
        return self.row.type

    @strawberry.field
    def type_name(self) -> str:
        return display.info_type_name(self.row.type)

    @strawberry.field
    def status(self) -> RecordStatus:  # type: ignore[valid-type]
        return RecordStatusEnum(self.row.status)

    @strawberry.field
    def status_name(self) -> str:
        return STATUS_ZH[RecordStatusEnum(self.row.status)]

    @strawberry.field
    def summary(self) -> str:
        return self.row.summary

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="内部备注（不公开）"
    )
    def internal_note(self) -> str:
        return self.row.internal_note

    @strawberry.field(description="第九条情形代码（警示目录）")
    def situation_code(self) -> str | None:
        return self.row.situation_code

    @strawberry.field
    def situation_name(self) -> str | None:
        s = WATCH_SITUATIONS_BY_CODE.get(self.row.situation_code or "")
        return s.name_zh if s else None

    @strawberry.field
    def inspection_passed(self) -> bool | None:
        return self.row.inspection_passed

    @strawberry.field
    def occurred_on(self) -> date:
        return self.row.occurred_on

    @strawberry.field
    def decision_no(self) -> str | None:
        return self.row.decision_no

    @strawberry.field
    def decision_date(self) -> date | None:
        return self.row.decision_date

    @strawberry.field
    def issuing_unit(self) -> str:
        return self.row.issuing_unit

    @strawberry.field
    def legal_basis(self) -> str:
        return self.row.legal_basis

    @strawberry.field
    def published_at(self) -> datetime | None:
        return self.row.published_at

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="公示期限的特别规定（内部）"
    )
    def public_until_override(self) -> date | None:
        return self.row.public_until_override

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="保存期限的特别规定（内部）"
    )
    def retention_until_override(self) -> date | None:
        return self.row.retention_until_override

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="信息提供单位（对真实性负责）"
    )
    async def provider_unit(self, info: Info) -> str | None:
        if self.row.provider_unit_id is None:
            return None
        unit = await info.context.loaders.get(unit_by_id).load(self.row.provider_unit_id)
        return unit.name if unit else None

    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="信息提供人")
    def provider_person(self) -> str:
        return self.row.provider_person

    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="录入人")
    def created_by_id(self) -> int | None:
        return self.row.created_by_id

    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="录入方式（内部）")
    def source(self) -> str:
        return self.row.source

    @strawberry.field
    async def decision(self, info: Info) -> Decision | None:
        if self.row.decision_id is None:
            return None
        d = await info.context.loaders.get(decision_by_id).load(self.row.decision_id)
        return Decision(row=d) if d else None

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
