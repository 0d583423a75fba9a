"""The public result cache: a hit skips execution; any write is visible to the very next
read on any worker. The cross-worker proof runs a second server process sharing Redis and
the database; on the embedded default (one process, in-memory cache) it does not apply."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from credit.conftest import gql, sign_in
from credit.core.settings import BACKEND_DIR, Settings
from credit.testing import make_place, make_subject, make_user

LOOKUP = "query($u: String!) { subject(uscc: $u) { name lists { list } } }"


async def test_second_identical_public_query_is_a_cache_hit(make_client) -> None:
    s = await make_subject()
    client = make_client()
    first = await client.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
    second = await client.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
    assert first.headers.get("x-cache") is None
    assert second.headers.get("x-cache") == "hit"
    assert first.json() == second.json()


async def test_signed_in_queries_are_never_served_from_the_public_cache(make_client) -> None:
    s = await make_subject()
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "reviewer")
    for _ in range(2):
        r = await client.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
        assert r.headers.get("x-cache") is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def second_worker(db: str, settings: Settings, tmp_path: Path) -> AsyncIterator[str]:
    if not settings.redis_url:
        pytest.skip("the embedded default is one process with an in-memory cache")
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url,
        "SECRET_KEY": settings.secret_key or "",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    log = tmp_path / "worker2.log"
    log_file = log.open("wb")
    proc = subprocess.Popen(  # noqa: ASYNC220 - a fixture starting a server, once
        [sys.executable, "-m", "credit", "serve"],
        cwd=BACKEND_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as probe:
            for _ in range(100):
                try:
                    if (await probe.get(url + "/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                raise AssertionError("second worker did not start: " + log.read_text())
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log_file.close()


async def test_a_write_on_one_worker_is_seen_by_the_next_read_on_another(
    make_client, second_worker: str
) -> None:
    # given: the public lookup cached by worker 2
    _, district = await make_place()
    s = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    async with httpx.AsyncClient(base_url=second_worker) as other:
        warm = await other.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
        hit = await other.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
        assert warm.json()["data"]["subject"]["lists"] == [] and hit.headers["x-cache"] == "hit"
        # when: worker 1 publishes a watch-list record
        officer, reviewer = make_client(), make_client()
        await sign_in(officer, "officer")
        await sign_in(reviewer, "reviewer")
        created = await gql(
            officer,
            """mutation($i: CreditRecordCreateInput!) {
          creditRecordCreate(input: $i) { creditRecord { id } errors { message } } }""",
            {
                "i": {
                    "subjectId": str(s.id),
                    "type": "watch_list_case",
                    "occurredOn": "2026-01-05",
                    "summary": "未对从业人员进行培训",
                    "situationCode": "s01",
                    "decisionNo": "沈公技防警〔2026〕1号",
                    "decisionDate": "2026-01-05",
                    "issuingUnit": "沈阳市公安局",
                }
            },
        )
        rid = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
        for op in ("creditRecordSubmit", "creditRecordVerify", "creditRecordPublish"):
            body = await gql(
                reviewer if op != "creditRecordSubmit" else officer,
                f'mutation {{ {op}(id: "{rid}") {{ errors {{ message }} }} }}',
            )
            assert body["data"][op]["errors"] == []
        # then: the very next read on worker 2 sees it
        after = await other.post("/graphql", json={"query": LOOKUP, "variables": {"u": s.uscc}})
        assert after.headers.get("x-cache") is None
        assert after.json()["data"]["subject"]["lists"] == [{"list": "WATCH"}]
