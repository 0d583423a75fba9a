from tortoise import migrations
from tortoise.migrations import operations as ops
from credit.policies.facts import ListKind
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('credit', '0016_commitments_associations')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ListingDecision',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='listing_decisions', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='RED: RED\nWATCH: WATCH\nBLACK: BLACK', enum_type=ListKind, max_length=8)),
                ('identity', fields.CharField(max_length=200)),
                ('since', fields.DateField()),
                ('decision_no', fields.CharField(unique=True, max_length=100)),
                ('decided_on', fields.DateField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'listing_decision', 'app': 'credit', 'indexes': [Index(fields=['subject_id', 'identity'])], 'pk_attr': 'id', 'table_description': 'The decision of its own that lists a subject when no record carries one (SY 第十二条:'},
            bases=['Model'],
        ),
    ]
