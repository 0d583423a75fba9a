"""Bounded retry of a transaction PostgreSQL aborted to break a deadlock (SQLSTATE 40P01)
or a serialization failure (40001).

The locks are taken in one order everywhere (credit.casework.access, "Lock order"), so
two ordinary actions never deadlock; this is the safety net for a path that still does
(another table's foreign-key lock, a future change). The whole transaction is re-run
from the start, which is safe because nothing it did was committed; after
`MAX_ATTEMPTS` the caller gets `TransactionConflict`, which mutations answer as a coded
CONFLICT ("try again"), never as INTERNAL_ERROR.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
MAX_ATTEMPTS = 3


class TransactionConflict(Exception):
    """The transaction kept meeting concurrent changes; nothing of it was written."""


def is_retryable(exc: BaseException) -> bool:
    """Whether the database aborted the transaction for a deadlock or serialization
    failure (Tortoise wraps asyncpg's error: look down the chain of causes)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        current = current.__cause__ or current.__context__
    return False


async def with_retries(attempt: Callable[[], Awaitable[T]], *, attempts: int = MAX_ATTEMPTS) -> T:
    """Run `attempt` (one whole transaction) until it is not aborted for a conflict, at
    most `attempts` times."""
    for n in range(1, attempts + 1):
        try:
            return await attempt()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            if n == attempts:
                raise TransactionConflict(str(exc)) from exc
            # A short random pause, so that the two sides of a deadlock do not meet again.
            await asyncio.sleep(random.uniform(0.005, 0.05) * n)
    raise AssertionError("unreachable")
