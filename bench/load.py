"""The bulk load of a fresh seed: rows built and copied by one process per core.

Each worker process builds a range of subjects (`bench.seed.build_chunk`, deterministic per
subject index) and COPYs it on its own connection, so rows never travel back to the parent
to be pickled and encoded a second time. Around the load the secondary indexes of the
loaded tables are dropped and rebuilt once (a B-tree built from sorted input, a GIN index
built in one pass, instead of ~50 million single-row insertions into them); the primary keys
stay. The sessions skip the WAL flush at commit and the per-row foreign-key triggers (rows
consistent by construction, `session_replication_role = replica`).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from typing import Any

import asyncpg

from bench import config

LOADED = ("subject", "decision", "violation", "sanction", "credit_record", "record_transition")

_INDEXES = """
SELECT i.indrelid::regclass::text AS tbl, i.indexrelid::regclass::text AS name,
       pg_get_indexdef(i.indexrelid) AS indexdef,
       (SELECT c.conname FROM pg_constraint c
        WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype = 'u')
         AS constraint_name,
       (SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
        WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype = 'u')
         AS constraintdef
FROM pg_index i
WHERE i.indrelid::regclass::text = ANY($1::text[]) AND NOT i.indisprimary
ORDER BY 1, 2
"""


async def drop_indexes(conn: asyncpg.Connection) -> list[dict[str, Any]]:
    """Drop the loaded tables' secondary indexes; returns what `rebuild_indexes` needs."""
    dropped = [dict(r) for r in await conn.fetch(_INDEXES, list(LOADED))]
    for ix in dropped:
        if ix["constraint_name"]:
            await conn.execute(
                f'ALTER TABLE "{ix["tbl"]}" DROP CONSTRAINT "{ix["constraint_name"]}"'
            )
        else:
            await conn.execute(f'DROP INDEX "{ix["name"]}"')
    return dropped


async def rebuild_indexes(dropped: list[dict[str, Any]], parallel: int) -> None:
    """Rebuild them, `parallel` at a time on separate connections, largest tables first
    mixed with small ones so that both connections stay busy."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for ix in dropped:
        queue.put_nowait(ix)

    async def builder() -> None:
        conn = await asyncpg.connect(config.dsn())
        try:
            await conn.execute("SET maintenance_work_mem = '512MB'")
            while not queue.empty():
                ix = queue.get_nowait()
                if ix["constraint_name"]:
                    await conn.execute(
                        f'ALTER TABLE "{ix["tbl"]}" ADD CONSTRAINT "{ix["constraint_name"]}" '
                        + ix["constraintdef"]
                    )
                else:
                    await conn.execute(ix["indexdef"])
        finally:
            await conn.close()

    await asyncio.gather(*(builder() for _ in range(max(1, parallel))))


# -- worker processes --------------------------------------------------------------------
_loop: asyncio.AbstractEventLoop | None = None
_conn: asyncpg.Connection | None = None


def _start_worker(dsn: str) -> None:
    global _loop, _conn
    _loop = asyncio.new_event_loop()
    _conn = _loop.run_until_complete(asyncpg.connect(dsn))
    _loop.run_until_complete(
        _conn.execute("SET synchronous_commit = off; SET session_replication_role = replica")
    )


def _load_chunk(
    lo: int,
    hi: int,
    today: date,
    now: datetime,
    places: dict[str, Any],
    tables: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[int, int]:
    """Build subjects lo..hi-1 and COPY their rows; returns (hi, records)."""
    from bench.seed import TRANSITIONS_SQL, build_rows

    assert _loop is not None and _conn is not None
    rows, n_records = build_rows(lo, hi, today, now, places)
    conn = _conn

    async def copy() -> None:
        async with conn.transaction():
            for table, cols in tables:
                if rows[table]:
                    await conn.copy_records_to_table(table, records=rows[table], columns=cols)
            await conn.execute(TRANSITIONS_SQL, lo + 1, hi)  # subject ids lo+1..hi

    _loop.run_until_complete(copy())
    return hi, n_records


def workers() -> int:
    return max(1, os.cpu_count() or 1)


async def load(
    n: int,
    chunk: int,
    today: date,
    now: datetime,
    places: dict[str, Any],
    tables: tuple[tuple[str, tuple[str, ...]], ...],
    progress: Callable[[int, int], None],
) -> int:
    """Subjects 0..n-1, `chunk` at a time, by one process per core; returns the records."""
    loop = asyncio.get_running_loop()
    bounds = [(lo, min(n, lo + chunk)) for lo in range(0, n, chunk)]
    records = 0
    with ProcessPoolExecutor(
        workers(),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(config.dsn(),),
    ) as pool:
        futures = [
            loop.run_in_executor(pool, _load_chunk, lo, hi, today, now, places, tables)
            for lo, hi in bounds
        ]
        for done, fut in enumerate(asyncio.as_completed(futures), start=1):
            _, n_records = await fut
            records += n_records
            progress(done * chunk if done < len(bounds) else n, records)
    return records


class CpuMeter:
    """CPU seconds spent on a step: this process, its reaped children (the pool's workers,
    once the pool is shut down) and the bench database's PostgreSQL backends (sampled
    twice a second; a backend that ends between samples loses its last half second). On a
    shared machine the wall time says how busy the others were; this says what the step
    costs."""

    def __init__(self) -> None:
        self._base: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._task: asyncio.Task[None] | None = None
        self._own = self._children = 0.0

    async def _backends(self, conn: asyncpg.Connection) -> dict[int, float]:
        from bench import procs

        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        return {r["pid"]: procs.cpu_seconds(r["pid"]) for r in rows}

    async def start(self) -> None:
        import time

        from bench import procs

        conn = await asyncpg.connect(config.dsn())
        self._base = await self._backends(conn)
        self._own = time.process_time()
        self._children = procs.children_cpu_seconds()

        async def sample() -> None:
            try:
                while True:
                    for pid, cpu in (await self._backends(conn)).items():
                        if cpu:
                            self._last[pid] = cpu
                    await asyncio.sleep(0.5)
            finally:
                await conn.close()

        self._task = asyncio.ensure_future(sample())

    async def stop(self) -> dict[str, float]:
        import contextlib
        import time

        from bench import procs

        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        python = time.process_time() - self._own + procs.children_cpu_seconds() - self._children
        postgres = sum(cpu - self._base.get(pid, 0.0) for pid, cpu in self._last.items())
        return {"python_cpu_s": round(python, 1), "postgres_cpu_s": round(postgres, 1)}
