"""A public answer is never served after the data behind it changed, whatever the cache
holds (issue 12, item 2): the cache is keyed on a data version kept in PostgreSQL and
bumped in the changing transaction. Three ways a cache goes wrong, each on a Redis of the
test's own: restored from disk, flushed (or losing keys), an invalidation lost on the way."""

from __future__ import annotations

import re
from pathlib import Path

from credit.core.tests.conftest import Stack, publish_watch_case
from credit.testing import make_subject

ANSWER_KEY = re.compile(r"[0-9a-f]{64}$")  # a cached answer's key ends with its digest


async def warm(stack: Stack, uscc: str) -> None:
    """The lookup cached, showing no list."""
    first = await stack.lookup(uscc)
    second = await stack.lookup(uscc)
    assert first.json()["data"]["subject"]["lists"] == []
    assert second.headers.get("x-cache") == "hit"


async def assert_watch_listed(stack: Stack, uscc: str) -> None:
    answer = await stack.lookup(uscc)
    assert answer.status_code == 200
    assert answer.json()["data"]["subject"]["lists"] == [{"list": "WATCH"}], answer.text


async def test_a_redis_restored_from_disk_does_not_bring_back_old_answers(
    stack: Stack, tmp_path: Path
) -> None:
    # given: the lookup cached, and a copy of Redis's files taken then
    s = await make_subject()
    assert s.uscc is not None  # an enterprise: it has a USCC
    await warm(stack, s.uscc)
    stack.redis.shutdown()
    stack.redis.copy_files_to(tmp_path / "backup")
    stack.redis.start()
    await stack.wait_until_redis_is_used()
    # when: a watch case is published (Redis up and told), then Redis is restored from the
    # old files
    answer = await publish_watch_case(stack, s)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    stack.redis.shutdown()
    stack.redis.restore_files_from(tmp_path / "backup")
    stack.redis.start()
    assert any(ANSWER_KEY.search(str(k)) for k in stack.redis.client().keys("*"))
    await stack.wait_until_redis_is_used()
    # then: the lookup shows the publication
    await assert_watch_listed(stack, s.uscc)


async def test_a_flushed_redis_or_one_that_lost_keys_serves_no_old_answer(stack: Stack) -> None:
    # given: the lookup cached
    s = await make_subject()
    assert s.uscc is not None  # an enterprise: it has a USCC
    await warm(stack, s.uscc)
    # when: a watch case is published, then Redis loses every key but the cached answers
    # (eviction under maxmemory, a partial flush), then everything (FLUSHALL)
    answer = await publish_watch_case(stack, s)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    redis = stack.redis.client()
    lost = [k for k in redis.keys("*") if not ANSWER_KEY.search(str(k))]
    if lost:
        redis.delete(*lost)
    # then: the lookup shows the publication
    await assert_watch_listed(stack, s.uscc)
    redis.flushall()
    await assert_watch_listed(stack, s.uscc)
    await assert_watch_listed(stack, s.uscc)


async def test_an_invalidation_lost_in_flight_serves_no_old_answer(stack: Stack) -> None:
    # given: the lookup cached, and Redis frozen at the moment of a publication
    s = await make_subject()
    assert s.uscc is not None  # an enterprise: it has a USCC
    await warm(stack, s.uscc)
    stack.redis.pause()
    # when: the watch case is published: the answer says what was committed
    answer = await publish_watch_case(stack, s)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    # and Redis comes back with its old entries in memory
    stack.redis.resume()
    await stack.wait_until_redis_is_used()
    # then: the lookup shows the publication, and the new answer is cached again
    await assert_watch_listed(stack, s.uscc)
    assert (await stack.lookup(s.uscc)).headers.get("x-cache") == "hit"
    await assert_watch_listed(stack, s.uscc)
