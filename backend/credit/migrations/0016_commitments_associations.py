from tortoise import migrations
from tortoise.migrations import operations as ops
from credit.commitments.models import CommitmentState
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('credit', '0014_subject_management')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AssociationMember',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('association', fields.ForeignKeyField('credit.Unit', source_field='association_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.RESTRICT)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.RESTRICT)),
                ('joined_on', fields.DateField()),
                ('left_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('added_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'association_member', 'app': 'credit', 'indexes': [Index(fields=['association_id', 'left_at']), Index(fields=['subject_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Commitment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='commitments', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharField(max_length=32)),
                ('matter', fields.CharField(max_length=200)),
                ('content', fields.TextField(unique=False)),
                ('from_template', fields.BooleanField(default=False)),
                ('signed_on', fields.DateField()),
                ('valid_until', fields.DateField(null=True)),
                ('receiving_unit', fields.CharField(max_length=200)),
                ('state', fields.CharEnumField(default=CommitmentState.ACTIVE, description='ACTIVE: ACTIVE\nWITHDRAWN: WITHDRAWN', enum_type=CommitmentState, max_length=12)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdraw_reason', fields.TextField(default='', unique=False)),
                ('registered_by_id', fields.IntField(null=True)),
                ('registered_unit_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'commitment', 'app': 'credit', 'indexes': [Index(fields=['subject_id', 'signed_on'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CommitmentBreach',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('commitment', fields.ForeignKeyField('credit.Commitment', source_field='commitment_id', db_constraint=True, to_field='id', related_name='breaches', on_delete=OnDelete.RESTRICT)),
                ('record', fields.OneToOneField('credit.CreditRecord', source_field='record_id', db_constraint=True, to_field='id', related_name='breached_commitment', on_delete=OnDelete.RESTRICT)),
                ('linked_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'commitment_breach', 'app': 'credit', 'indexes': [Index(fields=['commitment_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
