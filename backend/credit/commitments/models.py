"""Credit commitments (信用承诺) a subject signed, and the records that breach them.

Model descriptions are `#` comments, not docstrings (see credit.objections.models).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from credit.records.models import CreditRecord
    from credit.subjects.models import Subject


class CommitmentState(StrEnum):
    ACTIVE = "ACTIVE"
    WITHDRAWN = "WITHDRAWN"  # registered in error, or withdrawn before it took effect


# A commitment the subject signed and a unit received (e.g. a 许可承诺书 under the
# notify-and-commit licensing procedure). Never deleted: a withdrawal keeps the row and
# its reason. Its signed document, if any, is an EvidenceFile with owner_type
# "commitment" (credit.casework.evidence: the same size and type checks).
class Commitment(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="commitments", on_delete=fields.RESTRICT
    )
    kind = fields.CharField(max_length=32)
    matter = fields.CharField(max_length=200)
    content = fields.TextField()
    from_template = fields.BooleanField(default=False)
    signed_on = fields.DateField()
    valid_until = fields.DateField(null=True)
    receiving_unit = fields.CharField(max_length=200)
    state = fields.CharEnumField(CommitmentState, max_length=12, default=CommitmentState.ACTIVE)
    withdrawn_at = fields.DatetimeField(null=True)
    withdraw_reason = fields.TextField(default="")
    registered_by_id = fields.IntField(null=True)
    registered_unit_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    subject_id: int

    class Meta:
        table = "commitment"
        indexes = (("subject_id", "signed_on"),)


# A licence-commitment violation record names the commitment it breaches (one at most).
class CommitmentBreach(Model):
    id = fields.IntField(primary_key=True)
    commitment: fields.ForeignKeyRelation[Commitment] = fields.ForeignKeyField(
        "credit.Commitment", related_name="breaches", on_delete=fields.RESTRICT
    )
    record: fields.OneToOneRelation[CreditRecord] = fields.OneToOneField(
        "credit.CreditRecord", related_name="breached_commitment", on_delete=fields.RESTRICT
    )
    linked_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    commitment_id: int
    record_id: int

    class Meta:
        table = "commitment_breach"
        indexes = (("commitment_id",),)
