"""Requeueing failed publication events (the deliveries page)."""

from __future__ import annotations

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome
from credit.casework.resolvers import int_ids, run_case
from credit.outbox import services
from credit.outbox.error_codes import (
    OutboxError,
    OutboxErrorCode,
    OutboxPayloadError,
    to_user_error,
)
from credit.outbox.models import OutboxEvent as OutboxEventModel
from credit.outbox.types import OutboxEvent

P = Permission
MAX_REQUEUE = 100


@strawberry.type
class OutboxRequeuePayload:
    outbox_events: list[OutboxEvent] | None
    errors: list[OutboxPayloadError]


@strawberry.type
class OutboxMutations:
    @strawberry.mutation(
        extensions=requires(P.VIEW_DELIVERIES),
        description="重新推送失败的事件（从现在起、重新计数）；只接受推送失败的事件",
    )
    async def outbox_requeue(self, info: Info, ids: list[strawberry.ID]) -> OutboxRequeuePayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            event_ids = sorted(set(int_ids(ids, "ids")))
            if not 1 <= len(event_ids) <= MAX_REQUEUE:
                raise OutboxError(f"须选择 1–{MAX_REQUEUE} 个事件", field="ids")
            own = info.context.actor.jurisdiction_id
            visible = OutboxEventModel.filter(id__in=event_ids).using_db(conn)
            if own is not None:
                visible = visible.filter(jurisdiction_id=own)
            if await visible.count() != len(event_ids):
                raise OutboxError("部分事件不存在", OutboxErrorCode.NOT_FOUND, "ids")
            await services.requeue(conn, event_ids, own)
            rows = await OutboxEventModel.filter(id__in=event_ids).using_db(conn).order_by("id")
            after = {"requeued": event_ids}
            # One audit event for the batch: the ids are in `after` (object_id is one id).
            object_id = event_ids[0] if len(event_ids) == 1 else ""
            return Outcome(list(rows), "outbox_event", object_id, None, after, public_change=False)

        value, errors = await run_case(info, "outbox.requeue", body, to_user_error)
        if value is None:
            return OutboxRequeuePayload(outbox_events=None, errors=errors)
        return OutboxRequeuePayload(
            outbox_events=[OutboxEvent.from_row(r) for r in value], errors=[]
        )
