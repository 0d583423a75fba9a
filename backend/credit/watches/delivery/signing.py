"""Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the token's secret.

Header: `X-Credit-Signature: t=<unix seconds>,v1=<hex digest>`. A receiver recomputes the
digest over the raw body and refuses a timestamp more than TOLERANCE_SECONDS away from
its own clock (a replayed request). docs/partners.md shows the same check for partners.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "X-Credit-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def digest(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={digest(secret, timestamp, body)}"


def verify(
    header: str, body: bytes, secret: str, now: int, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """True when `header` signs `body` with `secret` and its timestamp is within
    `tolerance` seconds of `now` (both ways)."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = digest(secret, timestamp, body)
    return hmac.compare_digest(expected, parts.get("v1", ""))
