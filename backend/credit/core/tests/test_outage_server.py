"""The operator's test (issue 12, item 1): a real server (uvicorn, two workers), 20 real
HTTP clients on loopback doing public lookups, searches, lists and PDFs while Redis is
killed, restarted, paused and resumed. Not one answer may fail or be wrong. Bounded."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from credit.core.settings import Settings
from credit.core.tests.conftest import LOOKUP, SEARCH, WATCH_LIST, Stack, subject_with_watch_case
from credit.testing_server import AppServer

CLIENTS = 20
PHASE_SECONDS = 2.5


@dataclass
class Tally:
    answered: dict[str, int] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


async def one_client(
    n: int, url: str, uscc: str, name: str, phase: list[str], stop: asyncio.Event, tally: Tally
) -> None:
    # Each client has its own loopback address, so each has its own public rate limit.
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{10 + n}")
    async with httpx.AsyncClient(base_url=url, transport=transport, timeout=10) as client:
        i = 0
        while not stop.is_set():
            i += 1
            current = phase[0]
            try:
                if n < 2 and i % 10 == 0:  # a PDF costs ~100 lookups: two clients ask
                    r = await client.get(f"/reports/{uscc}.pdf")
                    ok = r.status_code == 200 and r.content.startswith(b"%PDF")
                elif i % 3 == 0:
                    r = await client.post(
                        "/graphql", json={"query": SEARCH, "variables": {"n": name}}
                    )
                    ok = r.status_code == 200 and uscc in r.text
                elif i % 5 == 0:
                    r = await client.post("/graphql", json={"query": WATCH_LIST})
                    ok = r.status_code == 200 and uscc in r.text
                else:
                    r = await client.post(
                        "/graphql", json={"query": LOOKUP, "variables": {"u": uscc}}
                    )
                    ok = r.status_code == 200 and r.json()["data"]["subject"]["lists"] == [
                        {"list": "WATCH"}
                    ]
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                tally.failures.append(f"{current}: {exc!r}")
                continue
            if not ok:
                tally.failures.append(f"{current}: {r.status_code} {r.text[:200]}")
                continue
            tally.answered[current] = tally.answered.get(current, 0) + 1
            if r.headers.get("x-cache") == "hit":
                tally.hits[current] = tally.hits.get(current, 0) + 1
            await asyncio.sleep(0.01)


async def test_twenty_clients_through_redis_killed_restarted_paused_resumed(
    stack: Stack, settings: Settings, tmp_path: Path
) -> None:
    # given: a published watch case, and a real two-worker server on the test's Redis
    s = await subject_with_watch_case(stack)
    assert s.uscc is not None  # an enterprise: it has a USCC
    server = AppServer(
        {
            "DATABASE_URL": settings.database_url,
            "REDIS_URL": stack.redis.url,
            "WORKERS": "2",
        },
        tmp_path / "server.log",
    )
    await server.start()
    phase = ["healthy"]
    stop = asyncio.Event()
    tally = Tally()
    try:
        async with asyncio.timeout(120):
            clients = [
                asyncio.create_task(one_client(n, server.url, s.uscc, s.name, phase, stop, tally))
                for n in range(CLIENTS)
            ]
            # when: Redis is killed, restarted, paused, resumed under the load
            steps = [
                ("killed", stack.redis.kill),
                ("restarted", stack.redis.start),
                ("paused", stack.redis.pause),
                ("resumed", stack.redis.resume),
            ]
            await asyncio.sleep(PHASE_SECONDS)
            for name, act in steps:
                act()
                phase[0] = name
                await asyncio.sleep(PHASE_SECONDS)
            stop.set()
            await asyncio.gather(*clients)
    finally:
        stop.set()
        server.stop()
    # then: not one failed or wrong answer, answers in every phase, and the cache back in
    # use after Redis returned
    assert tally.failures == [], tally.failures[:10]
    assert set(tally.answered) == {"healthy", "killed", "restarted", "paused", "resumed"}
    assert tally.hits.get("resumed", 0) > 0
    print(f"answered per phase: {tally.answered}; cache hits: {tally.hits}")
