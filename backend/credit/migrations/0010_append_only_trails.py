"""The trails every answer is computed from, made append-only on PostgreSQL (no-op on
SQLite, the embedded single-user default):
- audit_event: TRUNCATE refused too (0002 refuses UPDATE and DELETE row by row, which a
  TRUNCATE never meets), by a statement-level trigger;
- record_transition (the history every evaluation is computed from): UPDATE, DELETE and
  TRUNCATE refused.
Triggers bind everyone, the owner included; only the owner can disable them, which is why
production runs the application as a role that owns nothing (README, "Database roles").
Maintenance that must empty the tables (the test suite) runs as a superuser with
session_replication_role = replica, which the application role cannot set."""

from tortoise import migrations
from tortoise.migrations import operations as ops

FUNCTION = """
CREATE OR REPLACE FUNCTION credit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGERS = """
CREATE TRIGGER audit_event_no_truncate
BEFORE TRUNCATE ON audit_event
FOR EACH STATEMENT EXECUTE FUNCTION credit_append_only();
CREATE TRIGGER record_transition_append_only
BEFORE UPDATE OR DELETE ON record_transition
FOR EACH ROW EXECUTE FUNCTION credit_append_only();
CREATE TRIGGER record_transition_no_truncate
BEFORE TRUNCATE ON record_transition
FOR EACH STATEMENT EXECUTE FUNCTION credit_append_only();
"""


async def forward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    await client.execute_script(FUNCTION)
    await client.execute_script(TRIGGERS)


async def backward(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "postgres":
        return
    await client.execute_script(
        "DROP TRIGGER IF EXISTS record_transition_no_truncate ON record_transition;"
        "DROP TRIGGER IF EXISTS record_transition_append_only ON record_transition;"
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;"
        "DROP FUNCTION IF EXISTS credit_append_only();"
    )


class Migration(migrations.Migration):
    dependencies = [('credit', '0009_public_data_version')]

    operations = [ops.RunPython(forward, backward)]
