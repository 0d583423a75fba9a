from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('credit', '0005_outbox_jurisdiction')]

    initial = False

    operations = [
        ops.AddField(
            model_name='AuditEvent',
            name='jurisdiction_id',
            field=fields.IntField(null=True, db_index=True),
        ),
    ]
