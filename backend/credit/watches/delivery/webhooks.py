"""Setting a token's webhook, rotating its secret, re-driving failed deliveries, and
reading the delivery log. Called inside a mutation's transaction (`conn`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from credit.accounts.crypto import encrypt
from credit.core import clock
from credit.watches.delivery.models import DeliveryStatus, WatchDelivery, WatchWebhook
from credit.watches.delivery.signing import new_secret
from credit.watches.delivery.worker import latest_position


@dataclass(frozen=True)
class WebhookSet:
    webhook: WatchWebhook
    secret: str | None  # only when a secret was made (first set, or rotation)
    created: bool


async def set_webhook(conn: BaseDBAsyncClient, token_id: int, url: str) -> WebhookSet:
    """Set (or change) the URL. The first time, a secret is made and delivery starts with
    the events written from now on (earlier ones: the watchEventsPage query); a change of
    URL keeps the secret and the deliveries still waiting go to the new URL."""
    now = clock.now()
    hook = await WatchWebhook.filter(token_id=token_id).using_db(conn).select_for_update().first()
    if hook is not None:
        hook.url = url
        hook.updated_at = now
        await hook.save(using_db=conn, update_fields=["url", "updated_at"])
        return WebhookSet(hook, None, False)
    secret = new_secret()
    hook = await WatchWebhook.create(
        token_id=token_id,
        url=url,
        secret_cipher=encrypt(secret),
        cursor=await latest_position(),
        updated_at=now,
        secret_rotated_at=now,
        using_db=conn,
    )
    return WebhookSet(hook, secret, True)


async def rotate_secret(conn: BaseDBAsyncClient, token_id: int) -> WebhookSet | None:
    """A new secret, effective for the next attempt; None when no webhook is set."""
    hook = await WatchWebhook.filter(token_id=token_id).using_db(conn).select_for_update().first()
    if hook is None:
        return None
    secret = new_secret()
    hook.secret_cipher = encrypt(secret)
    hook.secret_rotated_at = hook.updated_at = clock.now()
    await hook.save(
        using_db=conn, update_fields=["secret_cipher", "secret_rotated_at", "updated_at"]
    )
    return WebhookSet(hook, secret, False)


async def remove_webhook(conn: BaseDBAsyncClient, token_id: int) -> bool:
    """Stop posting. Deliveries not yet made stay in the log as they are."""
    return bool(await WatchWebhook.filter(token_id=token_id).using_db(conn).delete())


async def redrive(
    conn: BaseDBAsyncClient, ids: Sequence[int], token_id: int | None = None
) -> list[WatchDelivery]:
    """Send FAILED deliveries again from now with a fresh retry window (of `token_id` only,
    when given). Returns the deliveries re-driven."""
    query = WatchDelivery.filter(id__in=list(ids), status=DeliveryStatus.FAILED).using_db(conn)
    if token_id is not None:
        query = query.filter(token_id=token_id)
    rows = list(await query)
    now = clock.now()
    if rows:
        await (
            WatchDelivery.filter(id__in=[r.id for r in rows])
            .using_db(conn)
            .update(status=DeliveryStatus.PENDING, next_attempt_at=now, first_attempt_at=None)
        )
    return rows


def deliveries(
    token_id: int | None, status: DeliveryStatus | None = None
) -> QuerySet[WatchDelivery]:
    query = WatchDelivery.all()
    if token_id is not None:
        query = query.filter(token_id=token_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-position", "-id")


async def counts(token_id: int) -> dict[str, int]:
    out = {s.value: 0 for s in DeliveryStatus}
    for s in DeliveryStatus:
        out[s.value] = await WatchDelivery.filter(token_id=token_id, status=s).count()
    return out
