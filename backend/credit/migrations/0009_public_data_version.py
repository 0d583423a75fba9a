"""The public data version (credit.core.dataversion): one row, bumped in the same
transaction as every change the public can see; the public cache is keyed on it."""

import time

from tortoise import migrations
from tortoise.migrations import operations as ops


async def forward(apps, schema_editor) -> None:
    client = schema_editor.client
    await client.execute_script(
        "CREATE TABLE IF NOT EXISTS public_data_version "
        "(id INT NOT NULL PRIMARY KEY, version BIGINT NOT NULL);"
    )
    # Start at the wall clock (microseconds), like every bump: a database created afresh
    # never reuses a version an earlier database's answers were cached under.
    await client.execute_script(
        "INSERT INTO public_data_version (id, version) "
        f"VALUES (1, {time.time_ns() // 1000}) ON CONFLICT (id) DO NOTHING;"
    )


async def backward(apps, schema_editor) -> None:
    await schema_editor.client.execute_script("DROP TABLE IF EXISTS public_data_version;")


class Migration(migrations.Migration):
    dependencies = [('credit', '0006_audit_jurisdiction')]

    operations = [ops.RunPython(forward, backward)]
