"""GraphQL types of the publication outbox."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from credit.casework.types import gid
from credit.outbox import states
from credit.outbox.models import OutboxEvent as OutboxEventModel
from credit.outbox.params import OUTBOX_KIND_NAMES_ZH, TARGET_NAMES_ZH

OutboxStatus = strawberry.enum(states.OutboxStatus, description="推送状态：待推送/已送达/推送失败")


@strawberry.type(description="推送事件（发往公示网站与市平台）")
class OutboxEvent:
    id: strawberry.ID
    key: str = strawberry.field(description="幂等键（Idempotency-Key）")
    target: str
    target_name: str
    kind: str
    kind_name: str = strawberry.field(description="事件种类（中文）")
    payload: JSON = strawberry.field(description="推送内容（仅公开字段）")
    status: OutboxStatus  # type: ignore[valid-type]
    status_name: str
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_error: str
    delivered_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, e: OutboxEventModel) -> OutboxEvent:
        status = states.OutboxStatus(e.status)
        return cls(
            id=gid(e.id),
            key=e.key,
            target=e.target,
            target_name=TARGET_NAMES_ZH.get(e.target, e.target),
            kind=e.kind,
            kind_name=OUTBOX_KIND_NAMES_ZH.get(e.kind, "其他事件"),
            payload=JSON(e.payload),
            status=status,
            status_name=states.OUTBOX.labels_zh[status],
            attempts=e.attempts,
            next_attempt_at=e.next_attempt_at,
            last_attempt_at=e.last_attempt_at,
            last_error=e.last_error,
            delivered_at=e.delivered_at,
            created_at=e.created_at,
        )
