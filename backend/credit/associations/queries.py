"""The association's reads: its overview, its member register, its submissions. An
association sees only its own; the city bureau reads a named association of its
jurisdiction's register."""

from __future__ import annotations

import strawberry
from tortoise.queryset import QuerySet

from credit.accounts.models import Unit
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.associations.models import AssociationMember as MemberModel
from credit.associations.scope import NoAssociation, association_for, current_members
from credit.associations.services import RECORD_TYPE
from credit.associations.types import AssociationMember, AssociationOverview, AssociationSubmission
from credit.policies.facts import RecordStatus as S
from credit.records.models import CreditRecord
from credit.records.types import RecordStatus
from credit.subjects.identifiers import normalise
from credit.subjects.search import name_or_uscc


async def _unit(info: Info, association_id: strawberry.ID | None) -> Unit:
    try:
        return await association_for(info.context.actor, association_id)
    except NoAssociation as exc:
        raise CodedError("行业协会不存在", ErrorCode.NOT_FOUND, field="associationId") from exc


def _submissions(unit_id: int) -> QuerySet[CreditRecord]:
    return CreditRecord.filter(type=RECORD_TYPE, provider_unit_id=unit_id)


@strawberry.type
class AssociationQueries:
    @strawberry.field(
        extensions=requires(Permission.SUBMIT_ASSOCIATION_RATINGS),
        description="行业协会首页：本协会的在册会员数与提交情况",
    )
    async def association_overview(self, info: Info) -> AssociationOverview:
        unit = await _unit(info, None)
        mine = _submissions(unit.id)
        return AssociationOverview(
            name=unit.name,
            member_count=await current_members(unit.id).count(),
            pending_count=await mine.filter(status__in=[S.SUBMITTED, S.VERIFIED]).count(),
            published_count=await mine.filter(status=S.PUBLISHED).count(),
            rejected_count=await mine.filter(status=S.REJECTED).count(),
        )

    @strawberry.field(
        extensions=requires(Permission.MANAGE_ASSOCIATION_MEMBERS),
        description="协会会员名册：协会账号为本协会（可省略 associationId）；"
        "市局须指明本辖区的协会",
    )
    async def association_members(
        self,
        info: Info,
        association_id: strawberry.ID | None = None,
        search: str | None = None,
        include_former: bool = False,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[AssociationMember]:
        offset, limit = page_bounds(first, after)
        unit = await _unit(info, association_id)
        query = (
            MemberModel.filter(association_id=unit.id)
            if include_former
            else current_members(unit.id)
        )
        if search:
            query = query.filter(name_or_uscc(normalise(search), "subject__"))
        total = await query.count()
        rows = await query.order_by("-joined_on", "-id").offset(offset).limit(limit)
        return connection([AssociationMember.from_model(r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(Permission.SUBMIT_ASSOCIATION_RATINGS),
        description="本协会提交的信用等级信息及其审核状态，提交时间倒序",
    )
    async def association_submissions(
        self,
        info: Info,
        status: list[RecordStatus] | None = None,  # type: ignore[valid-type]  # a strawberry.enum(...) value
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[AssociationSubmission]:
        offset, limit = page_bounds(first, after)
        unit = await _unit(info, None)
        query = _submissions(unit.id)
        if status:
            query = query.filter(status__in=[S(s) for s in status])
        total = await query.count()
        rows = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
        return connection([AssociationSubmission.from_model(r) for r in rows], offset, total)
