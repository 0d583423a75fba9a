"""The stored evaluation of a subject: grade, reasons, what is public and what counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import GradeLevel

if TYPE_CHECKING:
    from credit.subjects.models import Subject


# Invariant: recomputed in the transaction of every change to the subject's records,
# and never served once `next_change_at` has passed (recomputed on read, and swept).
class Evaluation(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.OneToOneRelation[Subject] = fields.OneToOneField(
        "credit.Subject", related_name="evaluation", on_delete=fields.RESTRICT
    )
    policy_code = fields.CharField(max_length=64)
    policy_version = fields.IntField()
    computed_at = fields.DatetimeField()
    next_change_at = fields.DatetimeField(null=True, db_index=True)
    grade = fields.CharEnumField(GradeLevel, max_length=9, null=True, db_index=True)
    # Serialised engine output: reasons, measures, public/counted/archived record ids,
    # derived records. See credit.grades.services.evaluation_to_payload.
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    subject_id: int

    class Meta:
        table = "evaluation"
