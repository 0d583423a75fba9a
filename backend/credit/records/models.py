"""Decisions and credit records (信用信息), with every lifecycle transition kept."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import Category, RecordStatus

if TYPE_CHECKING:
    from credit.accounts.models import Unit
    from credit.subjects.models import Jurisdiction, Subject


# A decision (决定): document number, date, issuing unit, legal basis.
#
# One decision may cover several violations, each with several sanctions (Wugang 三).
# Imports are idempotent by (jurisdiction, document_no).
class Decision(Model):
    id = fields.IntField(primary_key=True)
    jurisdiction: fields.ForeignKeyRelation[Jurisdiction] = fields.ForeignKeyField(
        "credit.Jurisdiction", related_name="decisions", on_delete=fields.RESTRICT
    )
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="decisions", on_delete=fields.RESTRICT
    )
    document_no = fields.CharField(max_length=100)
    decided_on = fields.DateField()
    issuing_unit = fields.CharField(max_length=200)
    legal_basis = fields.TextField(default="")
    # 第十六条: reconsideration / litigation, recorded on the decision: a list of
    # {"kind": "reconsideration"|"litigation", "filed_on": date, "outcome": str}.
    # Any: the GraphQL layer serves it as the JSON scalar as it is.
    appeals: fields.JSONField[Any] = fields.JSONField(default=list)
    source = fields.CharField(max_length=16, default="internal")
    created_at = fields.DatetimeField(auto_now_add=True)

    jurisdiction_id: int
    subject_id: int

    class Meta:
        table = "decision"
        # Foreign keys are not indexed by themselves: every lookup by owner needs one.
        indexes = (("subject_id",),)
        unique_together = (("jurisdiction", "document_no"),)


class Violation(Model):
    id = fields.IntField(primary_key=True)
    decision: fields.ForeignKeyRelation[Decision] = fields.ForeignKeyField(
        "credit.Decision", related_name="violations", on_delete=fields.CASCADE
    )
    seq = fields.SmallIntField()
    type_code = fields.CharField(max_length=64)
    domain = fields.CharField(max_length=32)
    description = fields.TextField(default="")

    decision_id: int

    class Meta:
        table = "violation"
        unique_together = (("decision", "seq"),)


class Sanction(Model):
    id = fields.IntField(primary_key=True)
    violation: fields.ForeignKeyRelation[Violation] = fields.ForeignKeyField(
        "credit.Violation", related_name="sanctions", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=32)
    amount_yuan = fields.DecimalField(max_digits=14, decimal_places=2, default=0)

    violation_id: int

    class Meta:
        table = "sanction"
        # Foreign keys are not indexed by themselves: every lookup by owner needs one.
        indexes = (("violation_id",),)


# A credit record. `status` is the latest stored lifecycle state; the history lives in
# RecordTransition so that any past date can be evaluated. Records are never deleted.
class CreditRecord(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="records", on_delete=fields.RESTRICT
    )
    decision: fields.ForeignKeyNullableRelation[Decision] = fields.ForeignKeyField(
        "credit.Decision", related_name="records", null=True, on_delete=fields.RESTRICT
    )
    category = fields.CharEnumField(Category, max_length=8)
    type = fields.CharField(max_length=48)
    situation_code = fields.CharField(max_length=8, null=True)
    inspection_passed = fields.BooleanField(null=True)
    summary = fields.TextField(default="")
    internal_note = fields.TextField(default="")
    status = fields.CharEnumField(RecordStatus, max_length=12, db_index=True)
    occurred_on = fields.DateField()
    decision_date = fields.DateField(null=True)
    decision_no = fields.CharField(max_length=100, null=True)
    issuing_unit = fields.CharField(max_length=200, default="")
    legal_basis = fields.TextField(default="")
    published_at = fields.DatetimeField(null=True)
    public_until_override = fields.DateField(null=True)
    retention_until_override = fields.DateField(null=True)
    provider_unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="provided_records", null=True, on_delete=fields.RESTRICT
    )
    provider_person = fields.CharField(max_length=64, default="")
    created_by_id = fields.IntField(null=True)
    source = fields.CharField(max_length=16, default="internal")
    # Stable key of an imported or pushed record: re-importing the same row finds it.
    external_key = fields.CharField(max_length=200, null=True, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    subject_id: int
    decision_id: int | None
    provider_unit_id: int | None

    class Meta:
        table = "credit_record"
        # Foreign keys are not indexed by themselves: every lookup by owner needs one.
        indexes = (("subject_id",),)


# Append-only: one row per lifecycle change, with the moment it took effect.
class RecordTransition(Model):
    id = fields.BigIntField(primary_key=True)
    record: fields.ForeignKeyRelation[CreditRecord] = fields.ForeignKeyField(
        "credit.CreditRecord", related_name="transitions", on_delete=fields.RESTRICT
    )
    from_status = fields.CharEnumField(RecordStatus, max_length=12, null=True)
    to_status = fields.CharEnumField(RecordStatus, max_length=12)
    at = fields.DatetimeField(db_index=True)
    by_user_id = fields.IntField(null=True)
    reason = fields.TextField(default="")

    record_id: int

    class Meta:
        table = "record_transition"
        # Foreign keys are not indexed by themselves: every lookup by owner needs one.
        indexes = (("record_id",),)
        ordering = ("at", "id")
