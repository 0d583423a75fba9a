"""Written notices (告知书) to a subject.

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.notices.states import NoticeKind

if TYPE_CHECKING:
    from credit.subjects.models import Subject


# A written notice to a subject (告知书): listing, removal, objection result, repair
# decision, written reminder. `dedup_key` makes a notice of one change idempotent.
class Notice(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="notices", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(NoticeKind, max_length=24)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    object_type = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="")
    record_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    dedup_key = fields.CharField(max_length=200, null=True, unique=True)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    subject_id: int

    class Meta:
        table = "notice"
        indexes = (("subject_id", "created_at"),)
