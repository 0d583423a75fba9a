"""A small closed-loop HTTP/1.1 load generator (asyncio streams on uvloop, keep-alive).

Stdlib + uvloop only (both already in the backend venv), so `make bench` needs nothing new.
It costs ~0.1-0.2 ms of CPU per request here (reported per phase as `loadgen`), several
times less than either server, but on a 2-core machine it shares the cores with the
servers, PostgreSQL and Redis; `--loadgen wrk` cross-checks with the issue's tool. Every
run is bounded by time and by a request count; every request by a timeout.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RequestFactory = Callable[[int], bytes]  # request index -> full HTTP request bytes


def post(
    host: str, port: int, path: str, body: bytes, headers: dict[str, str] | None = None
) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in (headers or {}).items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@dataclass
class Response:
    status: int
    headers: bytes  # raw, lower-cased
    body: bytes


async def read_response(reader: asyncio.StreamReader) -> Response:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    i = lower.find(b"\r\ncontent-length:")
    if i >= 0:
        j = lower.index(b"\r\n", i + 2)
        body = await reader.readexactly(int(lower[i + 17 : j]))
    elif b"transfer-encoding: chunked" in lower:
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    else:
        body = b""
    return Response(status, lower, body)


@dataclass
class PhaseResult:
    name: str
    connections: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    statuses: dict[str, int]
    errors: int  # transport errors and timeouts
    graphql_errors: int  # 200 answers carrying "errors"
    cache_hits: int  # answers with `x-cache: hit`
    bytes_per_response: float
    extra: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def _pct(sorted_us: list[int], q: float) -> float:
    if not sorted_us:
        return float("nan")
    k = min(len(sorted_us) - 1, max(0, round(q * (len(sorted_us) - 1))))
    return sorted_us[k] / 1000.0


async def run(
    name: str,
    host: str,
    port: int,
    make_request: RequestFactory,
    *,
    connections: int = 32,
    warmup: float = 2.0,
    duration: float = 10.0,
    max_requests: int = 2_000_000,
    request_timeout: float = 10.0,
    on_measure_start: Callable[[], Any] | None = None,
    on_measure_end: Callable[[], Any] | None = None,
) -> PhaseResult:
    """`connections` keep-alive connections, each sending its next request as soon as the
    previous answer arrived, for `warmup` + `duration` seconds (or `max_requests`);
    only answers completed inside the measured window are counted."""
    counter = itertools.count()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    measure_from = t0 + warmup
    stop_at = measure_from + duration
    latencies: list[int] = []
    statuses: Counter[int] = Counter()
    errors = graphql_errors = hits = nbytes = 0
    measuring = False

    async def worker() -> None:
        nonlocal errors, graphql_errors, hits, nbytes
        reader = writer = None
        while True:
            i = next(counter)
            if i >= max_requests or loop.time() >= stop_at:
                break
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                request = make_request(i)
                start = time.perf_counter_ns()
                async with asyncio.timeout(request_timeout):
                    writer.write(request)
                    response = await read_response(reader)  # type: ignore[arg-type]
                elapsed = time.perf_counter_ns() - start
            except (
                OSError,
                asyncio.IncompleteReadError,
                asyncio.LimitOverrunError,
                TimeoutError,
                ValueError,
            ):
                if measuring:
                    errors += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.05)
                continue
            now = loop.time()
            if measuring and now < stop_at:
                latencies.append(elapsed // 1000)
                statuses[response.status] += 1
                nbytes += len(response.body)
                if b"\r\nx-cache: hit" in response.headers:
                    hits += 1
                if response.status == 200 and b'"errors"' in response.body:
                    graphql_errors += 1
            if b"\r\nconnection: close" in response.headers:
                writer.close()  # type: ignore[union-attr]
                reader = writer = None
        if writer is not None:
            writer.close()

    async def clock() -> float:
        nonlocal measuring
        await asyncio.sleep(max(0.0, measure_from - loop.time()))
        if on_measure_start:
            on_measure_start()
        measuring = True
        started = loop.time()
        await asyncio.sleep(max(0.0, stop_at - loop.time()))
        measuring = False
        ended = loop.time()
        if on_measure_end:
            on_measure_end()
        return ended - started

    tasks = [asyncio.create_task(worker()) for _ in range(connections)]
    measured = await clock()
    try:
        async with asyncio.timeout(request_timeout + 5):
            await asyncio.gather(*tasks, return_exceptions=True)
    except TimeoutError:
        for t in tasks:
            t.cancel()
    latencies.sort()
    n = len(latencies)
    return PhaseResult(
        name=name,
        connections=connections,
        seconds=round(measured, 3),
        requests=n,
        rps=round(n / measured, 1) if measured else 0.0,
        p50_ms=round(_pct(latencies, 0.50), 2),
        p90_ms=round(_pct(latencies, 0.90), 2),
        p99_ms=round(_pct(latencies, 0.99), 2),
        max_ms=round(latencies[-1] / 1000.0, 2) if n else float("nan"),
        mean_ms=round(sum(latencies) / n / 1000.0, 2) if n else float("nan"),
        statuses={str(k): v for k, v in sorted(statuses.items())},
        errors=errors,
        graphql_errors=graphql_errors,
        cache_hits=hits,
        bytes_per_response=round(nbytes / n, 1) if n else 0.0,
    )


async def request_once(host: str, port: int, request: bytes, limit_s: float = 30.0) -> Response:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        async with asyncio.timeout(limit_s):
            writer.write(request)
            return await read_response(reader)
    finally:
        writer.close()
