"""The audit trail, for admins (every jurisdiction) and reviewers (their own)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.api.context import Info
from credit.api.pagination import Connection, connection, page_bounds
from credit.audit.models import AuditEvent as AuditEventModel
from credit.subjects.scope import is_system_admin


@strawberry.type(description="审计事件（只增不改）")
class AuditEvent:
    id: strawberry.ID
    at: datetime
    actor_username: str
    unit_code: str
    role: str
    action: str
    object_type: str
    object_id: str
    before: strawberry.scalars.JSON | None
    after: strawberry.scalars.JSON | None
    request_id: str
    client_addr: str

    @classmethod
    def from_model(cls, e: AuditEventModel) -> AuditEvent:
        return cls(
            id=strawberry.ID(str(e.id)),
            at=e.at,
            actor_username=e.actor_username,
            unit_code=e.unit_code,
            role=e.role,
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            before=e.before,
            after=e.after,
            request_id=e.request_id,
            client_addr=e.client_addr,
        )


@strawberry.type
class AuditQueries:
    @strawberry.field(extensions=requires(Permission.VIEW_AUDIT), description="审计日志")
    async def audit_events(
        self,
        info: Info,
        action: str | None = None,
        object_type: str | None = None,
        object_id: str | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> Connection[AuditEvent]:
        offset, limit = page_bounds(first, after)
        actor = info.context.actor
        query = AuditEventModel.all()
        if not is_system_admin(actor):
            # A reviewer reads its own jurisdiction's trail, never another's.
            query = query.filter(jurisdiction_id=actor.jurisdiction_id or -1)
        if action:
            query = query.filter(action=action)
        if object_type:
            query = query.filter(object_type=object_type)
        if object_id:
            query = query.filter(object_id=object_id)
        total = await query.count()
        rows = await query.order_by("-id").offset(offset).limit(limit)
        return connection([AuditEvent.from_model(e) for e in rows], offset, total)
