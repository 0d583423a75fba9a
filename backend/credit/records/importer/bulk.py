"""Bulk reads and writes without model instances: keys in chunks for IN (…) queries, rows
inserted by COPY (PostgreSQL) or batched INSERTs (SQLite), generated ids re-read by their
natural keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from itertools import repeat
from operator import itemgetter
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


async def new_ids(conn: BaseDBAsyncClient, model: type[Model], n: int) -> list[int] | None:
    """PostgreSQL: `n` ids taken from the table's sequence, in order, so that rows are
    copied with their ids and nothing has to be read back (the ids are those the inserts
    would have drawn). None on SQLite (its rows get their ids on insert)."""
    if conn.capabilities.dialect != "postgres":
        return None
    if n == 0:
        return []
    table = model._meta.db_table
    sql = f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, $1)"
    return [r[0] for r in (await conn.execute_query(sql, [n]))[1]]


async def insert(conn: BaseDBAsyncClient, model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert many rows given as dicts of the model's field names (every row the same keys)."""
    if rows:
        names = list(rows[0])
        values = itemgetter(*names)  # a tuple per row, in C (a scalar for one name)
        tuples = [values(row) for row in rows] if len(names) > 1 else [(r[names[0]],) for r in rows]
        await insert_tuples(conn, model, names, tuples)


async def insert_tuples(
    conn: BaseDBAsyncClient, model: type[Model], names: Sequence[str], rows: list[tuple]
) -> None:
    """Insert many rows without model instances (building tens of thousands of Tortoise
    instances costs seconds): COPY on PostgreSQL, in the caller's transaction, batched
    INSERTs on SQLite. `rows` are tuples in the order of `names`, the model's field names,
    with values as Tortoise stores them once converted: enums (by value), JSON (by the
    field's own encoder), aware times. Columns with a default are given explicitly."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.fields_db_projection[n] for n in names]
    rows = _stored(model, names, rows)
    if conn.capabilities.dialect == "postgres":
        # COPY: an order of magnitude faster than row-by-row INSERTs, same transaction.
        async with conn.acquire_connection() as connection:
            await connection.copy_records_to_table(meta.db_table, records=rows, columns=columns)
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})'
    for chunk in chunks(rows, BATCH):
        await conn.execute_many(sql, list(chunk))


def _stored(model: type[Model], names: Sequence[str], rows: list[tuple]) -> list[tuple]:
    """The values as Tortoise stores them: JSON by the field's own encoder, enums by value
    (in any column). Column by column, so that a column without either costs one C pass."""
    columns = list(zip(*rows, strict=True))
    changed = False
    for i, name in enumerate(names):
        f = model._meta.fields_map[name]
        if isinstance(f, fields.JSONField):
            columns[i] = tuple(f.to_db_value(v, model) for v in columns[i])
            changed = True
        elif any(map(isinstance, columns[i], repeat(Enum))):
            columns[i] = tuple(v.value if isinstance(v, Enum) else v for v in columns[i])
            changed = True
    return list(zip(*columns, strict=True)) if changed else rows
