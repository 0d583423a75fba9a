"""The outbox events of the caller's jurisdiction."""

from __future__ import annotations

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.outbox import states
from credit.outbox.services import list_events
from credit.outbox.types import OutboxEvent, OutboxStatus

P = Permission


@strawberry.type
class OutboxQueries:
    @strawberry.field(
        extensions=requires(P.VIEW_DELIVERIES),
        description="推送事件，按创建时间先后；status 默认为待推送与推送失败",
    )
    async def outbox_events(
        self,
        info: Info,
        status: list[OutboxStatus] | None = None,  # type: ignore[valid-type]
        target: str | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> Connection[OutboxEvent]:
        offset, limit = page_bounds(first, after)
        statuses = (
            [states.OutboxStatus(s) for s in status]
            if status
            else [states.OutboxStatus.PENDING, states.OutboxStatus.FAILED]
        )
        rows, total = await list_events(
            None,
            statuses=statuses,
            target=target,
            jurisdiction_id=info.context.actor.jurisdiction_id,
            limit=limit,
            offset=offset,
        )
        return connection([OutboxEvent.from_row(r) for r in rows], offset, total)
