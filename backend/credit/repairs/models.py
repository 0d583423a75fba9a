"""Credit repair applications (信用修复).

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.casework.states import Channel
from credit.policies.facts import ListKind
from credit.repairs.states import RepairStatus

if TYPE_CHECKING:
    from credit.notices.models import Notice
    from credit.subjects.models import Subject


# An application for credit repair / removal from a list (信用修复, SY 第十五条, WG 五).
# Approval marks the records repaired and is itself a removal decision (`decision_no`).
class RepairApplication(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="repair_applications", on_delete=fields.RESTRICT
    )
    list_kind = fields.CharEnumField(ListKind, max_length=8, null=True)
    record_ids: fields.JSONField[list[int]] = fields.JSONField()
    channel = fields.CharEnumField(Channel, max_length=8)
    applicant_user_id = fields.IntField(null=True)
    applicant_name = fields.CharField(max_length=100, default="")
    rectification = fields.TextField()
    status = fields.CharEnumField(RepairStatus, max_length=12, db_index=True)
    filed_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)
    decided_by_id = fields.IntField(null=True)
    decision_reason = fields.TextField(default="")
    decision_no = fields.CharField(max_length=100, null=True)
    decided_on = fields.DateField(null=True)
    issuing_unit = fields.CharField(max_length=200, default="")
    result_notice: fields.ForeignKeyNullableRelation[Notice] = fields.ForeignKeyField(
        "credit.Notice", related_name="repair_applications", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    subject_id: int
    result_notice_id: int | None

    class Meta:
        table = "repair_application"
