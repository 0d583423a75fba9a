"""The rules of webhook delivery, without a database: which URLs are accepted, the
back-off between attempts, and the body posted for an event."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from credit.watches.types import encode_position

MAX_URL_CHARS = 500
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class DeliveryParams:
    """lease_seconds must exceed timeout_seconds: a live worker's claim never expires
    while its request is still running, so two workers never send one delivery at once."""

    timeout_seconds: float = 10.0
    lease_seconds: int = 60
    base_delay_seconds: int = 10  # after the 1st failure; doubles after each further one
    max_delay_seconds: int = 3600  # never more than an hour between attempts
    retry_window_hours: int = 24  # then FAILED, until the partner re-drives it
    batch: int = 50
    fan_out_batch: int = 500


DELIVERY_DEFAULTS = DeliveryParams()


class InvalidWebhookUrl(ValueError):
    pass


def check_url(raw: str, *, allow_http_loopback: bool = False) -> str:
    """The URL to post to, or InvalidWebhookUrl saying why (in Chinese). https only;
    http://127.0.0.1 or localhost only when the setting allows it (tests). Never a
    private, link-local or loopback address over https (the server must not be made to
    call its own network)."""
    url = raw.strip()
    if not url:
        raise InvalidWebhookUrl("请填写接收地址")
    if len(url) > MAX_URL_CHARS:
        raise InvalidWebhookUrl(f"接收地址过长（最多 {MAX_URL_CHARS} 个字符）")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise InvalidWebhookUrl("接收地址格式不正确") from exc
    host = (parts.hostname or "").lower()
    if not host or parts.username or parts.password:
        raise InvalidWebhookUrl("接收地址格式不正确（需要主机名，且不得包含用户名或密码）")
    if parts.fragment:
        raise InvalidWebhookUrl("接收地址不得包含 # 片段")
    if parts.scheme == "http":
        if allow_http_loopback and host in LOOPBACK_HOSTS:
            return url
        raise InvalidWebhookUrl("接收地址必须使用 HTTPS（https://）")
    if parts.scheme != "https":
        raise InvalidWebhookUrl("接收地址必须使用 HTTPS（https://）")
    if host in LOOPBACK_HOSTS or host.endswith(".localhost"):
        raise InvalidWebhookUrl("接收地址不得指向本机")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return url
    if not address.is_global:
        raise InvalidWebhookUrl("接收地址不得指向内网、本机或保留地址")
    return url


def backoff(attempts: int, params: DeliveryParams = DELIVERY_DEFAULTS) -> timedelta:
    """The wait after the `attempts`-th failed attempt (1-based), capped."""
    exponent = min(max(attempts - 1, 0), 32)
    return timedelta(seconds=min(params.base_delay_seconds * 2**exponent, params.max_delay_seconds))


def gives_up(first_attempt_at: datetime, now: datetime, params: DeliveryParams) -> bool:
    return now - first_attempt_at >= timedelta(hours=params.retry_window_hours)


def event_body(event: Any) -> dict[str, Any]:
    """The JSON posted for one watch event (and the fields of the subscription's
    messages): the cursor to resume from and the event id to deduplicate on."""
    return {
        "eventId": str(event.event_id),
        "cursor": encode_position(event.position),
        "uscc": event.uscc,
        "kind": str(getattr(event.kind, "value", event.kind)),
        "before": event.before,
        "after": event.after,
        "effectiveDate": event.effective_date.isoformat(),
        "reasons": event.reasons,
        "createdAt": event.created_at.isoformat(),
    }


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
