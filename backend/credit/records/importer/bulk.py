"""Bulk reads and writes without model instances: keys in chunks for IN (…) queries, rows
inserted by COPY (PostgreSQL) or batched INSERTs (SQLite), generated ids re-read by their
natural keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

CHUNK = 500  # keys per IN (…) query
BATCH = 1000  # rows per bulk insert statement


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


async def ids_by(
    query: Callable[[Sequence[Any]], Any], keys: Sequence[Any], key: Callable[[tuple], Any]
) -> dict[Any, int]:
    """Re-read generated ids by natural keys (bulk inserts do not return them)."""
    out: dict[Any, int] = {}
    for chunk in chunks(keys):
        for values in await query(chunk):
            out[key(values)] = values[0]
    return out


async def insert(conn: BaseDBAsyncClient, model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert many rows without model instances (building tens of thousands of Tortoise
    instances costs seconds): COPY on PostgreSQL, batched INSERTs on SQLite. Every row has
    the same keys, the model's field names, with values as Tortoise stores them: enums by
    value, JSON by the field's own encoder, aware times. Columns with a default are given
    explicitly."""
    if not rows:
        return
    meta = model._meta
    names = list(rows[0])
    columns = [meta.fields_db_projection[n] for n in names]
    encoders = {
        n: meta.fields_map[n].to_db_value
        for n in names
        if isinstance(meta.fields_map[n], fields.JSONField)
    }

    def stored(name: str, value: Any) -> Any:
        if name in encoders:
            return encoders[name](value, model)
        return value.value if isinstance(value, Enum) else value

    values = [tuple(stored(n, row[n]) for n in names) for row in rows]
    if conn.capabilities.dialect == "postgres":
        # COPY: an order of magnitude faster than row-by-row INSERTs, same transaction.
        async with conn.acquire_connection() as connection:
            await connection.copy_records_to_table(meta.db_table, records=values, columns=columns)
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})'
    for chunk in chunks(values, BATCH):
        await conn.execute_many(sql, list(chunk))
