"""A transaction PostgreSQL aborts for a deadlock or a serialization failure is re-run a
bounded number of times, then reported as a conflict (mutations answer CONFLICT)."""

from __future__ import annotations

import asyncio

import pytest
from tortoise.transactions import in_transaction

from credit.apicore.retry import MAX_ATTEMPTS, TransactionConflict, with_retries
from credit.subjects.models import Jurisdiction

LOCK = "SELECT id FROM jurisdiction WHERE id = $1 FOR UPDATE"


def _postgres_only(db: str) -> None:
    if db != "postgres":
        pytest.skip("row locks and deadlock detection are PostgreSQL's (SQLite has one writer)")


async def test_a_real_deadlock_is_retried_and_both_sides_succeed(db: str) -> None:
    _postgres_only(db)
    a = await Jurisdiction.create(code="ja", name="A", policy_code="wugang-2021")
    b = await Jurisdiction.create(code="jb", name="B", policy_code="wugang-2021")
    attempts = {"ab": 0, "ba": 0}
    holding = {"ab": asyncio.Event(), "ba": asyncio.Event()}

    def side(name: str, first: int, second: int, other: str):
        async def attempt() -> str:
            attempts[name] += 1
            async with in_transaction() as conn:
                await conn.execute_query(LOCK, [first])
                if attempts[name] == 1:  # the first time, each waits for the other's lock
                    holding[name].set()
                    await holding[other].wait()
                await conn.execute_query(LOCK, [second])
            return name

        return attempt

    done = await asyncio.gather(
        with_retries(side("ab", a.id, b.id, "ba")), with_retries(side("ba", b.id, a.id, "ab"))
    )

    assert sorted(done) == ["ab", "ba"]
    assert sorted(attempts.values()) == [1, 2]  # exactly one side was aborted, and re-run


async def test_a_conflict_that_persists_ends_as_transaction_conflict(db: str) -> None:
    _postgres_only(db)
    calls = 0

    async def attempt() -> None:
        nonlocal calls
        calls += 1
        async with in_transaction() as conn:
            await conn.execute_script(
                "DO $$ BEGIN RAISE EXCEPTION 'simulated' "
                "USING ERRCODE = 'serialization_failure'; END $$;"
            )

    with pytest.raises(TransactionConflict):
        await with_retries(attempt)
    assert calls == MAX_ATTEMPTS


async def test_other_errors_are_not_retried(db: str) -> None:
    calls = 0

    async def attempt() -> None:
        nonlocal calls
        calls += 1
        raise ValueError("not a conflict")

    with pytest.raises(ValueError):
        await with_retries(attempt)
    assert calls == 1
