"""In-process stand-ins for Redis: a bounded TTL store (the embedded default's cache) and
sliding-window counters (the rate limits of the embedded default, and of every worker
while Redis is unreachable: each process then limits on its own)."""

from __future__ import annotations

import time
from collections import OrderedDict, deque


class MemoryStore:
    """A bounded key/value store with per-key expiry; the oldest keys go first when full."""

    def __init__(self, max_keys: int = 20_000) -> None:
        self._max_keys = max_keys
        self._items: OrderedDict[str, tuple[str, float | None]] = OrderedDict()

    def get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= time.monotonic():
            del self._items[key]
            return None
        return value

    def set(self, key: str, value: str, ttl: float | None) -> None:
        self._items.pop(key, None)
        self._items[key] = (value, time.monotonic() + ttl if ttl else None)
        while len(self._items) > self._max_keys:
            self._items.popitem(last=False)

    def delete(self, key: str) -> None:
        self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()


class SlidingWindows:
    """Exact sliding-window limits: a request is allowed when fewer than `limit` allowed
    requests fall in the `window` seconds before it, so no burst straddling a boundary
    gets twice the limit (a fixed window would allow it). Refused requests are not counted.
    Bounded: the least recently used buckets are forgotten first."""

    def __init__(self, max_buckets: int = 100_000) -> None:
        self._max_buckets = max_buckets
        self._buckets: OrderedDict[str, deque[float]] = OrderedDict()

    def hit(self, bucket: str, limit: int, window: float, now: float) -> tuple[bool, float]:
        """(allowed, seconds until a slot frees when refused)."""
        times = self._buckets.get(bucket)
        if times is None:
            times = self._buckets[bucket] = deque()
            while len(self._buckets) > self._max_buckets:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(bucket)
        while times and times[0] <= now - window:
            times.popleft()
        if len(times) < limit:
            times.append(now)
            return True, 0.0
        return False, times[0] + window - now

    def clear(self) -> None:
        self._buckets.clear()
