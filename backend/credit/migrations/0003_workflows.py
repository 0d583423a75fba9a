from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from credit.policies.facts import GradeLevel, ListKind
from credit.casework.states import Channel
from credit.reminders.states import IntervieweeRole, ReminderMethod
from credit.notices.states import NoticeKind
from credit.objections.states import ObjectionStatus
from credit.outbox.states import OutboxStatus
from credit.repairs.states import RepairStatus
from credit.reports.states import ReportOutcome, ReportStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('credit', '0002_postgres_extras')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CalendarDay',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('date', fields.DateField(unique=True)),
                ('is_working_day', fields.BooleanField()),
                ('note', fields.CharField(default='', max_length=100)),
                ('updated_by_id', fields.IntField(null=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'calendar_day', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EvidenceFile',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('owner_type', fields.CharField(max_length=16)),
                ('owner_id', fields.IntField()),
                ('name', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=100)),
                ('size', fields.IntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('content', fields.BinaryField()),
                ('uploaded_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'evidence_file', 'app': 'credit', 'indexes': [Index(fields=['owner_type', 'owner_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Notice',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='notices', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='LISTING: LISTING\nREMOVAL: REMOVAL\nOBJECTION_ACCEPTED: OBJECTION_ACCEPTED\nOBJECTION_NOT_ACCEPTED: OBJECTION_NOT_ACCEPTED\nOBJECTION_RESULT: OBJECTION_RESULT\nREPAIR_APPROVED: REPAIR_APPROVED\nREPAIR_REJECTED: REPAIR_REJECTED\nWRITTEN_REMINDER: WRITTEN_REMINDER', enum_type=NoticeKind, max_length=24)),
                ('title', fields.CharField(max_length=200)),
                ('body', fields.TextField(unique=False)),
                ('object_type', fields.CharField(default='', max_length=32)),
                ('object_id', fields.CharField(default='', max_length=64)),
                ('record_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('dedup_key', fields.CharField(null=True, unique=True, max_length=200)),
                ('created_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'notice', 'app': 'credit', 'indexes': [Index(fields=['subject_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Objection',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='objections', on_delete=OnDelete.RESTRICT)),
                ('list_kind', fields.CharEnumField(null=True, description='RED: RED\nWATCH: WATCH\nBLACK: BLACK', enum_type=ListKind, max_length=8)),
                ('record_ids', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('published_on', fields.DateField()),
                ('filing_deadline', fields.DateField()),
                ('channel', fields.CharEnumField(description='ONLINE: ONLINE\nPAPER: PAPER', enum_type=Channel, max_length=8)),
                ('applicant_user_id', fields.IntField(null=True)),
                ('applicant_name', fields.CharField(default='', max_length=100)),
                ('reasons', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(db_index=True, description='FILED: FILED\nACCEPTED: ACCEPTED\nNOT_ACCEPTED: NOT_ACCEPTED\nUPHELD: UPHELD\nREJECTED: REJECTED\nWITHDRAWN: WITHDRAWN', enum_type=ObjectionStatus, max_length=16)),
                ('filed_on', fields.DateField()),
                ('filed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_on', fields.DateField(null=True)),
                ('accepted_by_id', fields.IntField(null=True)),
                ('handling_unit', fields.ForeignKeyField('credit.Unit', source_field='handling_unit_id', null=True, db_constraint=True, to_field='id', related_name='objections', on_delete=OnDelete.RESTRICT)),
                ('due_on', fields.DateField(null=True)),
                ('due_provisional', fields.BooleanField(default=False)),
                ('due_warning', fields.TextField(default='', unique=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decided_by_id', fields.IntField(null=True)),
                ('decision_reason', fields.TextField(default='', unique=False)),
                ('revoked_record_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('result_notice', fields.ForeignKeyField('credit.Notice', source_field='result_notice_id', null=True, db_constraint=True, to_field='id', related_name='objections', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'objection', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(unique=True, max_length=200)),
                ('target', fields.CharField(max_length=64)),
                ('kind', fields.CharField(max_length=64)),
                ('payload', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=OutboxStatus.PENDING, description='PENDING: PENDING\nDELIVERED: DELIVERED\nFAILED: FAILED', enum_type=OutboxStatus, max_length=12)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'outbox_event', 'app': 'credit', 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PublicReport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='public_reports', on_delete=OnDelete.RESTRICT)),
                ('content', fields.TextField(unique=False)),
                ('reporter_name_cipher', fields.TextField(null=True, unique=False)),
                ('reporter_contact_cipher', fields.TextField(null=True, unique=False)),
                ('received_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(db_index=True, description='RECEIVED: RECEIVED\nTRIAGED: TRIAGED\nINVESTIGATING: INVESTIGATING\nCLOSED: CLOSED', enum_type=ReportStatus, max_length=16)),
                ('handler_user_id', fields.IntField(null=True)),
                ('triaged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('triage_note', fields.TextField(default='', unique=False)),
                ('investigation_started_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('outcome', fields.CharEnumField(null=True, description='SUBSTANTIATED: SUBSTANTIATED\nUNSUBSTANTIATED: UNSUBSTANTIATED\nDISMISSED: DISMISSED', enum_type=ReportOutcome, max_length=16)),
                ('outcome_note', fields.TextField(default='', unique=False)),
                ('record', fields.ForeignKeyField('credit.CreditRecord', source_field='record_id', null=True, db_constraint=True, to_field='id', related_name='public_reports', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'public_report', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Reminder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.RESTRICT)),
                ('grade', fields.CharEnumField(description='A: A\nB: B\nC: C\nUNGRADED: UNGRADED', enum_type=GradeLevel, max_length=9)),
                ('method', fields.CharEnumField(description='ORAL_REMINDER: ORAL_REMINDER\nWRITTEN_REMINDER: WRITTEN_REMINDER\nINTERVIEW: INTERVIEW', enum_type=ReminderMethod, max_length=20)),
                ('held_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('place', fields.CharField(default='', max_length=200)),
                ('content', fields.TextField(unique=False)),
                ('record_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('interviewee_name', fields.CharField(default='', max_length=64)),
                ('interviewee_role', fields.CharEnumField(null=True, description='PRINCIPAL: PRINCIPAL\nMANAGER_IN_CHARGE: MANAGER_IN_CHARGE\nDIRECTLY_RESPONSIBLE: DIRECTLY_RESPONSIBLE\nSELF: SELF', enum_type=IntervieweeRole, max_length=24)),
                ('interviewee_title', fields.CharField(default='', max_length=64)),
                ('officers', fields.CharField(default='', max_length=200)),
                ('unit', fields.ForeignKeyField('credit.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.RESTRICT)),
                ('registered_by_id', fields.IntField(null=True)),
                ('notice', fields.ForeignKeyField('credit.Notice', source_field='notice_id', null=True, db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.RESTRICT)),
                ('pushed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'credit_reminder', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RepairApplication',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='repair_applications', on_delete=OnDelete.RESTRICT)),
                ('list_kind', fields.CharEnumField(null=True, description='RED: RED\nWATCH: WATCH\nBLACK: BLACK', enum_type=ListKind, max_length=8)),
                ('record_ids', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('channel', fields.CharEnumField(description='ONLINE: ONLINE\nPAPER: PAPER', enum_type=Channel, max_length=8)),
                ('applicant_user_id', fields.IntField(null=True)),
                ('applicant_name', fields.CharField(default='', max_length=100)),
                ('rectification', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(db_index=True, description='FILED: FILED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nWITHDRAWN: WITHDRAWN', enum_type=RepairStatus, max_length=12)),
                ('filed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decided_by_id', fields.IntField(null=True)),
                ('decision_reason', fields.TextField(default='', unique=False)),
                ('decision_no', fields.CharField(null=True, max_length=100)),
                ('decided_on', fields.DateField(null=True)),
                ('issuing_unit', fields.CharField(default='', max_length=200)),
                ('result_notice', fields.ForeignKeyField('credit.Notice', source_field='result_notice_id', null=True, db_constraint=True, to_field='id', related_name='repair_applications', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'repair_application', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
