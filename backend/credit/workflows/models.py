"""Objections, credit repair, reminders, public reports, notices, evidence files, the
working-day calendar and the publication outbox.

Model descriptions are `#` comments, not docstrings: Tortoise's SQLite schema editor
splits statements on ';' and would break on a docstring containing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import GradeLevel, ListKind
from credit.workflows.states import (
    Channel,
    IntervieweeRole,
    NoticeKind,
    ObjectionStatus,
    OutboxStatus,
    ReminderMethod,
    RepairStatus,
    ReportOutcome,
    ReportStatus,
)

if TYPE_CHECKING:
    from credit.accounts.models import Unit
    from credit.records.models import CreditRecord
    from credit.subjects.models import Subject


# One day of the admin-maintained working-day calendar. Rows win over the chinese_calendar
# package; a year the package does not know needs them (see credit.workflows.calendar).
class CalendarDay(Model):
    id = fields.IntField(primary_key=True)
    date = fields.DateField(unique=True)
    is_working_day = fields.BooleanField()
    note = fields.CharField(max_length=100, default="")
    updated_by_id = fields.IntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "calendar_day"


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


# An event for an external system (public site, municipal platform), written in the same
# transaction as the decision it announces and delivered later by `deliver_due`.
# `key` is the delivery's idempotency key (sent as the Idempotency-Key header).
class OutboxEvent(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=200, unique=True)
    target = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=64)
    # The jurisdiction whose decision it announces: the deliveries page is scoped by it.
    jurisdiction_id = fields.IntField(null=True, db_index=True)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField()
    status = fields.CharEnumField(OutboxStatus, max_length=12, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    last_attempt_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "outbox_event"
        indexes = (("status", "next_attempt_at"),)


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


# An objection (异议, SY 第十四条, WG 五) against published records or a list entry (by the
# records behind it: list entries are rebuilt on every evaluation, their ids are not
# stable). Filed within the window from `published_on`; verified by `due_on`.
class Objection(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="objections", on_delete=fields.RESTRICT
    )
    list_kind = fields.CharEnumField(ListKind, max_length=8, null=True)
    record_ids: fields.JSONField[list[int]] = fields.JSONField()
    published_on = fields.DateField()
    filing_deadline = fields.DateField()
    channel = fields.CharEnumField(Channel, max_length=8)
    applicant_user_id = fields.IntField(null=True)
    applicant_name = fields.CharField(max_length=100, default="")
    reasons = fields.TextField()
    status = fields.CharEnumField(ObjectionStatus, max_length=16, db_index=True)
    filed_on = fields.DateField()
    filed_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    accepted_on = fields.DateField(null=True)
    accepted_by_id = fields.IntField(null=True)
    handling_unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="objections", null=True, on_delete=fields.RESTRICT
    )
    due_on = fields.DateField(null=True)
    due_provisional = fields.BooleanField(default=False)
    due_warning = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)
    decided_by_id = fields.IntField(null=True)
    decision_reason = fields.TextField(default="")
    revoked_record_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    result_notice: fields.ForeignKeyNullableRelation[Notice] = fields.ForeignKeyField(
        "credit.Notice", related_name="objections", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    subject_id: int
    handling_unit_id: int | None
    result_notice_id: int | None

    class Meta:
        table = "objection"


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


# A public report (举报) about a subject. Invariant: the reporter's name and contact are
# stored only as ciphertext (credit.accounts.crypto), readable only by the assigned
# handler through credit.workflows.reports.reveal_reporter.
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
