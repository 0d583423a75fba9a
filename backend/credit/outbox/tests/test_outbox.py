"""SY 第十二条 publication through the transactional outbox: delivered against a real HTTP
receiver on 127.0.0.1 that fails and recovers; retries back off; one key is applied once;
a rolled-back decision leaves no event."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import httpx
import pytest
from tortoise.transactions import in_transaction

from credit.casework.testing import freeze_on
from credit.core import clock
from credit.outbox.models import OutboxEvent
from credit.outbox.params import OutboxParams
from credit.outbox.services import backoff, deliver_due, enqueue, list_events, requeue, run_worker
from credit.outbox.states import OutboxStatus
from credit.outbox.tests.conftest import Receiver

T0_DAY = date(2026, 10, 12)


KEY = "list:transition:1:added:WATCH.watch_list_case.1:credit_shenyang"


async def _event(key: str = KEY) -> OutboxEvent:
    async with in_transaction() as conn:
        return await enqueue(
            conn,
            key=key,
            target="credit_shenyang",
            kind="list.entry_added",
            payload={"list": "WATCH", "subject": {"name": "沈阳测试技防有限公司"}},
        )


def test_backoff_doubles_from_30_seconds_up_to_one_hour() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(8).total_seconds() == 3600
    assert backoff(1000).total_seconds() == 3600


async def test_article12_outbox_retries_until_the_receiver_recovers(
    db: str, receiver: Receiver
) -> None:
    # given: an event written at T0; the receiver fails twice, then recovers
    t0 = freeze_on(T0_DAY)
    event = await _event()
    receiver.fail_first = 2
    targets = {"credit_shenyang": receiver.url}

    async def run(at: datetime) -> list[str]:
        clock.freeze(at)
        async with httpx.AsyncClient() as client:
            return (await deliver_due(at, targets, client)).delivered

    # when / then: each attempt waits for its back-off, not a second earlier
    assert await run(t0) == []
    row = await OutboxEvent.get(id=event.id)
    assert (row.attempts, row.next_attempt_at) == (1, t0 + timedelta(seconds=30))
    assert "HTTP 503" in row.last_error
    assert await run(t0 + timedelta(seconds=29)) == []
    assert len(receiver.requests) == 1
    assert await run(t0 + timedelta(seconds=30)) == []
    row = await OutboxEvent.get(id=event.id)
    assert row.next_attempt_at == t0 + timedelta(seconds=90)  # 30 s + 60 s
    assert await run(t0 + timedelta(seconds=89)) == []
    assert await run(t0 + timedelta(seconds=90)) == [event.key]

    row = await OutboxEvent.get(id=event.id)
    assert (row.status, row.attempts, row.last_error) == (OutboxStatus.DELIVERED, 3, "")
    assert row.delivered_at == t0 + timedelta(seconds=90)
    assert [key for key, _ in receiver.requests] == [event.key] * 3
    assert receiver.requests[-1][1]["data"] == {
        "list": "WATCH",
        "subject": {"name": "沈阳测试技防有限公司"},
    }
    # a delivered event is never posted again
    assert await run(t0 + timedelta(hours=5)) == []
    assert len(receiver.requests) == 3


async def test_article12_same_key_is_applied_once(db: str, receiver: Receiver) -> None:
    # given: the receiver applies the first request but its answer is lost; the same
    # decision is announced twice
    t0 = freeze_on(T0_DAY)
    first = await _event()
    second = await _event()
    receiver.lose_first_response = True
    targets = {"credit_shenyang": receiver.url}

    # when
    async with httpx.AsyncClient() as client:
        await deliver_due(t0, targets, client)
        await deliver_due(t0 + timedelta(seconds=30), targets, client)

    # then
    assert first.id == second.id and await OutboxEvent.all().count() == 1
    assert len(receiver.requests) == 2
    assert list(receiver.applied) == [first.key]
    assert (await OutboxEvent.get(id=first.id)).status == OutboxStatus.DELIVERED


async def test_article12_two_workers_never_post_the_same_event_twice(
    db: str, receiver: Receiver
) -> None:
    # given
    t0 = freeze_on(T0_DAY)
    await _event()
    targets = {"credit_shenyang": receiver.url}

    # when
    async with httpx.AsyncClient() as client:
        reports = await asyncio.gather(
            deliver_due(t0, targets, client), deliver_due(t0, targets, client)
        )

    # then
    assert sum(len(r.delivered) for r in reports) == 1
    assert len(receiver.requests) == 1


async def test_article12_rolled_back_transaction_leaves_no_event(db: str) -> None:
    # given/when
    freeze_on(T0_DAY)
    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            await enqueue(conn, key="k", target="credit_shenyang", kind="x", payload={})
            raise RuntimeError("the decision failed")

    # then
    assert await OutboxEvent.all().count() == 0


async def test_outbox_refused_and_exhausted_events_fail_and_can_be_requeued(
    db: str, receiver: Receiver
) -> None:
    # given: a receiver that refuses the payload (422), and one that is always down
    t0 = freeze_on(T0_DAY)
    refused = await _event("refused")
    receiver.fail_first, receiver.fail_status = 1, 422
    params = OutboxParams(max_attempts=2)
    async with httpx.AsyncClient() as client:
        await deliver_due(t0, {"credit_shenyang": receiver.url}, client, params=params)
    down = await _event("down")
    async with httpx.AsyncClient() as client:
        dead = {"credit_shenyang": "http://127.0.0.1:9/unreachable"}
        await deliver_due(t0, dead, client, params=params)
        report = await deliver_due(t0 + timedelta(seconds=30), dead, client, params=params)

    # when
    failed, total = await list_events(statuses=[OutboxStatus.FAILED])
    async with in_transaction() as conn:
        requeued = await requeue(conn, [refused.id])

    # then
    assert (await OutboxEvent.get(id=refused.id)).attempts == 0
    assert report.failed == [down.key]
    assert total == 2 and {e.key for e in failed} == {"refused", "down"}
    assert "HTTP 422" in next(e.last_error for e in failed if e.key == "refused")
    assert "ConnectError" in next(e.last_error for e in failed if e.key == "down")
    assert requeued == 1
    assert (await OutboxEvent.get(id=refused.id)).status == OutboxStatus.PENDING


async def test_outbox_reports_events_without_a_configured_target(db: str) -> None:
    # given
    t0 = freeze_on(T0_DAY)
    event = await _event()

    # when
    async with httpx.AsyncClient() as client:
        report = await deliver_due(t0, {}, client)

    # then: untouched and reported, never silently dropped
    assert report.unconfigured == [event.key]
    row = await OutboxEvent.get(id=event.id)
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 0)


async def test_outbox_worker_delivers_until_stopped(db: str, receiver: Receiver) -> None:
    # given
    freeze_on(T0_DAY)
    event = await _event()
    stop = asyncio.Event()

    # when
    async with httpx.AsyncClient() as client:
        worker = asyncio.create_task(
            run_worker({"credit_shenyang": receiver.url}, client, stop, poll_seconds=0.05)
        )
        for _ in range(200):
            if (await OutboxEvent.get(id=event.id)).status == OutboxStatus.DELIVERED:
                break
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(worker, timeout=2)

    # then
    assert (await OutboxEvent.get(id=event.id)).status == OutboxStatus.DELIVERED
    assert list(receiver.applied) == [event.key]
