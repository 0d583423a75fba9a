"""Public reads from a PostgreSQL streaming replica (DATABASE_REPLICA_URL), when there is one.

Which reads: only those of a *public read*, a request that can only read published data
(the public lookup, batch lookup, search, lists, the PDF and its verification), marked by
`public_reads()` around it. Everything else, every write, and every read inside a
transaction, goes to the primary: a staff member never reads a replica, so never misses
their own write.

When: only while the replica is *usable*: it answered its last probe and has replayed
everything the primary had written `REPLICA_MAX_LAG_S` seconds ago. The monitor probes
every PROBE_INTERVAL seconds in the background; until its first probe, and after any
failure, reads go to the primary. A replica that stops between two probes costs no failed
answer either: the replica's client retries a failed read on the primary
(credit.core.replica_backend).

Consistency with the public cache: the public data version a cached answer is keyed on is
read from the same database as the answer (`read_connection`), so a lagging replica keys
its (older) answers under the older version, never an old answer under a new version.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient

log = logging.getLogger("credit")

REPLICA = "replica"
PROBE_INTERVAL = 0.5  # seconds
PROBE_TIMEOUT = 1.0
# Primary positions remembered to measure the lag (one per probe).
HISTORY_SECONDS = 120.0

_public_read: ContextVar[bool] = ContextVar("credit_public_read", default=False)


@contextlib.contextmanager
def public_reads() -> Iterator[None]:
    """Mark the code inside as a public read: its queries may go to the replica."""
    token = _public_read.set(True)
    try:
        yield
    finally:
        _public_read.reset(token)


def lag_seconds(history: deque[tuple[float, int]], replayed: int, now: float) -> float:
    """How far behind a replica that has replayed up to WAL position `replayed` is: the age
    of the oldest primary position (sampled in `history` as (time, position), oldest
    first) it has not reached; 0 when it has reached them all. Pure, for the tests."""
    for sampled_at, position in history:
        if position > replayed:
            return max(0.0, now - sampled_at)
    return 0.0


@dataclass
class ReplicaMonitor:
    max_lag: float
    configured: bool = False
    reachable: bool = False
    lag: float | None = None
    history: deque[tuple[float, int]] = field(default_factory=deque)

    @property
    def usable(self) -> bool:
        return (
            self.configured
            and self.reachable
            and self.lag is not None
            and (self.lag <= self.max_lag)
        )

    @property
    def state(self) -> str:
        """For /healthz: ok, lagging or down."""
        if not self.reachable:
            return "down"
        return "ok" if self.usable else "lagging"

    def mark_failed(self) -> None:
        """A read on the replica failed: read from the primary until the next good probe."""
        self.reachable = False

    async def probe(self) -> None:
        now = time.monotonic()
        async with asyncio.timeout(PROBE_TIMEOUT):
            _, rows = await connections.get("default").execute_query(
                "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"
            )
        self.history.append((now, int(rows[0][0])))
        while self.history and self.history[0][0] < now - HISTORY_SECONDS:
            self.history.popleft()
        try:  # (outside a public read: no fall-back to the primary here)
            async with asyncio.timeout(PROBE_TIMEOUT):
                _, rows = await connections.get(REPLICA).execute_query(
                    "SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn"
                )
        except Exception as exc:  # down, refusing, or not answering in time
            if self.reachable:
                log.warning("replica: unreachable, public reads go to the primary: %r", exc)
            self.reachable = False
            self.lag = None
            return
        replayed = rows[0][0]
        if replayed is None:  # not a standby (promoted, or misconfigured)
            self.reachable, self.lag = False, None
            return
        was_usable = self.usable
        self.reachable = True
        self.lag = lag_seconds(self.history, int(replayed), time.monotonic())
        if was_usable != self.usable:
            log.warning("replica: %s (lag %.1f s)", self.state, self.lag)


_monitor = ReplicaMonitor(max_lag=5.0)


def monitor() -> ReplicaMonitor:
    return _monitor


def configure(replica_url: str | None, max_lag: float) -> None:
    global _monitor
    _monitor = ReplicaMonitor(max_lag=max_lag, configured=bool(replica_url))


async def run_monitor(stop: asyncio.Event) -> None:
    """The background probe (one per worker)."""
    while not stop.is_set():
        try:
            await _monitor.probe()
        except Exception as exc:  # the primary itself did not answer: nothing to compare
            _monitor.reachable, _monitor.lag = False, None
            log.debug("replica: probe failed: %r", exc)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), PROBE_INTERVAL)


def in_public_read() -> bool:
    return _public_read.get()


def route() -> str | None:
    """The connection a read should use now: "replica", or None for the default."""
    if not _public_read.get() or not _monitor.usable:
        return None
    if isinstance(connections.get("default"), TransactionalDBClient):
        return None  # inside a transaction: read what it wrote
    return REPLICA


def read_connection() -> BaseDBAsyncClient:
    """For raw SQL on a public read path: the replica when routing allows it."""
    return connections.get(route() or "default")


class ReplicaRouter:
    """Tortoise's router (configured only when DATABASE_REPLICA_URL is set)."""

    def db_for_read(self, model: Any) -> str | None:
        return route()

    def db_for_write(self, model: Any) -> str | None:
        return None
