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


@strawberry.type(description="协会会员（会员名册的一项）")
class AssociationMember:
    row: strawberry.Private[MemberModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.subject_id))

    @strawberry.field(description="企业名称")
    async def subject_name(self, info: Info) -> str:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.name if s else ""

    @strawberry.field(description="统一社会信用代码")
    async def uscc(self, info: Info) -> str | None:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.uscc if s else None

    @strawberry.field(description="入会日期")
    def joined_on(self) -> date:
        return self.row.joined_on

    @strawberry.field(description="退出名册的时间（在册为空）")
    def left_at(self) -> datetime | None:
        return self.row.left_at

    @strawberry.field(description="当前所在名单（公开信息）")
    async def lists(self, info: Info) -> list[ListKind]:  # type: ignore[valid-type]
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        if s is None:
            return []
        stored = await info.context.loaders.get(evaluation_of_subject).load(s.id)
        snap = snapshot_from_stored(s, stored, clock.today())
        return sorted({ListKindEnum(e["list"]) for e in snap.list_entries})


@strawberry.type(description="协会提交的信用等级信息及其审核状态")
class AssociationSubmission:
    row: strawberry.Private[RecordModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.id))

    @strawberry.field
    def subject_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.subject_id))

    @strawberry.field(description="企业名称")
    async def subject_name(self, info: Info) -> str:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.name if s else ""

    @strawberry.field(description="统一社会信用代码")
    async def uscc(self, info: Info) -> str | None:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.uscc if s else None

    @strawberry.field(description="信用等级")
    def rating(self) -> str | None:
        return rating_of(self.row.summary)

    @strawberry.field(description="评定日期")
    def rated_on(self) -> date:
        return self.row.occurred_on

    @strawberry.field(description="审核状态")
    def status(self) -> RecordStatus:  # type: ignore[valid-type]
        return RecordStatusEnum(self.row.status)

    @strawberry.field(description="审核状态名称")
    def status_name(self) -> str:
        return STATUS_ZH.get(RecordStatusEnum(self.row.status), "")

    @strawberry.field(description="提交时间")
    def submitted_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="公布时间")
    def published_at(self) -> datetime | None:
        return self.row.published_at

    @strawberry.field(description="退回理由（被退回时）")
    async def reject_reason(self, info: Info) -> str | None:
        if self.row.status != RecordStatusEnum.REJECTED:
            return None
        transitions = await info.context.loaders.get(transitions_of_record).load(self.row.id)
        rejected = [t for t in transitions if t.to_status == RecordStatusEnum.REJECTED]
        return rejected[-1].reason if rejected else None


@strawberry.type(description="协会首页：名称、在册会员数与提交情况")
class AssociationOverview:
    name: str
    member_count: int
    pending_count: int = strawberry.field(description="待审核、待公布")
    published_count: int
    rejected_count: int
