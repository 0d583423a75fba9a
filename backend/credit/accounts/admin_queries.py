"""Administration reads: the jurisdictions and districts an administrator manages."""

from __future__ import annotations

import strawberry

from credit.accounts.administration import managed_jurisdiction
from credit.accounts.permissions import Permission, requires
from credit.accounts.types import AdminDistrict, Jurisdiction
from credit.apicore.context import Info
from credit.subjects.models import District as DistrictModel
from credit.subjects.models import Jurisdiction as JurisdictionModel


@strawberry.type
class AdminQueries:
    @strawberry.field(extensions=requires(Permission.MANAGE_USERS), description="本人管理的管辖区")
    async def jurisdictions(self, info: Info) -> list[Jurisdiction]:
        own = managed_jurisdiction(info.context.actor)
        query = JurisdictionModel.all() if own is None else JurisdictionModel.filter(id=own)
        return [
            Jurisdiction(
                id=strawberry.ID(str(j.id)), code=j.code, name=j.name, policy_code=j.policy_code
            )
            for j in await query.order_by("code")
        ]

    @strawberry.field(
        extensions=requires(Permission.MANAGE_USERS),
        description="本人管理的辖区（含已停用的）",
    )
    async def admin_districts(self, info: Info) -> list[AdminDistrict]:
        own = managed_jurisdiction(info.context.actor)
        codes = {j.id: j.code for j in await JurisdictionModel.all()}
        query = DistrictModel.all() if own is None else DistrictModel.filter(jurisdiction_id=own)
        return [
            AdminDistrict.from_model(d, codes[d.jurisdiction_id])
            for d in await query.order_by("code")
        ]
