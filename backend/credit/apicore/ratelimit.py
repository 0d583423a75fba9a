"""Sliding-window rate limits, counted in Redis across workers (in this process while Redis
is unavailable: see core/cache.py)."""

from __future__ import annotations

from prometheus_client import Counter

from credit.accounts.actor import Actor, ActorKind
from credit.core.cache import get_cache

# Defined here, where refusals happen (this layer does not import credit.api); /metrics
# (credit.api.metrics) lists it with the others.
RATE_LIMITED = Counter(
    "credit_rate_limit_refusals_total",
    "Requests refused by a rate limit, by limit (ip, report, token, login …)",
    ["limit"],
)

PUBLIC_PER_MINUTE = 600  # per client address
REPORT_PER_HOUR = 5  # public report form, per client address


async def hit(bucket: str, limit: int, window_seconds: int) -> tuple[bool, int]:
    """Count one request; (allowed, seconds until a slot frees when refused). At most
    `limit` requests are allowed in any `window_seconds` (a sliding window, so a burst
    across a minute boundary does not get twice the limit)."""
    allowed, retry_after = await get_cache().hit(bucket, limit, window_seconds)
    if not allowed:
        RATE_LIMITED.labels(bucket.split(":", 1)[0]).inc()
    return allowed, retry_after


async def over_limit(
    client_addr: str, actor: Actor, *, public_bucket: str, public_limit: int
) -> int | None:
    """Count one request of `actor`: None when allowed, else the seconds to wait.
    Signed-in staff are not limited; a partner token has its own per-minute limit; the
    public is counted per client address in `public_bucket`."""
    if actor.kind == ActorKind.USER:
        return None
    if actor.kind == ActorKind.PARTNER:
        bucket, limit = f"token:{actor.token_id}", actor.rate_limit_per_minute or 600
    else:
        bucket, limit = f"{public_bucket}:{client_addr or 'unknown'}", public_limit
    allowed, retry = await hit(bucket, limit, 60)
    return None if allowed else retry
