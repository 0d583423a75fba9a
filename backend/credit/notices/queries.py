"""Queries of written notices."""

from __future__ import annotations

import strawberry

from credit.accounts.permissions import Permission
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.casework.resolvers import arg_id, requires_any, scoped_subject_ids
from credit.notices.models import Notice as NoticeModel
from credit.notices.types import Notice

P = Permission


@strawberry.type
class NoticeQueries:
    @strawberry.field(
        extensions=requires_any(P.VIEW_OWN_SUBJECT, P.VIEW_INTERNAL),
        description="告知书（列入/移出名单、异议、修复、书面提醒）：企业账号仅见本企业的，"
        "内部用户见其管辖范围内的；按时间倒序",
    )
    async def notices(
        self,
        info: Info,
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Notice]:
        offset, limit = page_bounds(first, after)
        query = NoticeModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
        return connection([Notice.from_row(r) for r in rows], offset, total)
