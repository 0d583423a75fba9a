"""Public reports (举报).

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.reports.states import ReportOutcome, ReportStatus

if TYPE_CHECKING:
    from credit.records.models import CreditRecord
    from credit.subjects.models import Subject


# A public report (举报) about a subject. Invariant: the reporter's name and contact are
# stored only as ciphertext (credit.accounts.crypto), readable only by the assigned
# handler through credit.reports.services.reveal_reporter.
class PublicReport(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="public_reports", on_delete=fields.RESTRICT
    )
    content = fields.TextField()
    reporter_name_cipher = fields.TextField(null=True)
    reporter_contact_cipher = fields.TextField(null=True)
    # SHA-256 of the query code (查询码) shown once to the reporter at filing; the code is a
    # random secret, so a plain digest suffices (as for session tokens). Null: no code.
    query_code_hash = fields.CharField(max_length=64, null=True)
    received_at = fields.DatetimeField(db_index=True)
    status = fields.CharEnumField(ReportStatus, max_length=16, db_index=True)
    handler_user_id = fields.IntField(null=True)
    triaged_at = fields.DatetimeField(null=True)
    triage_note = fields.TextField(default="")
    investigation_started_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    outcome = fields.CharEnumField(ReportOutcome, max_length=16, null=True)
    outcome_note = fields.TextField(default="")
    record: fields.ForeignKeyNullableRelation[CreditRecord] = fields.ForeignKeyField(
        "credit.CreditRecord", related_name="public_reports", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    subject_id: int
    record_id: int | None

    class Meta:
        table = "public_report"
