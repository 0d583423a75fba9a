"""/metrics in Prometheus' text format (prometheus-client).

Counted as they happen: requests and their latency by operation and outcome, public-cache
hits and misses, rate-limit refusals, database pool use. Read from the database at scrape
time (so every worker answers the same): outbox queue depth and failed deliveries, and the
evaluation sweep's lag.

Several uvicorn workers: `credit serve` points PROMETHEUS_MULTIPROC_DIR at a fresh folder
before the workers start, so each worker writes its samples there and a scrape on any
worker adds them up (prometheus-client's multiprocess mode). The variable must be set
before this module is imported, which is why the CLI sets it, not the app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable, Iterator
from datetime import datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from credit.apicore.ratelimit import RATE_LIMITED
from credit.core import clock
from credit.core.netaddr import Networks, is_in

MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

REQUESTS = Counter(
    "credit_requests_total",
    "HTTP requests served, by GraphQL operation (or route) and outcome",
    ["operation", "outcome"],
)
LATENCY = Histogram(
    "credit_request_duration_seconds",
    "Time to answer a request, by GraphQL operation (or route) and outcome",
    ["operation", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15),
)
PUBLIC_CACHE = Counter(
    "credit_public_cache_requests_total",
    "Public GraphQL queries looked up in the result cache, by result (hit or miss)",
    ["result"],
)
PUBLIC_READS = Counter(
    "credit_public_reads_total",
    "Public read requests (lookup, search, lists, PDF, verification), by the database "
    "chosen for them (replica or primary)",
    ["database"],
)
REPLICA_LAG = Gauge(
    "credit_replica_lag_seconds",
    "How far the read replica is behind the primary, as this worker last measured it "
    "(-1 while it is unreachable)",
    multiprocess_mode="livemax",
)
DB_POOL = Gauge(
    "credit_db_pool_connections",
    "PostgreSQL connections of the pools (summed over live workers), by state",
    ["state"],
    multiprocess_mode="livesum",
)

OWN_METRICS = (
    REQUESTS, LATENCY, PUBLIC_CACHE, PUBLIC_READS, REPLICA_LAG, RATE_LIMITED, DB_POOL,
)  # fmt: skip

# Operation names come from the client: keep the label set bounded.
MAX_OPERATION_NAMES = 200
_OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_seen_operations: set[str] = set()


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if not _OPERATION_NAME.fullmatch(name):
        return "invalid"
    if name not in _seen_operations:
        if len(_seen_operations) >= MAX_OPERATION_NAMES:
            return "other"
        _seen_operations.add(name)
    return name


def observe_request(operation: str, outcome: str, seconds: float) -> None:
    REQUESTS.labels(operation, outcome).inc()
    LATENCY.labels(operation, outcome).observe(seconds)


def sample_pool() -> None:
    """The pool of this worker (asyncpg; SQLite has none), and its view of the replica."""
    from tortoise import connections

    from credit.core import replica

    monitor = replica.monitor()
    if monitor.configured:
        REPLICA_LAG.set(-1 if monitor.lag is None or not monitor.reachable else monitor.lag)

    try:
        pool = getattr(connections.get("default"), "_pool", None)
    except Exception:  # not initialised (tests without a database)
        return
    if pool is None:
        return
    size, idle = pool.get_size(), pool.get_idle_size()
    DB_POOL.labels("in_use").set(size - idle)
    DB_POOL.labels("idle").set(idle)
    DB_POOL.labels("max").set(pool.get_max_size())


class _Snapshot(Collector):
    """Values read from the database for this scrape."""

    def __init__(self, metrics: list[Metric]) -> None:
        self.metrics = metrics

    def collect(self) -> Iterator[Metric]:
        yield from self.metrics


async def _database_metrics(now: datetime) -> list[Metric]:
    from tortoise.functions import Count, Min

    from credit.grades.models import Evaluation
    from credit.outbox.models import OutboxEvent
    from credit.outbox.states import OutboxStatus

    outbox = GaugeMetricFamily(
        "credit_outbox_events",
        "Outbox events by status (pending: the queue; failed: failed for good, awaiting "
        "requeue) and target",
        labels=["status", "target"],
    )
    rows = (
        await OutboxEvent.filter(status__in=[OutboxStatus.PENDING, OutboxStatus.FAILED])
        .annotate(n=Count("id"))
        .group_by("status", "target")
        .values("status", "target", "n")
    )
    for status in (OutboxStatus.PENDING, OutboxStatus.FAILED):
        targets = {r["target"]: r["n"] for r in rows if str(r["status"]) == status.value}
        if not targets:
            outbox.add_metric([status.lower(), ""], 0)
        for target, n in sorted(targets.items()):
            outbox.add_metric([status.lower(), target], n)
    stale = (
        await Evaluation.filter(next_change_at__lte=now)
        .annotate(n=Count("id"), oldest=Min("next_change_at"))
        .values("n", "oldest")
    )
    n, oldest = (stale[0]["n"], stale[0]["oldest"]) if stale else (0, None)
    lag = GaugeMetricFamily(
        "credit_evaluation_sweep_lag_seconds",
        "How long the oldest stale evaluation has waited for the sweep (0: none waits)",
    )
    lag.add_metric([], (now - oldest).total_seconds() if n and oldest else 0.0)
    waiting = GaugeMetricFamily(
        "credit_evaluations_stale", "Evaluations past their next change, awaiting the sweep"
    )
    waiting.add_metric([], n or 0)
    return [outbox, lag, waiting]


def metrics_endpoint(allow: Networks) -> Callable[[Request], Awaitable[Response]]:
    async def metrics(request: Request) -> Response:
        # The address after TRUSTED_PROXIES: a client behind the proxy is judged by its own.
        client = request.client.host if request.client else ""
        if not is_in(client, allow):
            return PlainTextResponse("Forbidden", status_code=403)
        sample_pool()
        registry = CollectorRegistry()
        if MULTIPROCESS:
            MultiProcessCollector(registry)
        else:
            for collector in OWN_METRICS:
                registry.register(collector)
        registry.register(_Snapshot(await _database_metrics(clock.now())))
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return metrics


def mark_worker_stopped() -> None:
    """A stopping worker's live gauges (the pool) leave the sums."""
    if MULTIPROCESS:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(os.getpid())
