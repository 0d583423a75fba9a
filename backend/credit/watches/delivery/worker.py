"""The webhook delivery worker: fan-out of new events into deliveries, claiming due
deliveries, posting them signed, and recording each attempt.

Run as a task in the app's lifespan (like the outbox worker) on every app worker, or
alone with `python -m credit watch-deliver`. Several may run at once: fan-out moves each
webhook's cursor by a conditional update, and a claim takes rows with
SELECT … FOR UPDATE SKIP LOCKED and then a conditional update of `attempts`, so no two
workers send one delivery at the same time (on SQLite, which has no row locks, the
conditional update alone decides). No database transaction is held across a request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from tortoise.functions import Min
from tortoise.transactions import in_transaction

from credit.accounts.crypto import decrypt
from credit.accounts.models import ApiToken
from credit.core import clock
from credit.watches.delivery import signing
from credit.watches.delivery.models import (
    AttemptOutcome,
    DeliveryStatus,
    WatchDelivery,
    WatchDeliveryAttempt,
    WatchWebhook,
)
from credit.watches.delivery.services import (
    DELIVERY_DEFAULTS,
    DeliveryParams,
    backoff,
    encode,
    event_body,
    gives_up,
)
from credit.watches.models import WatchEvent
from credit.watches.queries import events_for_token

log = logging.getLogger(__name__)
MAX_CONCURRENT_POSTS = 8


@dataclass
class DeliveryReport:
    created: int = 0
    delivered: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return len(self.delivered) + len(self.retrying) + len(self.failed)


async def latest_position() -> int:
    last = await WatchEvent.all().order_by("-position").first()
    return int(last.position) if last is not None else 0


async def _active_webhooks(now: datetime) -> list[WatchWebhook]:
    return await WatchWebhook.filter(
        token__revoked_at__isnull=True, token__expires_at__gt=now
    ).order_by("id")


async def fan_out(now: datetime, params: DeliveryParams = DELIVERY_DEFAULTS) -> int:
    """Turn the events after each active webhook's cursor into deliveries. The events are
    read first, then the cursor moves only if no other worker moved it meanwhile, in the
    transaction that creates the deliveries."""
    created = 0
    for hook in await _active_webhooks(now):
        events = await events_for_token(hook.token_id, hook.cursor, params.fan_out_batch)
        if not events:
            continue
        async with in_transaction() as conn:
            moved = (
                await WatchWebhook.filter(id=hook.id, cursor=hook.cursor)
                .using_db(conn)
                .update(cursor=events[-1].position)
            )
            if not moved:
                continue  # another worker did it
            await WatchDelivery.bulk_create(
                [
                    WatchDelivery(
                        token_id=hook.token_id,
                        event_id=e.id,
                        position=e.position,
                        uscc=e.uscc,
                        status=DeliveryStatus.PENDING,
                        next_attempt_at=now,
                    )
                    for e in events
                ],
                using_db=conn,
            )
        created += len(events)
    return created


async def _heads(candidates: list[WatchDelivery]) -> list[WatchDelivery]:
    """The candidates that are first in line for their (token, uscc): every earlier
    delivery of that subject to that token is delivered."""
    if not candidates:
        return []
    rows = (
        await WatchDelivery.filter(
            token_id__in={c.token_id for c in candidates},
            uscc__in={c.uscc for c in candidates},
            status__in=[DeliveryStatus.PENDING, DeliveryStatus.FAILED],
        )
        .annotate(first=Min("position"))
        .group_by("token_id", "uscc")
        .values("token_id", "uscc", "first")
    )
    first = {(r["token_id"], r["uscc"]): int(r["first"]) for r in rows}
    return [c for c in candidates if first.get((c.token_id, c.uscc)) == c.position]


async def claim(now: datetime, params: DeliveryParams = DELIVERY_DEFAULTS) -> list[WatchDelivery]:
    """Take up to `batch` due deliveries that are first in line, each with a lease."""
    candidates = (
        await WatchDelivery.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "position")
        .limit(params.batch * 4)
    )
    heads = (await _heads(list(candidates)))[: params.batch]
    if not heads:
        return []
    claimed: list[WatchDelivery] = []
    async with in_transaction() as conn:
        locked = (
            await WatchDelivery.filter(
                id__in=[h.id for h in heads],
                status=DeliveryStatus.PENDING,
                next_attempt_at__lte=now,
            )
            .using_db(conn)
            .select_for_update(skip_locked=True)
            .order_by("id")
        )
        for row in locked:
            taken = (
                await WatchDelivery.filter(id=row.id, attempts=row.attempts)
                .using_db(conn)
                .update(
                    attempts=row.attempts + 1,
                    next_attempt_at=now + timedelta(seconds=params.lease_seconds),
                    last_attempt_at=now,
                    first_attempt_at=row.first_attempt_at or now,
                )
            )
            if not taken:
                continue
            if row.attempts:
                # The previous attempt never reported: its worker died, the lease expired.
                await (
                    WatchDeliveryAttempt.filter(
                        delivery_id=row.id, outcome=AttemptOutcome.IN_FLIGHT
                    )
                    .using_db(conn)
                    .update(
                        outcome=AttemptOutcome.ABANDONED,
                        finished_at=now,
                        error="投递进程中断，租约到期后重新投递",
                    )
                )
            await WatchDeliveryAttempt.create(
                delivery_id=row.id, number=row.attempts + 1, started_at=now, using_db=conn
            )
            row.attempts += 1
            row.first_attempt_at = row.first_attempt_at or now
            claimed.append(row)
    return claimed


async def _post(
    client: httpx.AsyncClient,
    hook: WatchWebhook,
    delivery: WatchDelivery,
    body: bytes,
    params: DeliveryParams,
) -> tuple[int | None, str]:
    """(status code or None, error text)."""
    secret = decrypt(hook.secret_cipher)
    # The signature's timestamp is wall-clock time: it is checked against the receiver's
    # clock, never against the (test-movable) domain clock.
    headers = {
        "Content-Type": "application/json",
        signing.SIGNATURE_HEADER: signing.signature_header(secret, int(time.time()), body),
        signing.IDEMPOTENCY_HEADER: str(delivery.event.event_id),
        "User-Agent": "credit-supervision-webhooks/1",
    }
    try:
        response = await client.post(
            hook.url, content=body, headers=headers, timeout=params.timeout_seconds
        )
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]
    if response.is_success:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}: {response.text[:300]}"


async def _record(
    delivery: WatchDelivery,
    code: int | None,
    error: str,
    now: datetime,
    ms: int,
    params: DeliveryParams,
    report: DeliveryReport,
) -> None:
    ok = code is not None and 200 <= code < 300
    attempt = WatchDeliveryAttempt.filter(
        delivery_id=delivery.id, number=delivery.attempts, outcome=AttemptOutcome.IN_FLIGHT
    )
    await attempt.update(
        outcome=AttemptOutcome.DELIVERED if ok else AttemptOutcome.ERROR,
        finished_at=now,
        status_code=code,
        error=error,
        duration_ms=ms,
    )
    # Only while the claim is still ours (attempts unchanged).
    mine = WatchDelivery.filter(id=delivery.id, attempts=delivery.attempts)
    if ok:
        await mine.update(
            status=DeliveryStatus.DELIVERED, delivered_at=now, last_status_code=code, last_error=""
        )
        report.delivered.append(delivery.id)
    elif gives_up(delivery.first_attempt_at or now, now, params):
        await mine.update(status=DeliveryStatus.FAILED, last_status_code=code, last_error=error)
        report.failed.append(delivery.id)
    else:
        await mine.update(
            next_attempt_at=now + backoff(delivery.attempts, params),
            last_status_code=code,
            last_error=error,
        )
        report.retrying.append(delivery.id)


async def deliver_due(
    now: datetime, client: httpx.AsyncClient, *, params: DeliveryParams = DELIVERY_DEFAULTS
) -> DeliveryReport:
    """One round: fan out new events, claim what is due, post it, record the answers."""
    report = DeliveryReport(created=await fan_out(now, params))
    claimed = await claim(now, params)
    if not claimed:
        return report
    hooks = {
        h.token_id: h for h in await WatchWebhook.filter(token_id__in={d.token_id for d in claimed})
    }
    events = {e.id: e for e in await WatchEvent.filter(id__in=[d.event_id for d in claimed])}
    limit = asyncio.Semaphore(MAX_CONCURRENT_POSTS)

    async def one(delivery: WatchDelivery) -> None:
        hook = hooks.get(delivery.token_id)
        delivery.event = events[delivery.event_id]
        if hook is None:  # the webhook was removed: wait for a new one
            await _record(delivery, None, "未设置接收地址", now, 0, params, report)
            return
        body = encode(event_body(delivery.event))
        async with limit:
            started = time.perf_counter()
            code, error = await _post(client, hook, delivery, body, params)
        ms = int((time.perf_counter() - started) * 1000)
        await _record(delivery, code, error, max(clock.now(), now), ms, params, report)

    await asyncio.gather(*(one(d) for d in claimed))
    return report


async def run_worker(
    client: httpx.AsyncClient,
    stop: asyncio.Event,
    *,
    poll_seconds: float = 2.0,
    params: DeliveryParams = DELIVERY_DEFAULTS,
) -> None:
    """Deliver until `stop` is set. A failed round is logged and retried."""
    while not stop.is_set():
        again = False
        try:
            report = await deliver_due(clock.now(), client, params=params)
            # A full batch, or a delivery made (the next event of its subject may now be
            # first in line): go on at once.
            again = report.handled >= params.batch or bool(report.delivered)
            if report.failed:
                log.error("watch webhooks: %d delivery(ies) failed for good", len(report.failed))
        except Exception:
            log.exception("watch webhook delivery round failed")
        if not again:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)


async def active_token(token_id: int, now: datetime) -> bool:
    token = await ApiToken.get_or_none(id=token_id)
    return token is not None and token.revoked_at is None and token.expires_at > now
