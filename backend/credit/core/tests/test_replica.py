"""Public reads from a read replica (issue 16 item 4), against a real streaming standby the
test makes itself (initdb, pg_basebackup): public reads go to the replica while it keeps
up, to the primary when it lags more than REPLICA_MAX_LAG_S or stops, and no lookup fails
on the way."""

from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest

from credit import testing_postgres
from credit.core.replica import ReplicaMonitor, lag_seconds
from credit.core.settings import Settings
from credit.testing_postgres import OwnPostgres
from credit.testing_server import AppServer, run_cli

LOOKUP = "query($u: String!) { subject(uscc: $u) { name } }"


def test_the_lag_is_the_age_of_the_oldest_primary_position_not_yet_replayed() -> None:
    history = deque([(10.0, 100), (10.5, 200), (11.0, 300)])
    assert lag_seconds(history, replayed=300, now=12.0) == 0.0
    assert lag_seconds(history, replayed=400, now=12.0) == 0.0
    assert lag_seconds(history, replayed=200, now=12.0) == 1.0  # 300 seen at 11.0
    assert lag_seconds(history, replayed=50, now=12.0) == 2.0


def test_a_replica_is_used_only_when_reachable_and_within_the_lag() -> None:
    monitor = ReplicaMonitor(max_lag=5.0, configured=True)
    assert not monitor.usable and monitor.state == "down"  # before the first probe
    monitor.reachable, monitor.lag = True, 4.9
    assert monitor.usable and monitor.state == "ok"
    monitor.lag = 5.1
    assert not monitor.usable and monitor.state == "lagging"
    monitor.lag = 0.0
    monitor.mark_failed()
    assert not monitor.usable and monitor.state == "down"


@pytest.mark.parametrize(
    ("env", "fault"),
    [
        ({"DATABASE_REPLICA_URL": "sqlite:///tmp/x.sqlite3"}, "DATABASE_REPLICA_URL"),
        ({"REPLICA_MAX_LAG_S": "NaN"}, "REPLICA_MAX_LAG_S"),
        ({"REPLICA_MAX_LAG_S": "-1"}, "REPLICA_MAX_LAG_S"),
        ({"REPLICA_MAX_LAG_S": "soon"}, "REPLICA_MAX_LAG_S"),
    ],
)
def test_bad_replica_settings_are_refused_naming_the_setting(
    env: dict[str, str], fault: str
) -> None:
    base = {"DATABASE_URL": "postgres://u@127.0.0.1/db", "DATABASE_REPLICA_URL": ""}
    with pytest.raises(ValueError, match=fault):
        Settings.from_env(base | env)


@dataclass
class Pair:
    primary: OwnPostgres
    standby: OwnPostgres
    uscc: str  # a demo enterprise's


# One primary, standby and server for the module (each costs a cluster, a base backup and
# the demo data); the tests run in file order, the one that stops the standby last.
@pytest.fixture(scope="module")
def pair(settings: Settings) -> Iterator[Pair]:
    if settings.is_embedded:
        pytest.skip("a read replica is a PostgreSQL deployment")
    if not testing_postgres.available():
        pytest.skip("PostgreSQL server binaries (initdb) not installed")
    base = Path(tempfile.mkdtemp(prefix="credit-replica-"))
    base.chmod(0o755)  # the clusters run as `postgres` under it
    primary = OwnPostgres(base / "primary")
    standby = OwnPostgres(base / "standby")
    try:
        primary.init()
        primary.start()
        # The demo's natural persons are encrypted with the key the server will use.
        env = {"DATABASE_URL": primary.url, "SECRET_KEY": "test-secret-key-not-for-production"}
        run_cli("reset-db", "--create", env=env)
        run_cli("migrate", env=env)
        run_cli("demo", env=env)
        standby.init_as_standby_of(primary)
        standby.start()
        uscc = asyncio.run(_an_enterprise(primary.url))
        yield Pair(primary, standby, uscc)
    finally:
        standby.cleanup()
        primary.cleanup()
        shutil.rmtree(base, ignore_errors=True)


async def _an_enterprise(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        return str(await conn.fetchval("SELECT uscc FROM subject WHERE uscc <> '' LIMIT 1"))
    finally:
        await conn.close()


@pytest.fixture(scope="module")
async def server(pair: Pair, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AppServer]:
    env = {
        "DATABASE_URL": pair.primary.url,
        "DATABASE_REPLICA_URL": pair.standby.url,
        "REPLICA_MAX_LAG_S": "3",
        "REDIS_URL": "",
    }
    app = AppServer(env, tmp_path_factory.mktemp("replica") / "server.log")
    await app.start()
    try:
        await until(app, lambda health: health.get("replica") == "ok")
        yield app
    finally:
        app.stop()


async def until(app: AppServer, ready: Callable[[dict[str, object]], bool]) -> None:
    """Wait (up to 30 s) for /healthz to satisfy `ready`."""
    async with httpx.AsyncClient(base_url=app.url) as client:
        for _ in range(300):
            if ready((await client.get("/healthz")).json()):
                return
            await asyncio.sleep(0.1)
    raise AssertionError("the replica did not reach the expected state")


async def until_named(client: httpx.AsyncClient, uscc: str, name: str) -> None:
    """Wait (up to 30 s) for the public lookup to answer `name`."""
    for _ in range(300):
        if await name_of(client, uscc) == name:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"the lookup never answered {name}")


async def name_of(client: httpx.AsyncClient, uscc: str) -> str:
    answer = await client.post("/graphql", json={"query": LOOKUP, "variables": {"u": uscc}})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert "errors" not in body, body
    return str(body["data"]["subject"]["name"])


async def reads_by_database(client: httpx.AsyncClient) -> dict[str, float]:
    text = (await client.get("/metrics")).text
    found = re.findall(r'credit_public_reads_total\{database="(\w+)"\} ([0-9.e+]+)', text)
    return {database: float(value) for database, value in found}


async def rename_on_primary(pair: Pair, uscc: str, name: str) -> None:
    """A public change, as the mutations make it: the data and the public data version in
    one transaction on the primary."""
    conn = await asyncpg.connect(pair.primary.url)
    try:
        async with conn.transaction():
            await conn.execute("UPDATE subject SET name = $1 WHERE uscc = $2", name, uscc)
            await conn.execute("UPDATE public_data_version SET version = version + 1")
    finally:
        await conn.close()


async def on_standby(pair: Pair, sql: str) -> None:
    conn = await asyncpg.connect(pair.standby.url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def test_public_reads_use_the_replica_and_the_primary_while_it_lags(
    pair: Pair, server: AppServer
) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
        before = await name_of(client, pair.uscc)
        assert (await reads_by_database(client)).get("replica", 0) >= 1
        # given: the replica stops replaying (as under a long recovery conflict)
        await on_standby(pair, "SELECT pg_wal_replay_pause()")
        # when: a change is published on the primary
        await rename_on_primary(pair, pair.uscc, "改名后的企业有限公司")
        # then: at first the public lookup answers from the replica (still the old name)
        assert await name_of(client, pair.uscc) == before
        # and once the replica is more than REPLICA_MAX_LAG_S behind, from the primary
        await until_named(client, pair.uscc, "改名后的企业有限公司")
        assert (await client.get("/healthz")).json()["replica"] == "lagging"
        primary_reads = (await reads_by_database(client)).get("primary", 0)
        assert primary_reads >= 1
        # when: it replays again, the public reads go back to it
        await on_standby(pair, "SELECT pg_wal_replay_resume()")
        await until(server, lambda health: health.get("replica") == "ok")
        replica_reads = (await reads_by_database(client))["replica"]
        assert await name_of(client, pair.uscc) == "改名后的企业有限公司"
        assert (await reads_by_database(client))["replica"] == replica_reads + 1


async def test_a_publication_appears_once_the_replica_has_replayed_it(
    pair: Pair, server: AppServer
) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
        assert await name_of(client, pair.uscc) != "第二次更名的企业有限公司"
        await rename_on_primary(pair, pair.uscc, "第二次更名的企业有限公司")
        await until_named(client, pair.uscc, "第二次更名的企业有限公司")
        assert (await reads_by_database(client)).get("replica", 0) >= 2


async def test_stopping_the_replica_costs_no_failed_lookup(pair: Pair, server: AppServer) -> None:
    failures: list[str] = []
    answers = 0
    stop = asyncio.Event()

    async def citizen(n: int) -> None:
        nonlocal answers
        # Each citizen from an address of its own, at a citizen's pace: the per-address
        # rate limit is not what this test is about.
        transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{20 + n}")
        async with httpx.AsyncClient(
            transport=transport, base_url=server.url, timeout=15
        ) as client:
            while not stop.is_set():
                try:
                    await name_of(client, pair.uscc)
                    answers += 1
                except Exception as exc:  # every failure is the finding
                    failures.append(repr(exc))
                await asyncio.sleep(0.02)

    clients = [asyncio.create_task(citizen(n)) for n in range(8)]
    await asyncio.sleep(1.5)
    pair.standby.stop()  # immediate: connections cut mid-query
    await asyncio.sleep(3)
    stop.set()
    await asyncio.gather(*clients)
    assert failures == []
    assert answers > 20
    async with httpx.AsyncClient(base_url=server.url) as client:
        health = (await client.get("/healthz")).json()
        assert health["replica"] == "down" and health["status"] == "degraded"
        assert (await reads_by_database(client)).get("primary", 0) >= 1
