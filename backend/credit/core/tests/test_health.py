"""/healthz tells the truth (issue 12, item 1): ok; degraded (still 200) naming Redis when
only Redis is down; 503 naming PostgreSQL when the database is down."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from credit import testing_postgres
from credit.core.tests.conftest import Stack
from credit.testing_postgres import OwnPostgres
from credit.testing_redis import OwnRedis
from credit.testing_server import AppServer, run_cli


async def test_ok_when_all_is_well_degraded_naming_redis_when_it_is_down(stack: Stack) -> None:
    healthy = await stack.public.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {"postgresql": "ok", "redis": "ok", "status": "ok"}
    stack.redis.kill()
    degraded = await stack.public.get("/healthz")
    assert degraded.status_code == 200
    assert degraded.json() == {
        "postgresql": "ok",
        "redis": "down",
        "status": "degraded",
        "degraded": ["redis"],
    }


async def test_degraded_at_once_while_redis_is_paused(stack: Stack) -> None:
    stack.redis.pause()
    async with asyncio.timeout(10):
        answers = [await stack.public.get("/healthz") for _ in range(5)]
    assert [a.json()["status"] for a in answers] == ["degraded"] * 5
    assert stack.cache.failures == 1  # the first found out, the breaker told the others


@pytest.fixture
def own_postgres() -> Iterator[OwnPostgres]:
    if not testing_postgres.available():
        pytest.skip("PostgreSQL server binaries (initdb) not installed")
    cluster = OwnPostgres(Path(tempfile.mkdtemp(prefix="credit-pg-")))
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.cleanup()


async def test_503_naming_postgresql_when_it_is_down_and_ok_when_back(
    own_postgres: OwnPostgres, own_redis: OwnRedis, tmp_path: Path
) -> None:
    # given: a real server on its own PostgreSQL and Redis
    env = {"DATABASE_URL": own_postgres.url, "REDIS_URL": own_redis.url}
    run_cli("reset-db", "--create", env=env)
    run_cli("migrate", env=env)
    server = AppServer(env, tmp_path / "server.log")
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            assert (await client.get("/healthz")).json()["status"] == "ok"
            # when: PostgreSQL stops
            own_postgres.stop()
            down = await client.get("/healthz")
            # then: 503, naming it
            assert down.status_code == 503
            assert down.json()["status"] == "down" and down.json()["down"] == ["postgresql"]
            # and the API answers a coded error, with or without a session (never a
            # plain-text 500)
            for headers in ({}, {"cookie": "credit_session=some-session"}):
                answer = await client.post(
                    "/graphql", json={"query": "{ districts { name } }"}, headers=headers
                )
                assert answer.status_code in (200, 503)
                codes = [e["extensions"]["code"] for e in answer.json()["errors"]]
                assert codes == ["SERVICE_UNAVAILABLE"]
            # and when it is back, so is the instance (bounded wait for the pool)
            own_postgres.start()
            for _ in range(100):
                back = await client.get("/healthz")
                if back.status_code == 200:
                    break
                await asyncio.sleep(0.1)
            assert back.json()["status"] == "ok"
    finally:
        server.stop()
