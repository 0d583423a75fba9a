from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('credit', '0010_append_only_trails')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Unit',
            name='is_active',
            field=fields.BooleanField(default=True),
        ),
        ops.AddField(
            model_name='District',
            name='is_active',
            field=fields.BooleanField(default=True),
        ),
        ops.AddField(
            model_name='User',
            name='must_change_password',
            field=fields.BooleanField(default=False),
        ),
    ]
