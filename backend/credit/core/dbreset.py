"""Drop everything in a database: for tests and the e2e server, never for production."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import asyncpg


def _dsn(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def _remove_sqlite(path: str) -> None:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)


async def reset_database(url: str, *, create: bool = False) -> None:
    if url.startswith("sqlite://"):
        _remove_sqlite(url.removeprefix("sqlite://"))
        return
    if create:
        await create_database_if_missing(url)
    conn = await asyncpg.connect(_dsn(url))
    try:
        await conn.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


async def create_database_if_missing(url: str) -> None:
    parsed = urlparse(_dsn(url))
    name = parsed.path.lstrip("/")
    admin = await asyncpg.connect(_dsn(url).replace(f"/{name}", "/postgres", 1))
    try:
        if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
