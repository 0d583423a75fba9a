"""GraphQL types of webhook delivery: the webhook, the delivery log and its attempts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import strawberry
from strawberry.dataloader import DataLoader

from credit.apicore.context import Info
from credit.apicore.loaders import by_id_loader
from credit.watches.delivery import models as m
from credit.watches.error_codes import WatchError
from credit.watches.models import WatchEvent
from credit.watches.types import encode_position

MAX_ATTEMPTS_SHOWN = 20

WatchDeliveryStatus = strawberry.enum(
    m.DeliveryStatus, name="WatchDeliveryStatus", description="Webhook 投递状态"
)
WatchAttemptOutcome = strawberry.enum(
    m.AttemptOutcome, name="WatchAttemptOutcome", description="一次投递尝试的结果"
)
STATUS_ZH = {
    m.DeliveryStatus.PENDING: "待投递",
    m.DeliveryStatus.DELIVERED: "已送达",
    m.DeliveryStatus.FAILED: "投递失败",
}
OUTCOME_ZH = {
    m.AttemptOutcome.IN_FLIGHT: "投递中",
    m.AttemptOutcome.DELIVERED: "成功",
    m.AttemptOutcome.ERROR: "失败",
    m.AttemptOutcome.ABANDONED: "中断",
}


def _event_by_id() -> DataLoader[int, WatchEvent | None]:
    return by_id_loader(WatchEvent)


def _attempts_loader() -> DataLoader[int, list[m.WatchDeliveryAttempt]]:
    async def load(ids: list[int]) -> Sequence[list[m.WatchDeliveryAttempt]]:
        groups: dict[int, list[m.WatchDeliveryAttempt]] = {i: [] for i in ids}
        rows = await m.WatchDeliveryAttempt.filter(delivery_id__in=ids).order_by("-number")
        for row in rows:
            if len(groups[row.delivery_id]) < MAX_ATTEMPTS_SHOWN:
                groups[row.delivery_id].append(row)
        return [groups[i] for i in ids]

    return DataLoader(load_fn=load)


@strawberry.type(description="变更事件的 Webhook 接收地址（签名密钥只在设置或轮换时显示一次）")
class WatchWebhook:
    url: str
    created_at: datetime
    updated_at: datetime
    secret_rotated_at: datetime

    @classmethod
    def from_model(cls, h: m.WatchWebhook) -> WatchWebhook:
        return cls(
            url=h.url,
            created_at=h.created_at,
            updated_at=h.updated_at,
            secret_rotated_at=h.secret_rotated_at,
        )


@strawberry.type(description="一次投递尝试")
class WatchDeliveryAttempt:
    number: int
    outcome: WatchAttemptOutcome  # type: ignore[valid-type]
    outcome_name: str
    started_at: datetime
    finished_at: datetime | None
    status_code: int | None
    error: str
    duration_ms: int | None

    @classmethod
    def from_model(cls, a: m.WatchDeliveryAttempt) -> WatchDeliveryAttempt:
        outcome = m.AttemptOutcome(a.outcome)
        return cls(
            number=a.number,
            outcome=outcome,
            outcome_name=OUTCOME_ZH[outcome],
            started_at=a.started_at,
            finished_at=a.finished_at,
            status_code=a.status_code,
            error=a.error,
            duration_ms=a.duration_ms,
        )


@strawberry.type(description="一条变更事件向一个令牌的 Webhook 投递")
class WatchDelivery:
    id: strawberry.ID
    token_id: strawberry.ID
    cursor: str = strawberry.field(description="事件游标（与订阅、轮询查询的游标相同）")
    uscc: str
    status: WatchDeliveryStatus  # type: ignore[valid-type]
    status_name: str
    attempts: int
    next_attempt_at: datetime | None
    first_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str
    delivered_at: datetime | None
    created_at: datetime
    event_pk: strawberry.Private[int]

    @strawberry.field(description="事件编号（UUID，即 Idempotency-Key）")
    async def event_id(self, info: Info) -> str:
        event = await info.context.loaders.get(_event_by_id).load(self.event_pk)
        return str(event.event_id) if event else ""

    @strawberry.field(description="事件类型代码")
    async def event_kind(self, info: Info) -> str:
        event = await info.context.loaders.get(_event_by_id).load(self.event_pk)
        return str(getattr(event.kind, "value", event.kind)) if event else ""

    @strawberry.field(description="最近的投递尝试（新的在前，最多 20 次）")
    async def attempt_log(self, info: Info) -> list[WatchDeliveryAttempt]:
        rows = await info.context.loaders.get(_attempts_loader).load(int(self.id))
        return [WatchDeliveryAttempt.from_model(a) for a in rows]

    @classmethod
    def from_model(cls, d: m.WatchDelivery) -> WatchDelivery:
        status = m.DeliveryStatus(d.status)
        return cls(
            id=strawberry.ID(str(d.id)),
            token_id=strawberry.ID(str(d.token_id)),
            cursor=encode_position(d.position),
            uscc=d.uscc,
            status=status,
            status_name=STATUS_ZH[status],
            attempts=d.attempts,
            next_attempt_at=d.next_attempt_at if status == m.DeliveryStatus.PENDING else None,
            first_attempt_at=d.first_attempt_at,
            last_attempt_at=d.last_attempt_at,
            last_status_code=d.last_status_code,
            last_error=d.last_error,
            delivered_at=d.delivered_at,
            created_at=d.created_at,
            event_pk=d.event_id,
        )


@strawberry.type(description="设置或轮换 Webhook 的结果")
class WatchWebhookPayload:
    webhook: WatchWebhook | None
    secret: str | None = strawberry.field(
        description="签名密钥明文：只在首次设置或轮换时显示一次，请妥善保存"
    )
    errors: list[WatchError]


@strawberry.type(description="删除 Webhook 的结果")
class WatchWebhookRemovePayload:
    removed: bool
    errors: list[WatchError]


@strawberry.type(description="重新投递的结果")
class WatchDeliveriesRedrivePayload:
    deliveries: list[WatchDelivery]
    errors: list[WatchError]


@strawberry.type(description="一个令牌的关注与投递概况（管理员）")
class ApiTokenWatch:
    token_id: strawberry.ID
    watch_count: int
    webhook_url: str | None
    webhook_updated_at: datetime | None
    pending_count: int
    delivered_count: int
    failed_count: int
