"""The app on a Redis of the test's own (credit.testing_redis), to break it on purpose."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from credit.conftest import gql, sign_in
from credit.core.cache import Cache, start_cache, stop_cache
from credit.core.settings import Settings
from credit.subjects.models import Subject
from credit.testing import make_place, make_subject, make_user
from credit.testing_redis import OwnRedis

LOOKUP = "query($u: String!) { subject(uscc: $u) { name grade { level } lists { list } } }"
SEARCH = "query($n: String!) { subjectSearch(name: $n) { totalCount edges { node { uscc } } } }"
WATCH_LIST = "{ listEntries(list: WATCH) { totalCount edges { node { uscc } } } }"


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    server = OwnRedis(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.kill()


@dataclass
class Stack:
    """The ASGI app in-process, its cache on `redis`, and clients with their own cookies."""

    redis: OwnRedis
    cache: Cache
    make_client: Callable[[], httpx.AsyncClient]
    public: httpx.AsyncClient
    staff: dict[str, httpx.AsyncClient] = field(default_factory=dict)

    async def lookup(self, uscc: str) -> httpx.Response:
        return await self.public.post("/graphql", json={"query": LOOKUP, "variables": {"u": uscc}})

    async def wait_until_redis_is_used(self) -> None:
        """The breaker's probe closes it within a few PROBE_INTERVALs; bounded."""
        for _ in range(200):
            if self.cache.available:
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the cache never went back to Redis")


@pytest.fixture
async def stack(db: str, own_redis: OwnRedis, settings: Settings) -> AsyncIterator[Stack]:
    from credit.app import create_app

    cache = start_cache(own_redis.url)
    app = create_app(settings)
    clients: list[httpx.AsyncClient] = []

    def make_client() -> httpx.AsyncClient:
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        clients.append(client)
        return client

    try:
        yield Stack(redis=own_redis, cache=cache, make_client=make_client, public=make_client())
    finally:
        for client in clients:
            await client.aclose()
        await stop_cache()


async def staff(stack: Stack) -> tuple[httpx.AsyncClient, httpx.AsyncClient]:
    """An officer and a reviewer of Shenyang, signed in (created once per test)."""
    if not stack.staff:
        _, district = await make_place()
        await make_user("officer", "DISTRICT_OFFICER", district=district)
        await make_user("reviewer", "CITY_REVIEWER")
        for name in ("officer", "reviewer"):
            stack.staff[name] = stack.make_client()
            await sign_in(stack.staff[name], name)
    return stack.staff["officer"], stack.staff["reviewer"]


CREATE = """mutation($i: CreditRecordCreateInput!) {
  creditRecordCreate(input: $i) { creditRecord { id } errors { code message } } }"""


async def publish_watch_case(stack: Stack, subject: Subject, n: int = 1) -> dict[str, Any]:
    """Enter, submit, verify and publish one watch-list case through the API; returns the
    publication's answer (the caller asserts on it)."""
    officer, reviewer = await staff(stack)
    created = await gql(
        officer,
        CREATE,
        {
            "i": {
                "subjectId": str(subject.id),
                "type": "watch_list_case",
                "occurredOn": "2026-01-05",
                "summary": "未对从业人员进行培训",
                "situationCode": "s01",
                "decisionNo": f"沈公技防警〔2026〕{n}号",
                "decisionDate": "2026-01-05",
                "issuingUnit": "沈阳市公安局",
            }
        },
    )
    assert created["data"]["creditRecordCreate"]["errors"] == [], created
    rid = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    answer: dict[str, Any] = {}
    for op, client in (
        ("creditRecordSubmit", officer),
        ("creditRecordVerify", reviewer),
        ("creditRecordPublish", reviewer),
    ):
        answer = await gql(client, f'mutation {{ {op}(id: "{rid}") {{ errors {{ code }} }} }}')
        if op != "creditRecordPublish":
            assert answer["data"][op]["errors"] == [], answer
    return answer


async def subject_with_watch_case(stack: Stack) -> Subject:
    subject = await make_subject()
    answer = await publish_watch_case(stack, subject)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    return subject
