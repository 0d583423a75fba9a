"""PostgreSQL connections go back to the pool without asyncpg's reset statement
(credit.core.pg_backend): one round trip per query, and no state leaks between requests
because the application leaves none on a connection."""

from __future__ import annotations

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from credit.core.pg_backend import NoResetConnection, PostgresClient


async def test_the_pool_sends_no_reset_statement(db: str) -> None:
    if db != "postgres":
        pytest.skip("asyncpg's pool is PostgreSQL's")
    client = connections.get("default")
    assert isinstance(client, PostgresClient)
    async with client.acquire_connection() as conn:
        assert isinstance(conn, NoResetConnection)
        assert conn.get_reset_query() == ""


async def test_transaction_state_does_not_outlive_the_transaction(db: str) -> None:
    if db != "postgres":
        pytest.skip("asyncpg's pool is PostgreSQL's")
    # given: settings and a lock taken the only ways the application takes them
    async with in_transaction() as conn:
        await conn.execute_query("SET LOCAL statement_timeout = 4321")
        await conn.execute_query("SELECT pg_advisory_xact_lock(987654)")
    # then: the next users of the pool see neither
    for _ in range(10):
        _, rows = await connections.get("default").execute_query("SHOW statement_timeout")
        assert rows[0][0] != "4321ms"
        _, rows = await connections.get("default").execute_query(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 987654"
        )
        assert rows[0][0] == 0
