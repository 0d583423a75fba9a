"""The working-day calendar the bureau maintains.

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


# One day of the admin-maintained working-day calendar. Rows win over the chinese_calendar
# package; a year the package does not know needs them (see credit.calendar.workdays).
class CalendarDay(Model):
    id = fields.IntField(primary_key=True)
    date = fields.DateField(unique=True)
    is_working_day = fields.BooleanField()
    note = fields.CharField(max_length=100, default="")
    updated_by_id = fields.IntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "calendar_day"
