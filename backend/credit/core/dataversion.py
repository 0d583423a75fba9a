"""The version of the public data, kept in the database (one row, table
`public_data_version`), so a cached public answer can be keyed on it.

Every transaction that changes what the public can see bumps it before it commits, in the
same transaction: readers see the new version exactly when they can see the new data, and
no cache state (Redis restored from an old file, flushed, or an invalidation lost on the
way) can bring an old answer back, because old answers sit under old versions.

The new value is max(version + 1, wall-clock microseconds), and a new database starts at
the wall clock: after a database re-created, or restored from a backup, the next change
still gets a version no earlier answer was stored under.

Lock order: the version row is always the LAST lock a transaction takes (bump just before
commit), so it cannot take part in a deadlock; writers queue on it only for their commit.
"""

from __future__ import annotations

import time

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import replica

TABLE = "public_data_version"

_BUMP = {
    "postgres": (
        f"INSERT INTO {TABLE} (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE "
        f"SET version = GREATEST({TABLE}.version + 1, EXCLUDED.version)"
    ),
    "sqlite": (
        f"INSERT INTO {TABLE} (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE "
        f"SET version = MAX({TABLE}.version + 1, excluded.version)"
    ),
}


async def current(conn: BaseDBAsyncClient | None = None) -> int:
    """One primary-key read; in a public read, from the database the answer will come
    from (the replica when it is used: credit.core.replica)."""
    client = conn or replica.read_connection()
    _, rows = await client.execute_query(f"SELECT version FROM {TABLE} WHERE id = 1")
    return int(rows[0][0]) if rows else 0


async def bump(conn: BaseDBAsyncClient) -> None:
    """Call inside the transaction that changes public data, as its last statement."""
    await conn.execute_query(_BUMP[conn.capabilities.dialect], [time.time_ns() // 1000])
