"""Delivery parameters of the outbox, and the names the console gives targets and events."""

from __future__ import annotations

from dataclasses import dataclass

TARGET_NAMES_ZH = {
    "credit_shenyang": "信用沈阳",
    "shenyang_police_web": "沈阳警网",
    "municipal_platform": "市公共信用信息共享服务平台",
}

# What an outbox event announces, as the console names it.
OUTBOX_KIND_NAMES_ZH = {
    "list.entry_added": "列入名单",
    "list.entry_removed": "移出名单",
    "list.entry_changed": "名单变更",
    "records.withdrawn": "撤下信用信息",
    "reminder.registered": "信用提醒登记",
}


@dataclass(frozen=True)
class OutboxParams:
    """Delivery of outbox events.

    - base_delay_seconds=30, max_delay_seconds=3600: the wait after the n-th failed attempt
      is min(base · 2^(n-1), max): 30 s, 1 min, 2 min … capped at one hour.
    - max_attempts=10: after the 10th failure (about 4.5 hours of retrying) the event is
      marked failed and waits for an operator (``requeue``).
    - timeout_seconds=10: one HTTP attempt.
    - lease_seconds=120: a claimed event is invisible to other workers for this long, so a
      worker that dies mid-request does not lose the event, and two workers never post it
      at the same time.
    - batch=100: events handled per ``deliver_due`` call.
    """

    base_delay_seconds: float = 30.0
    max_delay_seconds: float = 3600.0
    max_attempts: int = 10
    timeout_seconds: float = 10.0
    lease_seconds: float = 120.0
    batch: int = 100

    def __post_init__(self) -> None:
        if self.base_delay_seconds <= 0 or self.max_delay_seconds < self.base_delay_seconds:
            raise ValueError("need 0 < base_delay_seconds <= max_delay_seconds")
        if self.max_attempts < 1 or self.batch < 1:
            raise ValueError("max_attempts and batch must be >= 1")
        if self.lease_seconds <= self.timeout_seconds:
            raise ValueError("lease_seconds must exceed timeout_seconds")


OUTBOX_DEFAULTS = OutboxParams()
