"""GraphQL types of the association's work: its members (with their current list status)
and its rating submissions (with their review status)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.apicore.context import Info
from credit.associations.models import AssociationMember as MemberModel
from credit.associations.services import rating_of
from credit.core import clock
from credit.grades.loaders import evaluation_of_subject
from credit.policies.facts import ListKind as ListKindEnum
from credit.policies.facts import RecordStatus as RecordStatusEnum
from credit.records.lifecycle import STATUS_ZH
from credit.records.loaders import transitions_of_record
from credit.records.models import CreditRecord as RecordModel
from credit.records.types import RecordStatus
from credit.subjects.loaders import subject_by_id
from credit.subjects.services import snapshot_from_stored
from credit.subjects.types import ListKind


# Resolvers declared before the types: a field with a resolver keeps its place among the
# plain fields only when it is assigned in the class body (strawberry lists annotated
# fields first, then decorated methods), and the schema's field order is part of the API.
async def _subject_name(root: AssociationMember | AssociationSubmission, info: Info) -> str:
    s = await info.context.loaders.get(subject_by_id).load(root.row.subject_id)
    return s.name if s else ""


async def _uscc(root: AssociationMember | AssociationSubmission, info: Info) -> str | None:
    s = await info.context.loaders.get(subject_by_id).load(root.row.subject_id)
    return s.uscc if s else None


@strawberry.type(description="协会会员（会员名册的一项）")
class AssociationMember:
    row: strawberry.Private[MemberModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject_name: str = strawberry.field(resolver=_subject_name, description="企业名称")
    uscc: str | None = strawberry.field(resolver=_uscc, description="统一社会信用代码")
    joined_on: date = strawberry.field(description="入会日期")
    left_at: datetime | None = strawberry.field(description="退出名册的时间（在册为空）")

    @strawberry.field(description="当前所在名单（公开信息）")
    async def lists(self, info: Info) -> list[ListKind]:  # type: ignore[valid-type]
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        if s is None:
            return []
        stored = await info.context.loaders.get(evaluation_of_subject).load(s.id)
        snap = snapshot_from_stored(s, stored, clock.today())
        return sorted({ListKindEnum(e["list"]) for e in snap.list_entries})

    @classmethod
    def from_model(cls, row: MemberModel) -> AssociationMember:
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            subject_id=strawberry.ID(str(row.subject_id)),
            joined_on=row.joined_on,
            left_at=row.left_at,
        )


@strawberry.type(description="协会提交的信用等级信息及其审核状态")
class AssociationSubmission:
    row: strawberry.Private[RecordModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject_name: str = strawberry.field(resolver=_subject_name, description="企业名称")
    uscc: str | None = strawberry.field(resolver=_uscc, description="统一社会信用代码")
    rating: str | None = strawberry.field(description="信用等级")
    rated_on: date = strawberry.field(description="评定日期")
    status: RecordStatus = strawberry.field(description="审核状态")  # type: ignore[valid-type]
    status_name: str = strawberry.field(description="审核状态名称")
    submitted_at: datetime = strawberry.field(description="提交时间")
    published_at: datetime | None = strawberry.field(description="公布时间")

    @strawberry.field(description="退回理由（被退回时）")
    async def reject_reason(self, info: Info) -> str | None:
        if self.row.status != RecordStatusEnum.REJECTED:
            return None
        transitions = await info.context.loaders.get(transitions_of_record).load(self.row.id)
        rejected = [t for t in transitions if t.to_status == RecordStatusEnum.REJECTED]
        return rejected[-1].reason if rejected else None

    @classmethod
    def from_model(cls, row: RecordModel) -> AssociationSubmission:
        status = RecordStatusEnum(row.status)
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            subject_id=strawberry.ID(str(row.subject_id)),
            rating=rating_of(row.summary),
            rated_on=row.occurred_on,
            status=status,
            status_name=STATUS_ZH.get(status, ""),
            submitted_at=row.created_at,
            published_at=row.published_at,
        )


@strawberry.type(description="协会首页：名称、在册会员数与提交情况")
class AssociationOverview:
    name: str
    member_count: int
    pending_count: int = strawberry.field(description="待审核、待公布")
    published_count: int
    rejected_count: int
