"""Rate limits are sliding windows (issue 11, item 5): no burst straddling a minute
boundary gets twice the limit. Runs on the suite's cache: Redis (a sorted-set log, shared
by workers) on PostgreSQL runs, the in-process windows on the embedded default."""

from __future__ import annotations

from credit.conftest import LOGIN, at, gql
from credit.core import clock
from credit.core.memory import SlidingWindows


async def attempt(client) -> str | None:
    body = await gql(client, LOGIN, {"u": "nobody", "p": "wrong-password"})
    errors = body["data"]["login"]["errors"]
    return errors[0]["code"] if errors else None


async def test_a_login_burst_across_the_minute_boundary_gets_the_limit_once(make_client) -> None:
    client = make_client()
    # given: 20 attempts (the limit) in the last second of a minute
    clock.freeze(at("2026-12-01 10:00:59"))
    assert [await attempt(client) for _ in range(20)] == ["INVALID_CREDENTIALS"] * 20
    # when: the burst goes on in the first seconds of the next minute
    clock.freeze(at("2026-12-01 10:01:01"))
    # then: still refused (a fixed window would allow 20 more), until 60 s after the burst
    assert await attempt(client) == "RATE_LIMITED"
    clock.freeze(at("2026-12-01 10:01:58"))
    assert await attempt(client) == "RATE_LIMITED"
    clock.freeze(at("2026-12-01 10:01:59.5"))
    assert await attempt(client) == "INVALID_CREDENTIALS"


def test_refused_requests_do_not_count_and_the_wait_is_until_a_slot_frees() -> None:
    windows = SlidingWindows()
    assert windows.hit("b", 2, 60, 0.0) == (True, 0.0)
    assert windows.hit("b", 2, 60, 30.0) == (True, 0.0)
    assert windows.hit("b", 2, 60, 40.0) == (False, 20.0)
    assert windows.hit("b", 2, 60, 59.0) == (False, 1.0)
    # the first request left the window at 60 s; the refused ones never entered it
    assert windows.hit("b", 2, 60, 60.0) == (True, 0.0)
    assert windows.hit("b", 2, 60, 61.0) == (False, 29.0)


def test_the_in_process_windows_are_bounded() -> None:
    windows = SlidingWindows(max_buckets=3)
    for n in range(10):
        windows.hit(f"client-{n}", 1, 60, 0.0)
    # the oldest buckets were forgotten: client-0 may go again, client-9 may not
    assert windows.hit("client-0", 1, 60, 1.0)[0]
    assert not windows.hit("client-9", 1, 60, 1.0)[0]
