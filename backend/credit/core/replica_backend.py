"""The replica's Tortoise engine: asyncpg, and a read that fails on the replica is run again
on the primary (during a public read only), so a replica that stops, restarts or cancels a
query for recovery conflicts costs no failed answer. Named as the replica connection's
"engine" by credit.core.db.tortoise_config."""

from __future__ import annotations

from typing import Any

from tortoise import connections

from credit.core import replica
from credit.core.pg_backend import PostgresClient


class ReplicaClient(PostgresClient):  # no reset per query either
    async def execute_query(self, query: str, values: list | None = None) -> Any:
        try:
            return await super().execute_query(query, values)
        except Exception:
            if not replica.in_public_read():
                raise
            replica.monitor().mark_failed()
            return await connections.get("default").execute_query(query, values)

    async def execute_query_dict(self, query: str, values: list | None = None) -> Any:
        try:
            return await super().execute_query_dict(query, values)
        except Exception:
            if not replica.in_public_read():
                raise
            replica.monitor().mark_failed()
            return await connections.get("default").execute_query_dict(query, values)


client_class = ReplicaClient
