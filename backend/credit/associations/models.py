"""The member register of an industry association (行业协会会员名册).

Model descriptions are `#` comments, not docstrings (see credit.objections.models).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from credit.accounts.models import Unit
    from credit.subjects.models import Subject


# One membership: an association unit and a subject of its jurisdiction. Leaving keeps
# the row (left_at): the association's past submissions stay explained.
class AssociationMember(Model):
    id = fields.IntField(primary_key=True)
    association: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="members", on_delete=fields.RESTRICT
    )
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="memberships", on_delete=fields.RESTRICT
    )
    joined_on = fields.DateField()
    left_at = fields.DatetimeField(null=True)
    added_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    association_id: int
    subject_id: int

    class Meta:
        table = "association_member"
        indexes = (("association_id", "left_at"), ("subject_id",))
