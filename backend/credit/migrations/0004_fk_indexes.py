from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('credit', '0003_workflows')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='CreditRecord',
            index=Index(fields=['subject_id']),
        ),
        ops.AddIndex(
            model_name='Decision',
            index=Index(fields=['subject_id']),
        ),
        ops.AddIndex(
            model_name='ListEntry',
            index=Index(fields=['subject_id']),
        ),
        ops.AddIndex(
            model_name='RecordTransition',
            index=Index(fields=['record_id']),
        ),
        ops.AddIndex(
            model_name='Sanction',
            index=Index(fields=['violation_id']),
        ),
    ]
