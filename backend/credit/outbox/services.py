"""The transactional outbox: publication events written with the decision, delivered later.

Invariants:
- `enqueue` writes in the caller's transaction: a rolled-back decision leaves no event,
  a committed one always has its events.
- An event's `key` is unique: enqueueing the same key twice keeps one event, and the key
  is sent as `Idempotency-Key` on every attempt so the receiver applies it once.
- `deliver_due` never holds a database transaction across an HTTP request. It claims an
  event by a conditional update (status and attempt count unchanged), so two workers
  never post the same event at the same time; a worker that dies mid-request leaves the
  event to be retried once its lease expires.
- After the n-th failed attempt the next is `backoff(n)` later; after `max_attempts`
  failures, or at once for a response the receiver will never accept (4xx other than
  408/425/429), the event is FAILED and waits for `requeue`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from credit.casework.states import Step
from credit.core import clock
from credit.outbox.models import OutboxEvent
from credit.outbox.params import OUTBOX_DEFAULTS, OutboxParams
from credit.outbox.states import OUTBOX, OutboxStatus

RETRYABLE_STATUS = frozenset({408, 425, 429})
log = logging.getLogger(__name__)


def event_key(*parts: object) -> str:
    """A readable key from its parts; hashed when it would not fit the column."""
    key = ":".join(str(p) for p in parts)
    if len(key) <= 200:
        return key
    return f"{parts[0]}:{hashlib.sha256(key.encode()).hexdigest()}"


async def enqueue(
    conn: BaseDBAsyncClient | None,
    *,
    key: str,
    target: str,
    kind: str,
    payload: Mapping[str, Any],
    jurisdiction_id: int | None = None,
) -> OutboxEvent:
    """Write one event (or return the existing event of that key)."""
    existing = await OutboxEvent.get_or_none(key=key, using_db=conn)
    if existing is not None:
        return existing
    return await OutboxEvent.create(
        key=key,
        target=target,
        kind=kind,
        payload=dict(payload),
        jurisdiction_id=jurisdiction_id,
        status=OutboxStatus.PENDING,
        next_attempt_at=clock.now(),
        using_db=conn,
    )


async def enqueue_for_targets(
    conn: BaseDBAsyncClient | None,
    targets: Sequence[str],
    *,
    key: str,
    kind: str,
    payload: Mapping[str, Any],
    jurisdiction_id: int | None = None,
) -> list[OutboxEvent]:
    """One event per target; each target's key is `key:target`."""
    return [
        await enqueue(
            conn,
            key=event_key(key, t),
            target=t,
            kind=kind,
            payload=payload,
            jurisdiction_id=jurisdiction_id,
        )
        for t in targets
    ]


def backoff(attempts: int, params: OutboxParams = OUTBOX_DEFAULTS) -> timedelta:
    """The wait after the `attempts`-th failed attempt (1-based)."""
    exponent = min(max(attempts - 1, 0), 32)  # 2**32 · base is past any cap
    seconds = min(params.base_delay_seconds * 2**exponent, params.max_delay_seconds)
    return timedelta(seconds=seconds)


def retry_after(response: httpx.Response, now: datetime) -> timedelta | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return timedelta(seconds=int(value))
    try:
        return max(parsedate_to_datetime(value) - now, timedelta(0))
    except (TypeError, ValueError):
        return None


@dataclass
class DeliveryReport:
    delivered: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unconfigured: list[str] = field(default_factory=list)  # no URL for the target


def envelope(event: OutboxEvent) -> dict[str, Any]:
    return {
        "id": event.key,
        "kind": event.kind,
        "target": event.target,
        "created_at": event.created_at.isoformat(),
        "data": event.payload,
    }


async def _claim(event: OutboxEvent, now: datetime, params: OutboxParams) -> bool:
    claimed = await OutboxEvent.filter(
        id=event.id, status=OutboxStatus.PENDING, attempts=event.attempts
    ).update(
        attempts=F("attempts") + 1,
        last_attempt_at=now,
        next_attempt_at=now + timedelta(seconds=params.lease_seconds),
    )
    if claimed:
        event.attempts += 1
    return bool(claimed)


async def _attempt(
    client: httpx.AsyncClient, url: str, event: OutboxEvent, params: OutboxParams
) -> tuple[bool, bool, str, httpx.Response | None]:
    """(delivered, retryable, error text, response)."""
    try:
        response = await client.post(
            url,
            json=envelope(event),
            headers={"Idempotency-Key": event.key, "X-Event-Kind": event.kind},
            timeout=params.timeout_seconds,
        )
    except httpx.HTTPError as exc:
        return False, True, f"{type(exc).__name__}: {exc}"[:500], None
    if response.is_success:
        return True, False, "", response
    error = f"HTTP {response.status_code}: {response.text[:300]}"
    retryable = response.status_code >= 500 or response.status_code in RETRYABLE_STATUS
    return False, retryable, error, response


async def deliver_due(
    now: datetime,
    targets: Mapping[str, str],
    client: httpx.AsyncClient,
    *,
    params: OutboxParams = OUTBOX_DEFAULTS,
) -> DeliveryReport:
    """Post every event due at `now` to its target's URL. Call it from a worker loop."""
    report = DeliveryReport()
    due = (
        await OutboxEvent.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .limit(params.batch)
    )
    for event in due:
        url = targets.get(event.target)
        if not url:
            report.unconfigured.append(event.key)
            continue
        if not await _claim(event, now, params):
            continue  # another worker has it
        delivered, retryable, error, response = await _attempt(client, url, event, params)
        if delivered:
            await OutboxEvent.filter(id=event.id).update(
                status=OutboxStatus.DELIVERED, delivered_at=now, last_error=""
            )
            report.delivered.append(event.key)
        elif retryable and event.attempts < params.max_attempts:
            wait = backoff(event.attempts, params)
            hinted = retry_after(response, now) if response is not None else None
            if hinted is not None:
                wait = min(max(wait, hinted), timedelta(seconds=params.max_delay_seconds))
            await OutboxEvent.filter(id=event.id).update(
                next_attempt_at=now + wait, last_error=error
            )
            report.retrying.append(event.key)
        else:
            await OutboxEvent.filter(id=event.id).update(
                status=OutboxStatus.FAILED, last_error=error
            )
            report.failed.append(event.key)
    return report


async def list_events(
    conn: BaseDBAsyncClient | None = None,
    *,
    statuses: Sequence[OutboxStatus] = (OutboxStatus.PENDING, OutboxStatus.FAILED),
    target: str | None = None,
    jurisdiction_id: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[OutboxEvent], int]:
    """Events in the given statuses (default: not yet delivered), oldest first, with the
    total count. For the deliveries page (VIEW_DELIVERIES), within a jurisdiction if given."""
    query = OutboxEvent.filter(status__in=list(statuses)).using_db(conn)
    if jurisdiction_id is not None:
        query = query.filter(jurisdiction_id=jurisdiction_id)
    if target:
        query = query.filter(target=target)
    total = await query.count()
    rows = await query.order_by("created_at", "id").offset(offset).limit(min(limit, 500))
    return list(rows), total


async def requeue(
    conn: BaseDBAsyncClient | None,
    event_ids: Sequence[int],
    jurisdiction_id: int | None = None,
) -> int:
    """Send failed events again from now, with a fresh attempt count (only events of the
    given jurisdiction, if given)."""
    query = OutboxEvent.filter(id__in=list(event_ids)).using_db(conn)
    if jurisdiction_id is not None:
        query = query.filter(jurisdiction_id=jurisdiction_id)
    rows = await query
    event_ids = [r.id for r in rows]
    for row in rows:
        OUTBOX.next(Step.REQUEUE, OutboxStatus(row.status))
    return (
        await OutboxEvent.filter(id__in=list(event_ids), status=OutboxStatus.FAILED)
        .using_db(conn)
        .update(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=clock.now())
    )


async def run_worker(
    targets: Mapping[str, str],
    client: httpx.AsyncClient,
    stop: asyncio.Event,
    *,
    poll_seconds: float = 5.0,
    params: OutboxParams = OUTBOX_DEFAULTS,
) -> None:
    """Deliver due events until `stop` is set (start it as a task in the app's lifespan or
    a separate process). A full batch is followed at once by the next one."""
    while not stop.is_set():
        report = await deliver_due(clock.now(), targets, client, params=params)
        if report.failed:
            log.error("outbox: %d event(s) failed for good: %s", len(report.failed), report.failed)
        if report.unconfigured:
            log.warning("outbox: no URL configured for %d event(s)", len(report.unconfigured))
        handled = len(report.delivered) + len(report.retrying) + len(report.failed)
        if handled < params.batch:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
