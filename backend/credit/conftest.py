"""Test fixtures: a real database (PostgreSQL or SQLite, from TEST_DATABASE_URL) migrated
with the committed migrations, a real cache (Redis when TEST_REDIS_URL is set), and
clients that call the ASGI app in-process.

`make test` runs the suite twice: on PostgreSQL + Redis, and on the embedded default.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from tortoise import connections

from credit.core import clock
from credit.core.cache import Cache, start_cache, stop_cache
from credit.core.settings import BACKEND_DIR, Settings, override_settings

DEFAULT_TEST_DB = "postgres://postgres@127.0.0.1:5432/test"


def _test_settings() -> Settings:
    url = os.environ.get("TEST_DATABASE_URL", DEFAULT_TEST_DB)
    env = {
        "DATABASE_URL": url,
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", ""),
        "SECRET_KEY": "test-secret-key-not-for-production",
        "STATIC_DIR": str(BACKEND_DIR / "credit" / "tests_static"),
    }
    return Settings.from_env(env)


def pytest_report_header(config: pytest.Config) -> str:
    s = _test_settings()
    return f"database: {s.database_url}  cache: {s.redis_url or 'in-memory'}"


@pytest.fixture(scope="session")
def settings() -> Settings:
    s = _test_settings()
    override_settings(s)
    from credit.accounts.crypto import reset_key_cache

    reset_key_cache()
    return s


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[str]:
    """The test database, emptied and migrated once per session."""
    from credit.api.wiring import wire
    from credit.core.db import close_db, migrate_db
    from credit.core.dbreset import reset_database
    from credit.policies.seed import ensure_policies

    await reset_database(settings.database_url, create=True)
    await migrate_db(settings)
    await ensure_policies()
    wire()  # as the schema does: tests also run the domains' services without it
    yield connections.get("default").capabilities.dialect
    await close_db()


async def truncate_all() -> None:
    conn = connections.get("default")
    from tortoise import Tortoise

    tables = [m._meta.db_table for m in Tortoise.apps.get_models_iterable()]
    if conn.capabilities.dialect == "postgres":
        # The append-only trails refuse TRUNCATE (migration 0010) to everyone; the suite's
        # superuser empties them in replica mode, which skips ordinary triggers. The
        # application's own role can set neither (README, "Database roles").
        await conn.execute_script(
            "BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE "
            + ", ".join(f'"{t}"' for t in tables)
            + " RESTART IDENTITY CASCADE; COMMIT;"
        )
    else:
        await conn.execute_script("PRAGMA foreign_keys = OFF;")
        for t in tables:
            await conn.execute_script(f'DELETE FROM "{t}";')
        await conn.execute_script("PRAGMA foreign_keys = ON;")


@pytest.fixture
async def db(database: str) -> AsyncIterator[str]:
    """An empty, migrated database with the reference policies loaded."""
    from credit.policies.seed import ensure_policies

    await truncate_all()
    await ensure_policies()
    clock.freeze(None)
    yield database
    clock.freeze(None)


@pytest.fixture
async def cache(settings: Settings) -> AsyncIterator[Cache]:
    c = start_cache(settings.redis_url)
    await c.clear_for_tests()
    yield c
    await stop_cache()


@pytest.fixture
async def app_client(db: str, cache: Cache, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the real ASGI app (routes, middleware, GraphQL), in-process.
    The app's lifespan is not run: the session already holds the database and cache."""
    from credit.app import create_app

    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def gql(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, **kw: Any
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, **kw
    )
    assert response.status_code == 200, response.text
    return response.json()


def at(text: str) -> datetime:
    """An instant in the bureau's zone: at('2026-10-01 09:00')."""
    return datetime.fromisoformat(text).replace(tzinfo=clock.TZ)


LOGIN = """
mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    csrfToken me { username permissions } errors { code message field }
  }
}
"""


async def sign_in(
    client: httpx.AsyncClient, username: str, password: str = "Correct-Horse-1"
) -> str:
    """Sign `client` in (it keeps the session cookie) and set its CSRF header."""
    body = await gql(client, LOGIN, {"u": username, "p": password})
    payload = body["data"]["login"]
    assert payload["errors"] == [], payload["errors"]
    client.headers["x-csrf-token"] = payload["csrfToken"]
    return payload["csrfToken"]


@pytest.fixture
async def make_client(db: str, cache: Cache, settings: Settings) -> AsyncIterator[Any]:
    """Factory of independent clients (each with its own cookies) on one app instance."""
    from credit.app import create_app

    app = create_app(settings)
    clients: list[httpx.AsyncClient] = []

    def factory(**kw: Any) -> httpx.AsyncClient:
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver", **kw
        )
        clients.append(client)
        return client

    yield factory
    for c in clients:
        await c.aclose()
