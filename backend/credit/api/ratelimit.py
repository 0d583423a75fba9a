"""Fixed-window rate limits counted in the cache (Redis across workers)."""

from __future__ import annotations

from credit.core import clock
from credit.core.cache import get_cache

PUBLIC_PER_MINUTE = 600  # per client address
REPORT_PER_HOUR = 5  # public report form, per client address


async def hit(bucket: str, limit: int, window_seconds: int) -> tuple[bool, int]:
    """Count one request; (allowed, seconds until the window resets)."""
    now = int(clock.now().timestamp())
    window = now // window_seconds
    count = await get_cache().incr(f"rl:{bucket}:{window}", ttl=window_seconds + 1)
    return count <= limit, window_seconds - now % window_seconds
