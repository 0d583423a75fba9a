"""Tortoise configuration, and the start/stop used by the app's lifespan and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url

from credit.core import replica
from credit.core.replica import REPLICA
from credit.core.settings import Settings, get_settings

APP_LABEL = "credit"
MODEL_MODULES = [
    "credit.policies.models",
    "credit.subjects.models",
    "credit.accounts.models",
    "credit.records.models",
    "credit.lists.models",
    "credit.grades.models",
    "credit.audit.models",
    "credit.calendar.models",
    "credit.notices.models",
    "credit.outbox.models",
    "credit.casework.models",
    "credit.objections.models",
    "credit.repairs.models",
    "credit.reminders.models",
    "credit.reports.models",
    "credit.watches.models",
    "credit.commitments.models",
    "credit.associations.models",
    "credit.watches.delivery.models",
]


def _engine(url: str) -> str | dict[str, Any]:
    """PostgreSQL through credit.core.pg_backend (no reset statement per pooled query)."""
    conf = expand_db_url(url)
    if conf["engine"] != "tortoise.backends.asyncpg":
        return url
    conf["engine"] = "credit.core.pg_backend"
    return conf


def tortoise_config(database_url: str | None = None, replica_url: str = "") -> dict[str, Any]:
    """`replica_url`: a streaming standby that public reads may use (credit.core.replica);
    only the app's own workers pass it, never migrations."""
    url = database_url or get_settings().database_url
    connections_conf: dict[str, Any] = {"default": _engine(url)}
    extra: dict[str, Any] = {}
    if replica_url:
        replica_conf = expand_db_url(replica_url)
        replica_conf["engine"] = "credit.core.replica_backend"
        connections_conf[REPLICA] = replica_conf
        extra["routers"] = ["credit.core.replica.ReplicaRouter"]
    return {
        "connections": connections_conf,
        **extra,
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "credit.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def ensure_data_dir(settings: Settings) -> None:
    """SQLite cannot create the folder of its file (and aiosqlite then waits forever)."""
    if settings.is_embedded:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path = settings.database_url.removeprefix("sqlite://")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


async def init_db(settings: Settings | None = None) -> None:
    settings = settings or get_settings()
    ensure_data_dir(settings)
    replica.configure(settings.database_replica_url, settings.replica_max_lag_s)
    config = tortoise_config(settings.database_url, settings.database_replica_url)
    # Global fallback: the lifespan task inits, request tasks (other contexts) query.
    await Tortoise.init(config=config, _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def migrate_db(settings: Settings | None = None) -> None:
    """Apply the committed migrations (never generate_schemas outside tests)."""
    from tortoise.migrations.api.migrate import migrate

    settings = settings or get_settings()
    ensure_data_dir(settings)
    owner_url = settings.migration_database_url or settings.database_url
    await migrate(config=tortoise_config(owner_url))
    await close_db()
    if owner_url != settings.database_url and not settings.is_embedded:
        await grant_application_role(owner_url, settings.database_url)
    # Leaves Tortoise initialised on the application's URL: the caller loads the reference
    # data next (credit.policies.seed.ensure_policies; core knows no domain).
    await init_db(settings)


def dialect() -> str:
    return connections.get("default").capabilities.dialect


# Tables the application may only read and append to (migration 0010 also refuses
# UPDATE/DELETE/TRUNCATE there to every role, by triggers the application cannot disable).
APPEND_ONLY_TABLES = ("audit_event", "record_transition")


async def grant_application_role(owner_url: str, app_url: str) -> None:
    """As the owner: give the application's role (the user of `app_url`) exactly what the
    application does, on every table and sequence, and nothing it could use to rewrite the
    trails: no ownership, no TRUNCATE, no REFERENCES/TRIGGER, no DDL. Re-run after every
    migration, so new tables are covered."""
    import asyncpg

    from credit.core.dbreset import _dsn

    role = urlparse(app_url).username
    if not role or role == urlparse(owner_url).username:
        return
    conn = await asyncpg.connect(_dsn(owner_url))
    try:
        quoted = await conn.fetchval("SELECT quote_ident($1)", role)
        append_only = ", ".join(APPEND_ONLY_TABLES)
        await conn.execute(
            f"""
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted};
            REVOKE CREATE ON SCHEMA public FROM {quoted};
            GRANT USAGE ON SCHEMA public TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            REVOKE UPDATE, DELETE ON {append_only} FROM {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            """
        )
    finally:
        await conn.close()
