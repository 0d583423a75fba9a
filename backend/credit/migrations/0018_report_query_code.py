from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('credit', '0017_listing_decision')]

    initial = False

    operations = [
        ops.AddField(
            model_name='PublicReport',
            name='query_code_hash',
            field=fields.CharField(max_length=64, null=True),
        ),
    ]
