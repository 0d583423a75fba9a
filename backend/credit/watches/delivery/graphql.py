"""Queries and mutations of webhook delivery: the partner's own (WATCH_SUBJECTS) and the
administrator's (MANAGE_API_TOKENS: every token's deliveries, re-drive)."""

from __future__ import annotations

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import ApiToken as ApiTokenModel
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.core.settings import get_settings
from credit.watches.delivery import webhooks
from credit.watches.delivery.models import DeliveryStatus
from credit.watches.delivery.models import WatchWebhook as WebhookModel
from credit.watches.delivery.services import InvalidWebhookUrl, check_url
from credit.watches.delivery.types import (
    ApiTokenWatch,
    WatchDeliveriesRedrivePayload,
    WatchDelivery,
    WatchDeliveryStatus,
    WatchWebhook,
    WatchWebhookPayload,
    WatchWebhookRemovePayload,
)
from credit.watches.error_codes import WatchError, WatchErrorCode
from credit.watches.models import Watch

MAX_REDRIVE = 500


def _token_id(info: Info) -> int:
    token_id = info.context.actor.token_id
    assert token_id is not None  # WATCH_SUBJECTS is a partner scope: a token is calling
    return token_id


def _ids(raw: list[strawberry.ID]) -> list[int]:
    if len(raw) > MAX_REDRIVE:
        raise MutationFailed(f"一次最多重新投递 {MAX_REDRIVE} 条", WatchErrorCode.INVALID, "ids")
    try:
        return [int(i) for i in raw]
    except ValueError as exc:
        raise MutationFailed("编号格式不正确", WatchErrorCode.INVALID, "ids") from exc


async def _page(
    token_id: int | None, status: DeliveryStatus | None, first: int | None, after: str | None
) -> Connection[WatchDelivery]:
    offset, limit = page_bounds(first, after)
    query = webhooks.deliveries(token_id, status)
    total = await query.count()
    rows = await query.offset(offset).limit(limit)
    return connection([WatchDelivery.from_model(d) for d in rows], offset, total)


@strawberry.type
class WatchDeliveryQueries:
    @strawberry.field(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="本令牌的 Webhook（未设置时为空）",
    )
    async def watch_webhook(self, info: Info) -> WatchWebhook | None:
        hook = await WebhookModel.get_or_none(token_id=_token_id(info))
        return WatchWebhook.from_model(hook) if hook else None

    @strawberry.field(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="本令牌的 Webhook 投递记录（新的在前，分页，每页最多 100 条）",
    )
    async def watch_deliveries(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        status: WatchDeliveryStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[WatchDelivery]:
        return await _page(_token_id(info), status, first, after)

    @strawberry.field(
        extensions=requires(Permission.MANAGE_API_TOKENS), description="一个令牌的关注与投递概况"
    )
    async def api_token_watch(self, info: Info, token_id: strawberry.ID) -> ApiTokenWatch | None:
        try:
            tid = int(token_id)
        except ValueError:
            return None
        if not await ApiTokenModel.exists(id=tid):
            return None
        hook = await WebhookModel.get_or_none(token_id=tid)
        counts = await webhooks.counts(tid)
        return ApiTokenWatch(
            token_id=strawberry.ID(str(tid)),
            watch_count=await Watch.filter(token_id=tid).count(),
            webhook_url=hook.url if hook else None,
            webhook_updated_at=hook.updated_at if hook else None,
            pending_count=counts["PENDING"],
            delivered_count=counts["DELIVERED"],
            failed_count=counts["FAILED"],
        )

    @strawberry.field(
        extensions=requires(Permission.MANAGE_API_TOKENS),
        description="Webhook 投递记录：全部令牌或指定令牌（新的在前，分页）",
    )
    async def api_token_watch_deliveries(
        self,
        info: Info,
        token_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
        status: WatchDeliveryStatus | None = None,  # type: ignore[valid-type]
    ) -> Connection[WatchDelivery]:
        tid = int(token_id) if token_id is not None and str(token_id).isdigit() else None
        if token_id is not None and tid is None:
            return connection([], 0, 0)
        return await _page(tid, status, first, after)


@strawberry.type
class WatchDeliveryMutations:
    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="设置本令牌接收变更事件的 HTTPS 地址；首次设置时返回签名密钥（只显示一次）",
    )
    async def watch_webhook_set(self, info: Info, url: str) -> WatchWebhookPayload:
        token_id = _token_id(info)

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            try:
                checked = check_url(
                    url, allow_http_loopback=get_settings().webhook_allow_http_loopback
                )
            except InvalidWebhookUrl as exc:
                raise MutationFailed(str(exc), WatchErrorCode.INVALID, "url") from exc
            done = await webhooks.set_webhook(conn, token_id, checked)
            return Outcome(
                done,
                "watch_webhook",
                token_id,
                None,
                {"url": checked, "secret_issued": done.secret is not None},
                public_change=False,
            )

        value, errors = await run_mutation(info, "watch_webhook.set", body, WatchError)
        if value is None:
            return WatchWebhookPayload(webhook=None, secret=None, errors=errors)
        return WatchWebhookPayload(
            webhook=WatchWebhook.from_model(value.webhook), secret=value.secret, errors=[]
        )

    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="轮换签名密钥：新密钥只显示一次，下一次投递起生效",
    )
    async def watch_webhook_rotate_secret(self, info: Info) -> WatchWebhookPayload:
        token_id = _token_id(info)

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            done = await webhooks.rotate_secret(conn, token_id)
            if done is None:
                raise MutationFailed("尚未设置接收地址", WatchErrorCode.INVALID_STATE, None)
            return Outcome(
                done,
                "watch_webhook",
                token_id,
                None,
                {"secret_rotated": True},
                public_change=False,
            )

        value, errors = await run_mutation(info, "watch_webhook.rotate_secret", body, WatchError)
        if value is None:
            return WatchWebhookPayload(webhook=None, secret=None, errors=errors)
        return WatchWebhookPayload(
            webhook=WatchWebhook.from_model(value.webhook), secret=value.secret, errors=[]
        )

    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="删除接收地址：不再推送（事件仍可通过订阅或轮询读取）",
    )
    async def watch_webhook_remove(self, info: Info) -> WatchWebhookRemovePayload:
        token_id = _token_id(info)

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            removed = await webhooks.remove_webhook(conn, token_id)
            if not removed:
                raise MutationFailed("尚未设置接收地址", WatchErrorCode.NOT_FOUND, None)
            return Outcome(
                True, "watch_webhook", token_id, None, {"removed": True}, public_change=False
            )

        value, errors = await run_mutation(info, "watch_webhook.remove", body, WatchError)
        return WatchWebhookRemovePayload(removed=bool(value), errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="重新投递本令牌投递失败的记录（从现在起重新计算重试期限）",
    )
    async def watch_deliveries_redrive(
        self, info: Info, ids: list[strawberry.ID]
    ) -> WatchDeliveriesRedrivePayload:
        return await _redrive(info, ids, _token_id(info), "watch_delivery.redrive")

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_API_TOKENS),
        description="管理员重新投递任一令牌投递失败的记录",
    )
    async def api_token_watch_deliveries_redrive(
        self, info: Info, ids: list[strawberry.ID]
    ) -> WatchDeliveriesRedrivePayload:
        return await _redrive(info, ids, None, "watch_delivery.redrive_admin")


async def _redrive(
    info: Info, raw: list[strawberry.ID], token_id: int | None, action: str
) -> WatchDeliveriesRedrivePayload:
    async def body(conn: BaseDBAsyncClient) -> Outcome:
        ids = _ids(raw)
        rows = await webhooks.redrive(conn, ids, token_id)
        if not rows:
            raise MutationFailed(
                "没有可重新投递的记录（只有投递失败的记录可以重新投递）",
                WatchErrorCode.INVALID_STATE,
                "ids",
            )
        done = [r.id for r in rows]
        return Outcome(
            rows,
            "watch_delivery",
            ",".join(map(str, done))[:64],
            None,
            {"redriven": done},
            public_change=False,
        )

    value, errors = await run_mutation(info, action, body, WatchError)
    if value is None:
        return WatchDeliveriesRedrivePayload(deliveries=[], errors=errors)
    from credit.watches.delivery.models import WatchDelivery as DeliveryModel

    fresh = await DeliveryModel.filter(id__in=[r.id for r in value]).order_by("position")
    return WatchDeliveriesRedrivePayload(
        deliveries=[WatchDelivery.from_model(d) for d in fresh], errors=[]
    )
