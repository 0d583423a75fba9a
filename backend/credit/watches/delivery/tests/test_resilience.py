"""No event is lost (issue 17, item 4): a real worker process killed with SIGKILL while
the receiver holds its request (the lease expires and another worker delivers; the
receiver deduplicates on the idempotency key), and a real server restarted while a
subscriber and a webhook are waiting."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from tortoise.transactions import in_transaction

from credit.core import clock
from credit.core.settings import BACKEND_DIR, Settings
from credit.testing_server import AppServer
from credit.watches.delivery import webhooks
from credit.watches.delivery.models import (
    AttemptOutcome,
    DeliveryStatus,
    WatchDelivery,
    WatchDeliveryAttempt,
)
from credit.watches.delivery.services import DELIVERY_DEFAULTS
from credit.watches.delivery.testing import receiver, subscription, watch, write_event
from credit.watches.delivery.tests.conftest import Partner
from credit.watches.delivery.worker import deliver_due
from credit.watches.types import encode_position


def _env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url or "",
        "SECRET_KEY": settings.secret_key or "",
        "LOG_LEVEL": "WARNING",
        "WATCH_WEBHOOK_ALLOW_HTTP_LOOPBACK": "true",
    }


async def _set_hook(partner: Partner, url: str) -> str:
    async with in_transaction() as conn:
        done = await webhooks.set_webhook(conn, partner.token_id, url)
    assert done.secret
    return done.secret


async def test_a_worker_killed_mid_delivery_is_relieved_once_its_lease_expires(
    partner: Partner, settings: Settings, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    async with receiver() as r:
        r.secret = await _set_hook(partner, r.url)
        subject = partner.subjects[0]
        await watch(partner.token_id, subject)
        first, second = await write_event(subject), await write_event(subject)
        r.hold = True
        # given: a worker process whose request the receiver holds
        with (tmp_path / "worker.log").open("wb") as log:
            worker = subprocess.Popen(  # noqa: ASYNC220
                [sys.executable, "-m", "credit", "watch-deliver", "--poll-seconds", "0.2"],
                cwd=BACKEND_DIR,
                env=_env(settings),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        try:
            await asyncio.wait_for(r.got_one.wait(), 60)
            # when: it is killed mid-request
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
        assert [x.event_id for x in r.arrived] == [str(first.event_id)]
        r.hold = False
        r.release.set()  # the held request completes (the receiver applies it)
        # then: while its lease runs, no other worker sends it again
        assert (await deliver_due(clock.now(), http)).handled == 0
        # and once the lease has expired, another worker delivers it, then the next one
        later = clock.now() + timedelta(seconds=DELIVERY_DEFAULTS.lease_seconds + 1)
        for _ in range(3):
            await deliver_due(later, http)
        assert [x.event_id for x in r.arrived] == [
            str(first.event_id),
            str(first.event_id),
            str(second.event_id),
        ]
        # the receiver applied each once, in order
        assert [x.event_id for x in r.applied] == [str(first.event_id), str(second.event_id)]
        d = await WatchDelivery.get(position=first.position)
        assert d.status == DeliveryStatus.DELIVERED and d.attempts == 2
        log_rows = await WatchDeliveryAttempt.filter(delivery_id=d.id).order_by("number")
        assert [a.outcome for a in log_rows] == [AttemptOutcome.ABANDONED, AttemptOutcome.DELIVERED]


async def test_nothing_is_lost_across_a_server_restart(
    partner: Partner, settings: Settings, tmp_path: Path
) -> None:
    if settings.is_embedded:
        pytest.skip("a second process on the SQLite file: covered on PostgreSQL")
    a, b = partner.subjects[:2]
    await watch(partner.token_id, a)
    await watch(partner.token_id, b)
    async with receiver() as r:
        r.secret = await _set_hook(partner, r.url)
        server = AppServer(_env(settings), tmp_path / "server.log")
        await server.start()
        ws_url = server.url.replace("http://", "ws://") + "/graphql"
        try:
            before = [await write_event(a), await write_event(b)]
            async with subscription(ws_url, partner.token) as next_event:
                got = [await next_event(), await next_event()]
        finally:
            server.stop()
        # given: events written while the server is down
        during = [await write_event(a), await write_event(b), await write_event(a)]
        # when: it is back
        server = AppServer(_env(settings), tmp_path / "server2.log")
        await server.start()
        ws_url = server.url.replace("http://", "ws://") + "/graphql"
        try:
            async with subscription(ws_url, partner.token, after=got[-1]["cursor"]) as next_event:
                resumed = [await next_event() for _ in during]
            # then: the subscriber resumes with exactly what it missed
            assert [m["eventId"] for m in got + resumed] == [
                str(e.event_id) for e in before + during
            ]
            # and the webhook receives every event, each subject's in order
            for _ in range(200):
                if len(r.applied) == len(before + during):
                    break
                await asyncio.sleep(0.1)
        finally:
            server.stop()
        assert sorted(x.event_id for x in r.applied) == sorted(
            str(e.event_id) for e in before + during
        )
        for s in (a, b):
            mine = [encode_position(e.position) for e in before + during if e.uscc == s.uscc]
            assert r.uscc_order(s.uscc) == mine


async def test_the_subscription_works_through_the_projects_nginx(
    partner: Partner, settings: Settings, tmp_path: Path
) -> None:
    """frontend/nginx.conf passes the WebSocket upgrade on /graphql."""
    from credit.api.tests.servers import NGINX, app_server, nginx_in_front

    if settings.is_embedded or not os.path.exists(NGINX):  # noqa: ASYNC240
        pytest.skip("covered on the PostgreSQL run, with nginx installed")
    a = partner.subjects[0]
    await watch(partner.token_id, a)
    event = await write_event(a)
    async with app_server(settings, tmp_path, TRUSTED_PROXIES="127.0.0.5") as (app_url, _):
        with nginx_in_front(tmp_path / "nginx", app_url, bind="127.0.0.5") as proxy_url:
            ws_url = proxy_url.replace("http://", "ws://") + "/graphql"
            async with subscription(ws_url, partner.token) as next_event:
                assert (await next_event())["eventId"] == str(event.event_id)
