"""Tortoise configuration, and the start/stop used by the app's lifespan and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections

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
    "credit.workflows.models",
]


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    url = database_url or get_settings().database_url
    return {
        "connections": {"default": url},
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
    # Global fallback: the lifespan task inits, request tasks (other contexts) query.
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def migrate_db(settings: Settings | None = None) -> None:
    """Apply the committed migrations (never generate_schemas outside tests)."""
    from tortoise.migrations.api.migrate import migrate

    from credit.core.policy_seed import ensure_policies

    settings = settings or get_settings()
    ensure_data_dir(settings)
    await migrate(config=tortoise_config(settings.database_url))
    await close_db()
    # Reference data every deployment needs: the policies the seeds define.
    await init_db(settings)
    await ensure_policies()


def dialect() -> str:
    return connections.get("default").capabilities.dialect
