"""Evidence files of objections, repair applications, public reports and commitments.

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


# A file attached to an objection, repair application or public report. Kept in the
# database (size-capped by the workflow parameters); the hash identifies the content.
class EvidenceFile(Model):
    id = fields.IntField(primary_key=True)
    owner_type = fields.CharField(max_length=16)  # objection | repair | report
    owner_id = fields.IntField()
    name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    content = fields.BinaryField()
    uploaded_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "evidence_file"
        indexes = (("owner_type", "owner_id"),)
