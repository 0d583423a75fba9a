"""Redis is never a single point of failure (issue 12, item 1): killed, paused or
restarted, every public answer still comes (from PostgreSQL, correct), limits still hold
(per process), staff keep working, and Redis is used again as soon as it is back."""

from __future__ import annotations

import asyncio

from credit.conftest import LOGIN, gql, sign_in
from credit.core.tests.conftest import (
    SEARCH,
    WATCH_LIST,
    Stack,
    publish_watch_case,
    staff,
    subject_with_watch_case,
)
from credit.testing import make_subject


async def assert_public_answers(stack: Stack, uscc: str, name: str) -> None:
    """Lookup, search, the watch list and the PDF: each answers, with the watch case."""
    lookup = await stack.lookup(uscc)
    assert lookup.status_code == 200, lookup.text
    assert lookup.json()["data"]["subject"]["lists"] == [{"list": "WATCH"}]
    found = await gql(stack.public, SEARCH, {"n": name})
    assert [e["node"]["uscc"] for e in found["data"]["subjectSearch"]["edges"]] == [uscc]
    listed = await gql(stack.public, WATCH_LIST)
    assert uscc in [e["node"]["uscc"] for e in listed["data"]["listEntries"]["edges"]]
    pdf = await stack.public.get(f"/reports/{uscc}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF"), pdf.text[:200]


async def test_public_answers_and_publications_while_redis_is_killed(stack: Stack) -> None:
    # given: a published watch case, its lookup cached in Redis
    s = await subject_with_watch_case(stack)
    assert s.uscc is not None  # an enterprise: it has a USCC
    await stack.lookup(s.uscc)
    assert (await stack.lookup(s.uscc)).headers.get("x-cache") == "hit"
    # when: Redis dies
    stack.redis.kill()
    # then: every public answer still comes, from PostgreSQL
    await assert_public_answers(stack, s.uscc, s.name)
    # and a publication answers what was committed, and the public sees it at once
    other = await make_subject(name="沈阳另一技防有限公司")
    assert other.uscc is not None  # an enterprise: it has a USCC
    answer = await publish_watch_case(stack, other, n=2)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    assert (await stack.lookup(other.uscc)).json()["data"]["subject"]["lists"] == [
        {"list": "WATCH"}
    ]


async def test_login_limit_falls_back_to_a_per_process_sliding_window(stack: Stack) -> None:
    # given: Redis is down
    stack.redis.kill()
    client = stack.make_client()
    # when: 21 sign-in attempts from one address within the minute
    codes = []
    for _ in range(21):
        body = await gql(client, LOGIN, {"u": "nobody", "p": "wrong-password"})
        codes.append(body["data"]["login"]["errors"][0]["code"])
    # then: the first 20 are answered (refused credentials), the 21st is rate-limited
    assert "RATE_LIMITED" not in codes[:20]
    assert codes[20] == "RATE_LIMITED"


async def test_staff_sessions_keep_working_while_redis_is_down(stack: Stack) -> None:
    # given: an officer signed in before the outage
    officer, _ = await staff(stack)
    stack.redis.kill()
    # then: the session still works, and a new sign-in too
    me = await gql(officer, "{ me { username } }")
    assert me["data"]["me"]["username"] == "officer"
    late = stack.make_client()
    await sign_in(late, "reviewer")
    assert (await gql(late, "{ me { username } }"))["data"]["me"]["username"] == "reviewer"


async def test_a_paused_redis_costs_one_timeout_then_is_skipped(stack: Stack) -> None:
    # given: a published watch case, and Redis frozen (SIGSTOP: connections stay open
    # and nothing answers)
    s = await subject_with_watch_case(stack)
    assert s.uscc is not None  # an enterprise: it has a USCC
    await stack.lookup(s.uscc)
    stack.redis.pause()
    # when: 20 lookups (bounded: before, each hung 5 s and failed)
    async with asyncio.timeout(30):
        answers = [await stack.lookup(s.uscc) for _ in range(20)]
    # then: all answered with the data; only the first met Redis's silence, the breaker
    # made every later call skip Redis without waiting
    assert [a.status_code for a in answers] == [200] * 20
    assert all(a.json()["data"]["subject"]["lists"] == [{"list": "WATCH"}] for a in answers)
    assert stack.cache.failures == 1
    assert stack.cache.skipped >= 19
    assert not stack.cache.available


async def test_redis_is_used_again_after_a_restart_without_a_failed_call(stack: Stack) -> None:
    # given: Redis killed during traffic
    s = await subject_with_watch_case(stack)
    assert s.uscc is not None  # an enterprise: it has a USCC
    await stack.lookup(s.uscc)
    stack.redis.kill()
    assert (await stack.lookup(s.uscc)).status_code == 200
    # when: it comes back on the same port (its pooled connections are all dead)
    stack.redis.start()
    await stack.wait_until_redis_is_used()
    failures = stack.cache.failures
    # then: the next requests use it, with no dead-connection error
    first, second = await stack.lookup(s.uscc), await stack.lookup(s.uscc)
    assert first.status_code == 200 and second.headers.get("x-cache") == "hit"
    assert stack.cache.failures == failures


async def test_redis_is_used_again_after_a_pause(stack: Stack) -> None:
    s = await subject_with_watch_case(stack)
    assert s.uscc is not None  # an enterprise: it has a USCC
    stack.redis.pause()
    assert (await stack.lookup(s.uscc)).status_code == 200
    stack.redis.resume()
    await stack.wait_until_redis_is_used()
    failures = stack.cache.failures
    first, second = await stack.lookup(s.uscc), await stack.lookup(s.uscc)
    assert first.status_code == 200 and second.headers.get("x-cache") == "hit"
    assert second.json() == first.json()
    assert stack.cache.failures == failures
