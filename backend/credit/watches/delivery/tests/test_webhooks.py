"""Webhook delivery with a real receiver on loopback (issue 17, items 3a and 4): signed,
per subject in order, retried with back-off through an hour-long outage, given up after
the retry window and re-driven by the partner; the log shows every attempt."""

from __future__ import annotations

from datetime import timedelta

import httpx

from credit.accounts.crypto import decrypt
from credit.core import clock
from credit.watches.delivery import webhooks
from credit.watches.delivery.models import (
    AttemptOutcome,
    DeliveryStatus,
    WatchDelivery,
    WatchDeliveryAttempt,
    WatchWebhook,
)
from credit.watches.delivery.testing import Receiver, receiver, watch, write_event
from credit.watches.delivery.tests.conftest import Partner
from credit.watches.delivery.worker import DeliveryReport
from credit.watches.delivery.worker import deliver_due as deliver_once
from credit.watches.types import encode_position


async def deliver_due(now, http):
    """Rounds at `now` until nothing more is sent (as the worker loops after a delivery)."""
    total = DeliveryReport()
    for _ in range(20):
        report = await deliver_once(now, http)
        total.created += report.created
        total.delivered += report.delivered
        total.retrying += report.retrying
        total.failed += report.failed
        if not report.delivered:
            break
    return total


async def _hook(partner: Partner, url: str) -> str:
    from tortoise.transactions import in_transaction

    async with in_transaction() as conn:
        done = await webhooks.set_webhook(conn, partner.token_id, url)
    assert done.secret is not None
    return done.secret


async def _setup(partner: Partner, r: Receiver) -> None:
    r.secret = await _hook(partner, r.url)
    for s in partner.subjects:
        await watch(partner.token_id, s)


async def test_each_event_arrives_signed_once_with_its_idempotency_key(
    partner: Partner, http: httpx.AsyncClient
) -> None:
    async with receiver() as r:
        # given: a webhook and two watched subjects with changes
        await _setup(partner, r)
        a, b = partner.subjects[:2]
        events = [await write_event(a), await write_event(b), await write_event(a)]
        # when: the worker runs
        report = await deliver_due(clock.now(), http)
        # then: each event arrived once, signed, keyed by its event id, with its cursor
        assert report.created == 3
        assert sorted(x.event_id for x in r.applied) == sorted(str(e.event_id) for e in events)
        assert all(x.signed for x in r.arrived)
        first = next(x for x in r.applied if x.event_id == str(events[0].event_id))
        assert first.body["cursor"] == encode_position(events[0].position)
        assert first.body["uscc"] == a.uscc and first.body["after"] == {"grade": "C"}
        # and: a second round sends nothing again
        await deliver_due(clock.now() + timedelta(hours=2), http)
        assert len(r.arrived) == 3
        statuses = {d.status for d in await WatchDelivery.all()}
        assert statuses == {DeliveryStatus.DELIVERED}


async def test_the_secret_is_stored_encrypted(partner: Partner) -> None:
    secret = await _hook(partner, "https://partner.example.cn/hook")
    row = await WatchWebhook.get(token_id=partner.token_id)
    assert secret not in row.secret_cipher and decrypt(row.secret_cipher) == secret


async def test_a_later_event_of_a_subject_waits_for_the_earlier_one(
    partner: Partner, http: httpx.AsyncClient
) -> None:
    async with receiver() as r:
        await _setup(partner, r)
        a, b = partner.subjects[:2]
        now = clock.now()
        clock.freeze(now)
        # given: the receiver is down when A's first event is tried
        first = await write_event(a)
        r.status = 503
        await deliver_due(now, http)
        assert r.applied == []
        # when: it is back, and A and B each have a new event, before A's retry is due
        r.status = 200
        second = await write_event(a)
        other = await write_event(b)
        await deliver_due(now + timedelta(seconds=1), http)
        # then: B's goes out, A's second waits for A's first
        assert [x.event_id for x in r.applied] == [str(other.event_id)]
        # and once A's retry is due, A's arrive in order
        await deliver_due(now + timedelta(seconds=11), http)
        await deliver_due(now + timedelta(seconds=12), http)
        assert r.uscc_order(a.uscc) == [
            encode_position(first.position),
            encode_position(second.position),
        ]


async def test_receiver_down_for_an_hour_then_everything_arrives_in_order(
    partner: Partner, http: httpx.AsyncClient
) -> None:
    async with receiver() as r:
        await _setup(partner, r)
        start = clock.now()
        clock.freeze(start)
        r.status = 503
        written = []
        # given: the receiver is down for an hour while events keep coming
        for minute in range(0, 61, 5):
            clock.freeze(start + timedelta(minutes=minute))
            written.append(await write_event(partner.subjects[minute % 3]))
            await deliver_due(clock.now(), http)
        assert r.applied == []
        tried = await WatchDelivery.filter(attempts__gt=0).count()
        assert tried >= 3  # each subject's first event, retried with back-off
        # when: it is back; the clock moves on (no sleeping), the worker keeps running
        r.status = 200
        t = start + timedelta(minutes=61)
        while t < start + timedelta(hours=3) and len(r.applied) < len(written):
            clock.freeze(t)
            await deliver_due(t, http)
            t += timedelta(minutes=1)
        # then: every event arrived exactly once, each subject's in order, within an hour
        assert sorted(x.event_id for x in r.applied) == sorted(str(e.event_id) for e in written)
        for s in partner.subjects:
            mine = [encode_position(e.position) for e in written if e.uscc == s.uscc]
            assert r.uscc_order(s.uscc) == mine
        assert t <= start + timedelta(minutes=61 + 61)
        assert not await WatchDelivery.filter(status__not=DeliveryStatus.DELIVERED).exists()
        # and the log shows the failed attempts, then the success
        log = await WatchDeliveryAttempt.filter(delivery__position=written[0].position).order_by(
            "number"
        )
        assert [a.outcome for a in log][-1] == AttemptOutcome.DELIVERED
        assert {a.status_code for a in log[:-1]} == {503}
        assert all(a.error.startswith("HTTP 503") for a in log[:-1])


async def test_given_up_after_the_retry_window_then_redriven(
    partner: Partner, http: httpx.AsyncClient
) -> None:
    async with receiver() as r:
        await _setup(partner, r)
        a = partner.subjects[0]
        start = clock.now()
        clock.freeze(start)
        r.status = 503
        first, second = await write_event(a), await write_event(a)
        # given: 25 hours of refusals
        t = start
        while t <= start + timedelta(hours=25):
            await deliver_due(t, http)
            t += timedelta(minutes=30)
        one = await WatchDelivery.get(position=first.position)
        two = await WatchDelivery.get(position=second.position)
        # then: the first is FAILED, the second never tried (it waits behind it)
        assert one.status == DeliveryStatus.FAILED and two.attempts == 0
        # when: the receiver is fixed and the partner re-drives the failed one
        r.status = 200
        from tortoise.transactions import in_transaction

        async with in_transaction() as conn:
            assert [d.id for d in await webhooks.redrive(conn, [one.id], partner.token_id)] == [
                one.id
            ]
        clock.freeze(t)
        await deliver_due(t, http)
        await deliver_due(t + timedelta(seconds=1), http)
        # then: both arrive, in order
        assert r.uscc_order(a.uscc) == [
            encode_position(first.position),
            encode_position(second.position),
        ]


async def test_redrive_touches_only_the_tokens_own_failed_deliveries(partner: Partner) -> None:
    from tortoise.transactions import in_transaction

    await _hook(partner, "https://partner.example.cn/hook")
    await watch(partner.token_id, partner.subjects[0])
    event = await write_event(partner.subjects[0])
    d = await WatchDelivery.create(
        token_id=partner.token_id,
        event_id=event.id,
        position=event.position,
        uscc=event.uscc,
        status=DeliveryStatus.FAILED,
        next_attempt_at=clock.now(),
    )
    async with in_transaction() as conn:
        assert await webhooks.redrive(conn, [d.id], partner.token_id + 999) == []
        assert len(await webhooks.redrive(conn, [d.id], partner.token_id)) == 1
