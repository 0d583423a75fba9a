"""Objections (异议).

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.casework.states import Channel
from credit.objections.states import ObjectionStatus
from credit.policies.facts import ListKind

if TYPE_CHECKING:
    from credit.accounts.models import Unit
    from credit.notices.models import Notice
    from credit.subjects.models import Subject


# An objection (异议, SY 第十四条, WG 五) against published records or a list entry (by the
# records behind it: list entries are rebuilt on every evaluation, their ids are not
# stable). Filed within the window from `published_on`; verified by `due_on`.
class Objection(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="objections", on_delete=fields.RESTRICT
    )
    list_kind = fields.CharEnumField(ListKind, max_length=8, null=True)
    record_ids: fields.JSONField[list[int]] = fields.JSONField()
    published_on = fields.DateField()
    filing_deadline = fields.DateField()
    channel = fields.CharEnumField(Channel, max_length=8)
    applicant_user_id = fields.IntField(null=True)
    applicant_name = fields.CharField(max_length=100, default="")
    reasons = fields.TextField()
    status = fields.CharEnumField(ObjectionStatus, max_length=16, db_index=True)
    filed_on = fields.DateField()
    filed_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    accepted_on = fields.DateField(null=True)
    accepted_by_id = fields.IntField(null=True)
    handling_unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="objections", null=True, on_delete=fields.RESTRICT
    )
    due_on = fields.DateField(null=True)
    due_provisional = fields.BooleanField(default=False)
    due_warning = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)
    decided_by_id = fields.IntField(null=True)
    decision_reason = fields.TextField(default="")
    revoked_record_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    result_notice: fields.ForeignKeyNullableRelation[Notice] = fields.ForeignKeyField(
        "credit.Notice", related_name="objections", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    subject_id: int
    handling_unit_id: int | None
    result_notice_id: int | None

    class Meta:
        table = "objection"
