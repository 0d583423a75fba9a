from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('credit', '0012_administration')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SubjectNameChange',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='name_changes', on_delete=OnDelete.RESTRICT)),
                ('old_name', fields.CharField(max_length=200)),
                ('new_name', fields.CharField(max_length=200)),
                ('changed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('changed_by_id', fields.IntField(null=True)),
                ('source', fields.CharField(default='console', max_length=16)),
            ],
            options={'table': 'subject_name_change', 'app': 'credit', 'indexes': [Index(fields=['subject_id', 'changed_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Subject',
            name='legal_representative',
            field=fields.CharField(default='', max_length=100),
        ),
        ops.AddField(
            model_name='Subject',
            name='licence_no',
            field=fields.CharField(default='', max_length=100),
        ),
    ]
