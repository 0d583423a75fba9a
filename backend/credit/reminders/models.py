"""Credit reminders and integrity interviews (信用提醒、诚信约谈).

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import GradeLevel
from credit.reminders.states import IntervieweeRole, ReminderMethod

if TYPE_CHECKING:
    from credit.accounts.models import Unit
    from credit.notices.models import Notice
    from credit.subjects.models import Subject


# A registered credit reminder or integrity interview (信用提醒 / 诚信约谈, WG 五): subject,
# time, method and content, reported to the bureau office (the register is the office's
# view). An interview records who was interviewed.
class Reminder(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="reminders", on_delete=fields.RESTRICT
    )
    grade = fields.CharEnumField(GradeLevel, max_length=9)
    method = fields.CharEnumField(ReminderMethod, max_length=20)
    held_at = fields.DatetimeField(db_index=True)
    place = fields.CharField(max_length=200, default="")
    content = fields.TextField()
    record_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    interviewee_name = fields.CharField(max_length=64, default="")
    interviewee_role = fields.CharEnumField(IntervieweeRole, max_length=24, null=True)
    interviewee_title = fields.CharField(max_length=64, default="")
    officers = fields.CharField(max_length=200, default="")
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="reminders", on_delete=fields.RESTRICT
    )
    registered_by_id = fields.IntField(null=True)
    notice: fields.ForeignKeyNullableRelation[Notice] = fields.ForeignKeyField(
        "credit.Notice", related_name="reminders", null=True, on_delete=fields.RESTRICT
    )
    pushed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    subject_id: int
    unit_id: int
    notice_id: int | None

    class Meta:
        table = "credit_reminder"
