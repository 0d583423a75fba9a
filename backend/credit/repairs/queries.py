"""Queries of credit repair applications."""

from __future__ import annotations

import strawberry

from credit.accounts.permissions import Permission
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.casework.resolvers import arg_id, requires_any, scoped_subject_ids
from credit.repairs import states
from credit.repairs.models import RepairApplication as RepairModel
from credit.repairs.types import RepairApplication, RepairStatus

P = Permission


@strawberry.type
class RepairQueries:
    @strawberry.field(
        extensions=requires_any(P.APPLY_REPAIR, P.HANDLE_REPAIRS),
        description="信用修复申请：企业账号仅见本企业的，审核员见其管辖范围内的；按申请时间倒序",
    )
    async def repair_applications(
        self,
        info: Info,
        status: list[RepairStatus] | None = None,  # type: ignore[valid-type]
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[RepairApplication]:
        offset, limit = page_bounds(first, after)
        query = RepairModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if status:
            query = query.filter(status__in=[states.RepairStatus(s) for s in status])
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-filed_at", "-id").offset(offset).limit(limit)
        return connection([RepairApplication.from_row(r) for r in rows], offset, total)
