"""The audit trail, for admins (every jurisdiction) and reviewers (their own)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.accounts.loaders import unit_by_id, user_by_id
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.audit import labels
from credit.audit.models import AuditEvent as AuditEventModel
from credit.subjects.scope import is_system_admin


@strawberry.type(description="变更的一项：字段的中文名称与前后取值（文字）")
class AuditChange:
    field: str
    label: str
    before: str | None
    after: str | None
    literal: bool = strawberry.field(description="取值为原样数据（代码、名称、编号），不翻译")


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
    actor_user_id: strawberry.Private[int | None] = None

    @strawberry.field(description="操作（中文名称）")
    def action_label(self) -> str:
        return labels.action_label(self.action)

    @strawberry.field(description="对象类型（中文名称）")
    def object_label(self) -> str:
        return labels.object_label(self.object_type)

    @strawberry.field(description="角色（中文名称）")
    def role_label(self) -> str:
        return labels.role_label(self.role)

    @strawberry.field(description="操作人姓名（系统或匿名操作为其角色名称）")
    async def actor_name(self, info: Info) -> str:
        if self.actor_user_id is not None:
            user = await info.context.loaders.get(user_by_id).load(self.actor_user_id)
            if user is not None:
                return user.display_name or user.username
        return labels.role_label(self.role) or "—"

    @strawberry.field(description="操作人所在单位名称")
    async def unit_name(self, info: Info) -> str:
        if self.actor_user_id is None:
            return ""
        user = await info.context.loaders.get(user_by_id).load(self.actor_user_id)
        unit = await info.context.loaders.get(unit_by_id).load(user.unit_id) if user else None
        return unit.name if unit else ""

    @strawberry.field(description="变更内容，逐项列出（中文字段名与取值）")
    def changes(self) -> list[AuditChange]:
        return [
            AuditChange(
                field=c.field, label=c.label, before=c.before, after=c.after, literal=c.literal
            )
            for c in labels.changes(self.before, self.after)
        ]

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
            actor_user_id=e.actor_user_id,
        )


@strawberry.type(description="审计操作（代码与中文名称），供筛选")
class AuditActionChoice:
    action: str
    label: str


@strawberry.type
class AuditQueries:
    @strawberry.field(
        extensions=requires(Permission.VIEW_AUDIT), description="审计日志可筛选的操作"
    )
    def audit_actions(self) -> list[AuditActionChoice]:
        return [AuditActionChoice(action=a, label=label) for a, label in labels.ACTIONS.items()]

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
