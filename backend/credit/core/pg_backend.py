"""The application's PostgreSQL engine: Tortoise's asyncpg client, whose pooled connections
skip asyncpg's reset statement on release (`SELECT pg_advisory_unlock_all(); CLOSE ALL;
UNLISTEN *; RESET ALL;`). Tortoise acquires a connection for every query outside a
transaction, so the reset doubled the round trips of every read (measured: a cold public
lookup made 8 transactions for 4 queries, and PostgreSQL spent half its time on resets).

Invariant that makes this safe: the application leaves no session state on a connection.
It sets nothing for the session (only `SET LOCAL`, inside a transaction), never LISTENs,
takes only transaction-scoped advisory locks (`pg_advisory_xact_lock`), and declares no
cursor WITH HOLD. asyncpg still rolls back a transaction left open and drops its listener
callbacks on release (`Connection._reset`); only the SQL statement is skipped.

Named as the engine of PostgreSQL connections by credit.core.db.tortoise_config.
"""

from __future__ import annotations

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient


class NoResetConnection(asyncpg.connection.Connection):
    def get_reset_query(self) -> str:
        return ""


class PostgresClient(AsyncpgDBClient):
    connection_class = NoResetConnection


client_class = PostgresClient
