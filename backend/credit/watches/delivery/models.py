"""Webhook delivery of watch events (issue 17, item 3a): a partner token's webhook, one
delivery per (token, event) and the log of its attempts.

Invariants:
- A delivery is created by the worker's fan-out from `events_for_token` after the
  webhook's `cursor`, and the cursor moves in the same transaction: no event is skipped,
  none is delivered twice to one token ((token, event) is unique).
- Per (token, uscc) deliveries go out in `position` order: a delivery is only attempted
  while every earlier one of the same subject is DELIVERED (a FAILED one blocks the rest
  until the partner re-drives it).
- `next_attempt_at` is also the lease: a claimed delivery is pushed `lease_seconds` ahead,
  so one claimed by a worker that died is due again once the lease has expired.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from credit.accounts.models import ApiToken
    from credit.watches.models import WatchEvent


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"  # retried for retry_window_hours without success; waits for a re-drive


class AttemptOutcome(StrEnum):
    IN_FLIGHT = "IN_FLIGHT"  # claimed, no answer recorded yet
    DELIVERED = "DELIVERED"  # a 2xx answer
    ERROR = "ERROR"  # another status, or no answer (timeout, refused connection)
    ABANDONED = "ABANDONED"  # its worker died: the lease expired and the delivery was re-claimed


# A partner token's webhook: where its watch events are posted, and the signing secret
# (encrypted at rest with credit.accounts.crypto, shown to the partner once).
class WatchWebhook(Model):
    id = fields.IntField(primary_key=True)
    token: fields.OneToOneRelation[ApiToken] = fields.OneToOneField(
        "credit.ApiToken", related_name="watch_webhook", on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=500)
    secret_cipher = fields.TextField()
    # The position of the last event turned into a delivery (events_for_token's `after`).
    cursor = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField()
    secret_rotated_at = fields.DatetimeField()

    token_id: int

    class Meta:
        table = "watch_webhook"


class WatchDelivery(Model):
    id = fields.BigIntField(primary_key=True)
    token: fields.ForeignKeyRelation[ApiToken] = fields.ForeignKeyField(
        "credit.ApiToken", related_name="watch_deliveries", on_delete=fields.CASCADE
    )
    event: fields.ForeignKeyRelation[WatchEvent] = fields.ForeignKeyField(
        "credit.WatchEvent", related_name="deliveries", on_delete=fields.CASCADE
    )
    position = fields.BigIntField()
    uscc = fields.CharField(max_length=18)
    status = fields.CharEnumField(DeliveryStatus, max_length=12, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    first_attempt_at = fields.DatetimeField(null=True)
    last_attempt_at = fields.DatetimeField(null=True)
    last_status_code = fields.IntField(null=True)
    last_error = fields.TextField(default="")
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    token_id: int
    event_id: int

    class Meta:
        table = "watch_delivery"
        unique_together = (("token", "event"),)
        indexes = (
            Index(fields=("status", "next_attempt_at")),
            Index(fields=("token_id", "uscc", "position")),
            Index(fields=("token_id", "position")),
        )


class WatchDeliveryAttempt(Model):
    id = fields.BigIntField(primary_key=True)
    delivery: fields.ForeignKeyRelation[WatchDelivery] = fields.ForeignKeyField(
        "credit.WatchDelivery", related_name="attempt_log", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    outcome = fields.CharEnumField(AttemptOutcome, max_length=12, default=AttemptOutcome.IN_FLIGHT)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    status_code = fields.IntField(null=True)
    error = fields.TextField(default="")
    duration_ms = fields.IntField(null=True)

    delivery_id: int

    class Meta:
        table = "watch_delivery_attempt"
        indexes = (Index(fields=("delivery_id", "number")),)
