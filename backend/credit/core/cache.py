"""The one module that knows the cache library (aiocache today; STACK.md: its next major
release swaps the Redis backend, so a change of library touches only this file).

Unset REDIS_URL: an in-process memory cache (embedded default only). Set: Redis, shared by
every worker, so a write is visible to the next read on any worker.
"""

from __future__ import annotations

import warnings
from typing import Any
from urllib.parse import urlparse

from aiocache import RedisCache, SimpleMemoryCache
from aiocache.serializers import StringSerializer

warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"aiocache\..*")

NAMESPACE = "credit"


class Cache:
    def __init__(self, redis_url: str | None) -> None:
        self.redis_url = redis_url
        self._backend: Any
        if redis_url:
            parsed = urlparse(redis_url)
            self._backend = RedisCache(
                endpoint=parsed.hostname or "127.0.0.1",
                port=parsed.port or 6379,
                db=int((parsed.path or "/0").lstrip("/") or 0),
                password=parsed.password,
                namespace=NAMESPACE,
                serializer=StringSerializer(),
            )
        else:
            self._backend = SimpleMemoryCache(namespace=NAMESPACE, serializer=StringSerializer())

    @property
    def shared(self) -> bool:
        return self.redis_url is not None

    async def get(self, key: str) -> str | None:
        value = await self._backend.get(key)
        return value if value is None else str(value)

    async def set(self, key: str, value: str, ttl: int | None = None) -> None:
        await self._backend.set(key, value, ttl=ttl)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            await self._backend.delete(key)

    async def incr(self, key: str, delta: int = 1, ttl: int | None = None) -> int:
        value = int(await self._backend.increment(key, delta))
        if ttl is not None and value == delta:
            await self._backend.expire(key, ttl)
        return value

    async def ping(self) -> bool:
        try:
            await self._backend.set("__ping__", "1", ttl=5)
            return await self._backend.get("__ping__") == "1"
        except Exception:
            return False

    async def clear_for_tests(self) -> None:
        """Tests only (uses KEYS on Redis, so never in production): drop our namespace."""
        await self._backend.clear()

    async def close(self) -> None:
        await self._backend.close()


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
