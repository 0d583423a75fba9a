"""Events for the public sites and the municipal platform (the transactional outbox).

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model

from credit.outbox.states import OutboxStatus


# An event for an external system (public site, municipal platform), written in the same
# transaction as the decision it announces and delivered later by `deliver_due`.
# `key` is the delivery's idempotency key (sent as the Idempotency-Key header).
class OutboxEvent(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=200, unique=True)
    target = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=64)
    # The jurisdiction whose decision it announces: the deliveries page is scoped by it.
    jurisdiction_id = fields.IntField(null=True, db_index=True)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField()
    status = fields.CharEnumField(OutboxStatus, max_length=12, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    last_attempt_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "outbox_event"
        indexes = (("status", "next_attempt_at"),)
