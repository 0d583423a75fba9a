"""PostgreSQL-only extras (no-ops on SQLite):
- pg_trgm and a trigram index on subject names, for partial matches on Chinese names;
- a trigger that makes the audit trail append-only (refuses UPDATE and DELETE)."""

from tortoise import migrations
from tortoise.migrations import operations as ops

AUDIT_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
AUDIT_TRIGGER = """
CREATE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""


async def forward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    available = await client.execute_query_dict(
        "SELECT 1 AS ok FROM pg_available_extensions WHERE name = 'pg_trgm'"
    )
    if available:
        await client.execute_script("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
        await client.execute_script(
            "CREATE INDEX IF NOT EXISTS subject_name_trgm "
            "ON subject USING gin (name gin_trgm_ops);"
        )
    await client.execute_script(AUDIT_FUNCTION)
    await client.execute_script(AUDIT_TRIGGER)


async def backward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    await client.execute_script("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event;")
    await client.execute_script("DROP FUNCTION IF EXISTS audit_event_append_only();")
    await client.execute_script("DROP INDEX IF EXISTS subject_name_trgm;")


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial")]

    operations = [ops.RunPython(forward, backward)]
