"""The append-only audit trail. On PostgreSQL a trigger refuses UPDATE and DELETE."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField(db_index=True)
    # Plain ids, not foreign keys: an audit row outlives anything it mentions.
    actor_user_id = fields.IntField(null=True)
    actor_username = fields.CharField(max_length=64, default="")
    unit_code = fields.CharField(max_length=32, default="")
    role = fields.CharField(max_length=20, default="")
    action = fields.CharField(max_length=64, db_index=True)
    object_type = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="", db_index=True)
    before: fields.JSONField[Any] = fields.JSONField(null=True)
    after: fields.JSONField[Any] = fields.JSONField(null=True)
    request_id = fields.CharField(max_length=64, default="")
    client_addr = fields.CharField(max_length=64, default="")
    # Whose event it is: the jurisdiction of the object's subject (or of the acting unit).
    # Readers of the trail see their jurisdiction's events only; NULL rows (the
    # administrator's own work, events older than this column) only the administrator.
    jurisdiction_id = fields.IntField(null=True, db_index=True)

    class Meta:
        table = "audit_event"
