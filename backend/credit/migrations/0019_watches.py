"""Partners watch subjects (credit.watches): watches, change events, the last public
snapshot of each watched subject, and the one-row position counter of the events."""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from credit.watches.models import WatchEventKind
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


async def counter_forward(apps, schema_editor) -> None:
    # The cursor of the change events: one row, updated under its row lock (see
    # credit.watches.models for the commit-order invariant).
    client = schema_editor.client
    await client.execute_script(
        "CREATE TABLE IF NOT EXISTS watch_event_counter "
        "(id INT NOT NULL PRIMARY KEY, last BIGINT NOT NULL);"
    )
    await client.execute_script(
        "INSERT INTO watch_event_counter (id, last) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;"
    )


async def counter_backward(apps, schema_editor) -> None:
    await schema_editor.client.execute_script("DROP TABLE IF EXISTS watch_event_counter;")


class Migration(migrations.Migration):
    dependencies = [('credit', '0018_report_query_code')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Watch',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.ForeignKeyField('credit.ApiToken', source_field='token_id', db_constraint=True, to_field='id', related_name='watches', on_delete=OnDelete.CASCADE)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='watches', on_delete=OnDelete.CASCADE)),
                ('uscc', fields.CharField(max_length=18)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'watch', 'app': 'credit', 'unique_together': (('token', 'subject'),), 'indexes': [Index(fields=['subject_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WatchEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('position', fields.BigIntField(unique=True)),
                ('event_id', fields.UUIDField(unique=True)),
                ('subject', fields.ForeignKeyField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='watch_events', on_delete=OnDelete.CASCADE)),
                ('uscc', fields.CharField(max_length=18)),
                ('kind', fields.CharEnumField(description='LIST_ENTRY_ADDED: LIST_ENTRY_ADDED\nLIST_ENTRY_ENDED: LIST_ENTRY_ENDED\nGRADE_CHANGED: GRADE_CHANGED\nRECORD_PUBLISHED: RECORD_PUBLISHED\nRECORD_REVOKED: RECORD_REVOKED\nRECORD_REPAIRED: RECORD_REPAIRED\nRECORD_PUBLIC_WINDOW_ENDED: RECORD_PUBLIC_WINDOW_ENDED', enum_type=WatchEventKind, max_length=32)),
                ('before', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('after', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('effective_date', fields.DateField()),
                ('reasons', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'watch_event', 'app': 'credit', 'indexes': [Index(fields=['subject_id', 'position'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WatchSnapshot',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subject', fields.OneToOneField('credit.Subject', source_field='subject_id', db_constraint=True, to_field='id', related_name='watch_snapshot', on_delete=OnDelete.CASCADE)),
                ('snapshot', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('taken_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'watch_snapshot', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.RunPython(counter_forward, counter_backward),
    ]
