"""`make test` pre-flight: PostgreSQL and Redis must be running. Never skip them silently."""

from __future__ import annotations

import asyncio
import os
import sys

import asyncpg
import redis.asyncio as redis

PG_HINT = (
    "Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
    "  (or point TEST_DATABASE_URL at a PostgreSQL database you may drop and recreate)"
)
REDIS_HINT = (
    "Start it: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' "
    "--appendonly no\n  (or point TEST_REDIS_URL at a Redis you may use)"
)


async def _check() -> list[str]:
    problems: list[str] = []
    pg = os.environ.get("TEST_DATABASE_URL", "")
    rd = os.environ.get("TEST_REDIS_URL", "")
    dsn = "postgresql://" + pg.split("://", 1)[1]
    try:
        try:
            conn = await asyncpg.connect(dsn, timeout=5)
        except asyncpg.InvalidCatalogNameError:
            # The server is up; the test fixture creates the database itself.
            name = dsn.rsplit("/", 1)[1].split("?", 1)[0]
            conn = await asyncpg.connect(dsn.replace(f"/{name}", "/postgres", 1), timeout=5)
        await conn.close()
    except Exception as exc:
        problems.append(f"PostgreSQL is not reachable at {pg}: {exc}\n  {PG_HINT}")
    try:
        client = redis.from_url(rd, socket_connect_timeout=5)
        await client.ping()
        await client.aclose()
    except Exception as exc:
        problems.append(f"Redis is not reachable at {rd}: {exc}\n  {REDIS_HINT}")
    return problems


def main() -> int:
    problems = asyncio.run(_check())
    for p in problems:
        print("ERROR:", p, file=sys.stderr)
    if not problems:
        print("PostgreSQL and Redis are up.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
