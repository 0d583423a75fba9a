"""Subjects (主体) and where they belong: jurisdictions and districts."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import SubjectKind


# A city or county whose bureau applies one policy (e.g. 沈阳市, 舞钢市).
class Jurisdiction(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64)
    policy_code = fields.CharField(max_length=64)

    class Meta:
        table = "jurisdiction"


# A district/county (分、县（市）局的辖区) of a jurisdiction.
class District(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64)
    jurisdiction: fields.ForeignKeyRelation[Jurisdiction] = fields.ForeignKeyField(
        "credit.Jurisdiction", related_name="districts", on_delete=fields.RESTRICT
    )
    # Deactivated rather than deleted: subjects and units keep pointing at it.
    is_active = fields.BooleanField(default=True)

    jurisdiction_id: int

    class Meta:
        table = "district"


# An enterprise, social organisation, individual business or natural person.
#
# Organisations are keyed by USCC. A natural person is keyed by the HMAC digest of the
# resident ID number; the number itself is stored only encrypted, and the masked form is
# what every ordinary query returns.
class Subject(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(SubjectKind, max_length=24)
    uscc = fields.CharField(max_length=18, unique=True, null=True)
    id_number_digest = fields.CharField(max_length=64, unique=True, null=True)
    id_number_cipher = fields.TextField(null=True)
    id_number_masked = fields.CharField(max_length=18, null=True)
    name = fields.CharField(max_length=200, db_index=True)
    jurisdiction: fields.ForeignKeyRelation[Jurisdiction] = fields.ForeignKeyField(
        "credit.Jurisdiction", related_name="subjects", on_delete=fields.RESTRICT
    )
    district: fields.ForeignKeyRelation[District] = fields.ForeignKeyField(
        "credit.District", related_name="subjects", on_delete=fields.RESTRICT
    )
    address = fields.CharField(max_length=255, default="")
    # Internal only (DOMAIN.md Disclosure names what is public; these are not in it).
    legal_representative = fields.CharField(max_length=100, default="")
    licence_no = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    jurisdiction_id: int
    district_id: int

    class Meta:
        table = "subject"


# One change of a subject's name (曾用名): kept for internal users; the public sees only
# the current name (DOMAIN.md Disclosure). Rows are only ever added.
class SubjectNameChange(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="name_changes", on_delete=fields.RESTRICT
    )
    old_name = fields.CharField(max_length=200)
    new_name = fields.CharField(max_length=200)
    changed_at = fields.DatetimeField()
    changed_by_id = fields.IntField(null=True)  # the user; None for an import by token
    source = fields.CharField(max_length=16, default="console")  # console | import

    subject_id: int

    class Meta:
        table = "subject_name_change"
        indexes = (("subject_id", "changed_at"),)
