"""Queries of objections: the list in the caller's scope, and the reviewers' open list."""

from __future__ import annotations

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.casework.resolvers import arg_id, requires_any, scoped_subject_ids
from credit.objections import states
from credit.objections.deadlines import list_open_objections
from credit.objections.models import Objection as ObjectionModel
from credit.objections.types import Objection, ObjectionStatus, OpenObjection
from credit.subjects.scope import subjects_in_scope

P = Permission


@strawberry.type
class ObjectionQueries:
    @strawberry.field(
        extensions=requires_any(P.FILE_OBJECTIONS, P.HANDLE_OBJECTIONS),
        description="异议：企业账号仅见本企业的，审核员见其管辖范围内的；按提交时间倒序",
    )
    async def objections(
        self,
        info: Info,
        status: list[ObjectionStatus] | None = None,  # type: ignore[valid-type]
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Objection]:
        offset, limit = page_bounds(first, after)
        query = ObjectionModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if status:
            query = query.filter(status__in=[states.ObjectionStatus(s) for s in status])
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-filed_at", "-id").offset(offset).limit(limit)
        return connection([Objection.from_row(r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(P.HANDLE_OBJECTIONS),
        description="待办异议（已提交、已受理），最紧急的在前：未受理的、再按核实期限；"
        "含剩余工作日、逾期、即将到期与暂定期限的提示",
    )
    async def open_objections(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[OpenObjection]:
        offset, limit = page_bounds(first, after)
        actor = info.context.actor
        rows = await list_open_objections(jurisdiction_id=actor.jurisdiction_id, limit=500)
        wanted = {r.objection.subject_id for r in rows}
        allowed = {
            int(v["id"]) for v in await subjects_in_scope(actor).filter(id__in=wanted).values("id")
        }
        rows = [r for r in rows if r.objection.subject_id in allowed]
        items = [OpenObjection.from_row(r) for r in rows[offset : offset + limit]]
        return connection(items, offset, len(rows))
