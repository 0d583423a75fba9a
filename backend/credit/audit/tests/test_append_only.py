"""The audit trail and the record history are append-only on PostgreSQL, for every role
(the owner included), and production runs the application as a role that owns nothing,
so the application cannot disable the triggers that make them so."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from urllib.parse import urlparse

import asyncpg
import pytest
from tortoise import connections
from tortoise.exceptions import OperationalError, TransactionManagementError

from credit.accounts.actor import Actor, ActorKind
from credit.audit.models import AuditEvent
from credit.audit.services import record_event
from credit.core import clock
from credit.core.dbreset import _dsn, create_database_if_missing
from credit.core.settings import BACKEND_DIR, Settings
from credit.records.models import RecordTransition
from credit.records.services import RecordInput, create_record
from credit.testing import decision_no, make_subject

REFUSED = (OperationalError, TransactionManagementError)


def _postgres_only(db: str) -> None:
    if db != "postgres":
        pytest.skip("the append-only triggers are PostgreSQL's; SQLite is the embedded default")


async def test_nobody_truncates_the_audit_trail(db: str) -> None:
    _postgres_only(db)
    event = await record_event(None, Actor(kind=ActorKind.USER, username="u"), "x.y")
    with pytest.raises(REFUSED, match="append-only"):
        await connections.get("default").execute_script("TRUNCATE audit_event;")
    assert await AuditEvent.filter(id=event.id).exists()


async def test_the_record_history_is_append_only(db: str) -> None:
    _postgres_only(db)
    subject = await make_subject()
    record = await create_record(
        subject,
        RecordInput(
            type="watch_list_case",
            occurred_on=clock.today(),
            summary="x",
            situation_code="s08",
            decision_no=decision_no(),
            decision_date=clock.today(),
            issuing_unit="公安局",
        ),
        None,
    )
    (t,) = await RecordTransition.filter(record_id=record.id)
    conn = connections.get("default")
    for sql in (
        f"UPDATE record_transition SET to_status = 'published' WHERE id = {t.id}",
        f"DELETE FROM record_transition WHERE id = {t.id}",
        "TRUNCATE record_transition",
        "TRUNCATE credit_record CASCADE",  # reaches the history through the cascade
    ):
        with pytest.raises(REFUSED, match="append-only"):
            await conn.execute_script(sql)
    assert (await RecordTransition.get(id=t.id)).to_status == "draft"


# --- the application's database role ------------------------------------------------------


def _with_user(url: str, user: str, database: str) -> str:
    parsed = urlparse(url)
    return f"postgres://{user}@{parsed.hostname}:{parsed.port or 5432}/{database}"


@pytest.fixture
async def app_role(settings: Settings, db: str) -> AsyncIterator[tuple[str, str]]:
    """A fresh database migrated by `credit migrate` as the owner (MIGRATION_DATABASE_URL)
    for an application role (DATABASE_URL) created here, named after the test database so
    that parallel sessions on one cluster never share it. Dropped afterwards."""
    _postgres_only(db)
    base = urlparse(settings.database_url).path.lstrip("/")
    database, role = f"{base}_roles", f"{base}_app"
    owner_url = _with_user(settings.database_url, "postgres", database)
    app_url = _with_user(settings.database_url, role, database)
    admin = await asyncpg.connect(_dsn(_with_user(settings.database_url, "postgres", "postgres")))
    await admin.execute(f'DROP DATABASE IF EXISTS "{database}"')
    if await admin.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role):
        await admin.execute(f'DROP ROLE "{role}"')
    await admin.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE')
    try:
        await create_database_if_missing(owner_url)
        env = {
            **os.environ,
            "MIGRATION_DATABASE_URL": owner_url,
            "DATABASE_URL": app_url,
            "REDIS_URL": "",
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "credit",
            "migrate",
            cwd=BACKEND_DIR,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await proc.communicate()
        assert proc.returncode == 0, stderr.decode()
        yield app_url, role
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.execute(f'DROP ROLE IF EXISTS "{role}"')
        await admin.close()


async def test_the_application_role_owns_nothing_and_cannot_lift_the_protection(
    app_role: tuple[str, str],
) -> None:
    app_url, role = app_role
    conn = await asyncpg.connect(_dsn(app_url))
    try:
        assert await conn.fetchval("SELECT current_user") == role
        owned = await conn.fetchval(
            "SELECT count(*) FROM pg_class WHERE relowner = "
            "(SELECT oid FROM pg_roles WHERE rolname = current_user)"
        )
        assert owned == 0
        # what the application does: read, write, and append to the trails
        assert await conn.fetchval("SELECT count(*) FROM policy") >= 2  # seeded by migrate
        event_id = await conn.fetchval(
            "INSERT INTO audit_event (at, actor_username, unit_code, role, action, object_type,"
            " object_id, request_id, client_addr) VALUES (now(), 'u', '', '', 'x.y', '', '', '',"
            " '') RETURNING id"
        )
        await conn.execute("UPDATE jurisdiction SET name = name")
        # what it cannot do
        for sql in (
            "ALTER TABLE audit_event DISABLE TRIGGER ALL",
            "ALTER TABLE record_transition DISABLE TRIGGER USER",
            "DROP TRIGGER audit_event_append_only ON audit_event",
            "SET session_replication_role = replica",
            "TRUNCATE audit_event",
            "TRUNCATE record_transition",
            f"DELETE FROM audit_event WHERE id = {event_id}",
            f"UPDATE audit_event SET action = 'tampered' WHERE id = {event_id}",
            "DELETE FROM record_transition",
            "CREATE TABLE intruder (id int)",
        ):
            with pytest.raises(asyncpg.PostgresError):
                await conn.execute(sql)
        assert await conn.fetchval("SELECT action FROM audit_event WHERE id = $1", event_id) == (
            "x.y"
        )
    finally:
        await conn.close()


def test_the_migration_url_defaults_to_the_application_url() -> None:
    one = Settings.from_env({"DATABASE_URL": "postgres://a@h/db"})
    assert one.migration_database_url == "postgres://a@h/db"
    two = Settings.from_env(
        {"DATABASE_URL": "postgres://app@h/db", "MIGRATION_DATABASE_URL": "postgresql://own@h/db"}
    )
    assert two.migration_database_url == "postgres://own@h/db"
