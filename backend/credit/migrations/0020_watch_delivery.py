"""Webhook delivery of watch events (credit.watches.delivery): each partner token's
webhook, one delivery per (token, event), and the log of attempts."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from credit.watches.delivery.models import AttemptOutcome, DeliveryStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


class Migration(migrations.Migration):
    dependencies = [('credit', '0019_watches')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WatchWebhook',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.OneToOneField('credit.ApiToken', source_field='token_id', db_constraint=True, to_field='id', related_name='watch_webhook', on_delete=OnDelete.CASCADE)),
                ('url', fields.CharField(max_length=500)),
                ('secret_cipher', fields.TextField(unique=False)),
                ('cursor', fields.BigIntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('secret_rotated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'watch_webhook', 'app': 'credit', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WatchDelivery',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.ForeignKeyField('credit.ApiToken', source_field='token_id', db_constraint=True, to_field='id', related_name='watch_deliveries', on_delete=OnDelete.CASCADE)),
                ('event', fields.ForeignKeyField('credit.WatchEvent', source_field='event_id', db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('position', fields.BigIntField()),
                ('uscc', fields.CharField(max_length=18)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: PENDING\nDELIVERED: DELIVERED\nFAILED: FAILED', enum_type=DeliveryStatus, max_length=12)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('first_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_status_code', fields.IntField(null=True)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'watch_delivery', 'app': 'credit', 'unique_together': (('token', 'event'),), 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['token_id', 'uscc', 'position']), Index(fields=['token_id', 'position'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WatchDeliveryAttempt',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('delivery', fields.ForeignKeyField('credit.WatchDelivery', source_field='delivery_id', db_constraint=True, to_field='id', related_name='attempt_log', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('outcome', fields.CharEnumField(default=AttemptOutcome.IN_FLIGHT, description='IN_FLIGHT: IN_FLIGHT\nDELIVERED: DELIVERED\nERROR: ERROR\nABANDONED: ABANDONED', enum_type=AttemptOutcome, max_length=12)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('status_code', fields.IntField(null=True)),
                ('error', fields.TextField(default='', unique=False)),
                ('duration_ms', fields.IntField(null=True)),
            ],
            options={'table': 'watch_delivery_attempt', 'app': 'credit', 'indexes': [Index(fields=['delivery_id', 'number'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
