"""Policies as data: a versioned, named rule set with parameters and an effective date."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


# The parameters are those of credit.policies.params; the engine is chosen by `code`.
class Policy(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64)
    version = fields.IntField()
    name = fields.CharField(max_length=200)
    document_no = fields.CharField(max_length=64, default="")
    effective_from = fields.DateField()
    params: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "policy"
        unique_together = (("code", "version"),)
