"""The one module that knows Redis (a change of library touches only this file).

Unset REDIS_URL: an in-process store (embedded default only). Set: Redis, shared by every
worker. Redis is never needed for a correct answer, so it must never cost one:
- every call is bounded by REDIS_TIMEOUT (socket and overall), and is never retried;
- the first failure opens a circuit breaker: from then on calls skip Redis at once (reads
  miss, writes are dropped, rate limits count in this process) while one background probe
  pings Redis every PROBE_INTERVAL; when it answers, the pool's old connections (all dead
  after a restart) have already been dropped, so the next request uses Redis again cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import math
import secrets
from collections.abc import Awaitable, Callable
from typing import TypeVar

import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from credit.core import clock
from credit.core.memory import MemoryStore, SlidingWindows
from credit.core.resp import RespClient

log = logging.getLogger("credit.cache")
T = TypeVar("T")

PREFIX = "credit:"
REDIS_TIMEOUT = 0.2  # seconds: a paused Redis costs at most this, once, then the breaker
PROBE_INTERVAL = 0.5  # seconds between pings while the breaker is open

# One sliding-window log per bucket (a sorted set of allowed requests' times, in ms):
# drop what left the window, count, admit if under the limit. Returns {allowed, wait_ms}.
_SLIDING_WINDOW = """
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now}
"""
_SLIDING_WINDOW_SHA = hashlib.sha1(_SLIDING_WINDOW.encode()).hexdigest()


class RedisUnavailable(Exception):
    """Redis did not answer in time, refused, or the breaker is open."""


class Cache:
    def __init__(self, redis_url: str | None) -> None:
        self.redis_url = redis_url
        self._memory = MemoryStore()
        self._windows = SlidingWindows()
        self._client: redis.Redis | None = None
        self._breaker_open = False
        self._probe: asyncio.Task[None] | None = None
        # Counters for tests, /healthz and logs: Redis calls that failed, and calls skipped.
        self.failures = 0
        self.skipped = 0
        if redis_url:
            self._client = redis.Redis.from_url(
                redis_url,
                socket_timeout=REDIS_TIMEOUT,
                socket_connect_timeout=REDIS_TIMEOUT,
                retry=Retry(NoBackoff(), 0),
                decode_responses=True,
            )
            self._sliding_window = self._client.register_script(_SLIDING_WINDOW)
        # The hot calls (get, set, hit) through the lean client when the URL allows it.
        self._resp = RespClient.from_url(redis_url) if redis_url else None

    @property
    def shared(self) -> bool:
        return self._client is not None

    @property
    def available(self) -> bool:
        """False while the breaker is open (Redis configured and not answering)."""
        return self._client is None or not self._breaker_open

    async def _redis(self, call: Callable[[redis.Redis], Awaitable[T]]) -> T:
        client = self._client
        assert client is not None
        if self._breaker_open:
            self.skipped += 1
            raise RedisUnavailable("circuit open")
        try:
            async with asyncio.timeout(REDIS_TIMEOUT):
                return await call(client)
        except (RedisError, OSError, TimeoutError) as exc:
            self._trip(exc)
            raise RedisUnavailable(str(exc) or type(exc).__name__) from exc

    def _trip(self, exc: BaseException) -> None:
        self.failures += 1
        if self._breaker_open:
            return
        self._breaker_open = True
        log.warning("Redis unavailable (%r): answering without it until it is back", exc)
        self._probe = asyncio.get_running_loop().create_task(self._recover())

    async def _recover(self) -> None:
        assert self._client is not None
        pool = self._client.connection_pool
        while True:
            # Every pooled connection may be dead (Redis restarted) or hold a half-read
            # answer (Redis paused mid-command): drop them all, the next use reconnects.
            await pool.disconnect()
            if self._resp is not None:
                self._resp.disconnect()
            await asyncio.sleep(PROBE_INTERVAL)
            try:
                async with asyncio.timeout(REDIS_TIMEOUT):
                    await self._client.ping()
            except (RedisError, OSError, TimeoutError):
                continue
            self._breaker_open = False
            log.warning("Redis answers again: back in use")
            return

    async def get(self, key: str) -> str | None:
        """The value, or None when absent or Redis is unavailable."""
        if self._client is None:
            return self._memory.get(key)
        try:
            resp = self._resp
            value = await self._redis(
                lambda c: c.get(PREFIX + key) if resp is None else resp.call("GET", PREFIX + key)
            )
        except RedisUnavailable:
            return None
        return None if value is None else str(value)

    async def set(self, key: str, value: str, ttl: int | None = None) -> None:
        """Best effort: dropped when Redis is unavailable."""
        if self._client is None:
            self._memory.set(key, value, ttl)
            return
        with contextlib.suppress(RedisUnavailable):
            resp, expiry = self._resp, ("EX", ttl) if ttl else ()
            await self._redis(
                lambda c: (
                    c.set(PREFIX + key, value, ex=ttl)
                    if resp is None
                    else resp.call("SET", PREFIX + key, value, *expiry)
                )
            )

    async def delete(self, *keys: str) -> None:
        if self._client is None:
            for key in keys:
                self._memory.delete(key)
            return
        with contextlib.suppress(RedisUnavailable):
            await self._redis(lambda c: c.delete(*(PREFIX + k for k in keys)))

    async def hit(self, bucket: str, limit: int, window_seconds: int) -> tuple[bool, int]:
        """Count one request in a sliding window: (allowed, seconds to wait when refused).
        Shared by all workers through Redis; counted in this process when Redis is
        unavailable (each worker then allows `limit` on its own: limited, never open)."""
        now = clock.now().timestamp()
        if self._client is not None:
            now_ms, window_ms = int(now * 1000), window_seconds * 1000
            member = f"{now_ms}:{secrets.token_hex(6)}"
            keys = [f"{PREFIX}rl:{bucket}"]
            args: list[str | int] = [now_ms, window_ms, limit, member]
            resp = self._resp
            try:
                allowed, wait_ms = await self._redis(
                    lambda _c: (
                        self._sliding_window(keys=keys, args=args)
                        if resp is None
                        else resp.script(_SLIDING_WINDOW_SHA, _SLIDING_WINDOW, keys, args)
                    )
                )
                return bool(allowed), max(1, math.ceil(int(wait_ms) / 1000)) if not allowed else 0
            except RedisUnavailable:
                pass
        allowed_here, wait = self._windows.hit(bucket, limit, window_seconds, now)
        return allowed_here, 0 if allowed_here else max(1, math.ceil(wait))

    async def ping(self) -> bool:
        """A real round trip (bounded): /healthz. The breaker answers at once when open."""
        if self._client is None:
            return True
        try:
            return bool(await self._redis(lambda c: c.ping()))
        except RedisUnavailable:
            return False

    async def clear_for_tests(self) -> None:
        """Tests only: drop our keys (SCAN, never KEYS) and the in-process counters."""
        self._memory.clear()
        self._windows.clear()
        if self._client is not None:
            keys = [k async for k in self._client.scan_iter(match=PREFIX + "*", count=500)]
            if keys:
                await self._client.delete(*keys)

    async def close(self) -> None:
        if self._probe is not None:
            self._probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe
        if self._resp is not None:
            self._resp.disconnect()
        if self._client is not None:
            await self._client.aclose()


_cache: Cache | None = None


def get_cache() -> Cache:
    if _cache is None:
        raise RuntimeError("cache not started: the app lifespan or CLI starts it")
    return _cache


def start_cache(redis_url: str | None) -> Cache:
    global _cache
    _cache = Cache(redis_url)
    return _cache


async def stop_cache() -> None:
    global _cache
    if _cache is not None:
        await _cache.close()
        _cache = None
