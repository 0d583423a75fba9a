"""`make bench`: seed, start the product and the baseline, load them, report.

    cd backend && PYTHONPATH=.. .venv/bin/python -m bench [--subjects 100000] [--profile]

See docs/bench.md for what is measured and how to read the numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import config, loadgen, phases, procs, seed, workload

# The issue's reference numbers (issue 16, measured by its author with wrk on the product's
# bench database): PostGraphile 5 reaches 0.74x the one-statement baseline. Targets: warm
# >= 1.5x PostGraphile (1.11x the baseline), cold >= 0.8x the baseline, at 32 connections.
ISSUE_BASELINE_RPS = 2000
POSTGRAPHILE_RPS = 0.74 * ISSUE_BASELINE_RPS  # 1,480 req/s
TARGET_WARM = 1.5 * POSTGRAPHILE_RPS  # 2,220 req/s
TARGET_COLD = 0.8 * ISSUE_BASELINE_RPS  # 1,600 req/s


def log(msg: str) -> None:
    print(msg, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--subjects", type=int, default=10_000, help="subjects to seed (10,000; target 100,000)"
    )
    p.add_argument("--reseed", action="store_true", help="rebuild the seed even if it matches")
    p.add_argument("--connections", type=int, default=32, help="concurrent connections (32)")
    p.add_argument("--duration", type=float, default=10.0, help="measured seconds per phase (10)")
    p.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per phase (3)")
    p.add_argument(
        "--workers", type=int, default=2, help="uvicorn workers, product and baseline (2)"
    )
    p.add_argument(
        "--warm-codes", type=int, default=100, help="codes cycled by the warm phase (100)"
    )
    p.add_argument(
        "--log-level",
        default=None,
        help="LOG_LEVEL for the product (default: the product's default, INFO, "
        "which logs every request like production)",
    )
    p.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile one product worker under cold and warm load (+~40 s)",
    )
    p.add_argument(
        "--loadgen",
        choices=("python", "wrk"),
        default="python",
        help="load generator: bench.loadgen (default, nothing to install) or wrk "
        "(if on PATH; the issue's tool)",
    )
    p.add_argument(
        "--experiment",
        default="",
        help="what-if: run the product with suggested changes patched in at start-up "
        "(comma-separated: validation-once, no-pool-reset, quiet-log; see "
        "bench/experiments.py). Not the product's result.",
    )
    p.add_argument(
        "--phases",
        default="warm,cold,baseline,batch100,search",
        help="comma-separated subset of warm,cold,baseline,batch100,search,sweep "
        "(sweep: time `credit sweep --all` on a reused seed; a fresh seed always runs it)",
    )
    p.add_argument(
        "--latency-connections",
        type=int,
        default=4,
        help="concurrent connections of the batch100 and search phases (4)",
    )
    args = p.parse_args(argv)
    if not (1 <= args.connections <= 256 and 1 <= args.duration <= 120 and 0 <= args.warmup <= 60):
        p.error("connections 1..256, duration 1..120 s, warmup 0..60 s")
    if args.subjects < 200:
        p.error("--subjects must be at least 200")
    from bench.experiments import KNOWN

    args.experiments = [e.strip() for e in args.experiment.split(",") if e.strip()]
    unknown = [e for e in args.experiments if e not in KNOWN]
    if unknown:
        p.error(f"unknown experiment(s) {unknown}; known: {', '.join(KNOWN)}")
    return args


# -- services ------------------------------------------------------------------------------
async def check_services() -> None:
    from urllib.parse import urlparse

    import asyncpg
    import redis.asyncio as aioredis

    for url in (config.DATABASE_URL, config.REDIS_URL):
        host = urlparse(url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"refusing a non-loopback service: {url}")
    try:
        conn = await asyncpg.connect(config.dsn().rsplit("/", 1)[0] + "/postgres", timeout=5)
        await conn.close()
    except Exception as exc:
        raise SystemExit(f"PostgreSQL not reachable at 127.0.0.1:5432 ({exc})") from exc
    r = aioredis.from_url(config.REDIS_URL)
    try:
        await r.ping()
    except Exception as exc:
        raise SystemExit(f"Redis not reachable at {config.REDIS_URL} ({exc})") from exc
    finally:
        await r.aclose()


async def flush_redis() -> None:
    """Empty the bench's own Redis db: no cached answer or rate-limit count survives."""
    import redis.asyncio as aioredis

    r = aioredis.from_url(config.REDIS_URL)
    try:
        await r.flushdb()
    finally:
        await r.aclose()


async def redis_calls() -> dict[str, int]:
    """Server-wide command counts (INFO commandstats): shared with anything else that
    uses this Redis, so per-request numbers derived from it are approximate."""
    import redis.asyncio as aioredis

    r = aioredis.from_url(config.REDIS_URL)
    try:
        stats = await r.info("commandstats")
    finally:
        await r.aclose()
    return {k.removeprefix("cmdstat_"): int(v["calls"]) for k, v in stats.items()}


async def cached_answers() -> int:
    """Cached public answers in the bench's Redis db (aiocache namespace `credit`)."""
    import redis.asyncio as aioredis

    r = aioredis.from_url(config.REDIS_URL)
    try:
        n = 0
        async for _ in r.scan_iter(match="credit:public:*", count=2000):
            n += 1
        return n
    finally:
        await r.aclose()


async def pg_xacts() -> int:
    """Committed + rolled back transactions of the bench database (each statement the
    product runs outside a transaction is one)."""
    import asyncpg

    conn = await asyncpg.connect(config.dsn())
    try:
        return int(
            await conn.fetchval(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                " WHERE datname = current_database()"
            )
        )
    finally:
        await conn.close()


# -- servers -------------------------------------------------------------------------------
def product_server(
    port: int,
    workers: int,
    log_dir: Path,
    log_level: str | None,
    profile_to: Path | None = None,
    experiments: list[str] | None = None,
) -> procs.Server:
    env = {
        k: v
        for k, v in os.environ.items()
        if k in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "SYSTEMROOT")
    }
    env.update(
        DATABASE_URL=config.DATABASE_URL,
        REDIS_URL=config.REDIS_URL,
        SECRET_KEY=config.SECRET_KEY,
        WORKERS=str(workers),
        # the load generator's X-Forwarded-For addresses (workload.client_address) are
        # believed from loopback only, as from a reverse proxy in production
        TRUSTED_PROXIES="127.0.0.1/32",
        HOST=config.HOST,
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    if log_level:
        env["LOG_LEVEL"] = log_level
    if experiments:
        env["PYTHONPATH"] = str(config.REPO_DIR)
        env["BENCH_EXPERIMENTS"] = ",".join(experiments)
        if "quiet-log" in experiments:
            env["LOG_LEVEL"] = "WARNING"
        argv = [sys.executable, "-m", "bench.experiments"]
    elif profile_to is None:
        argv = [sys.executable, "-m", "credit", "serve"]
    else:
        env["PYTHONPATH"] = str(config.REPO_DIR)
        argv = [sys.executable, "-m", "bench.profiled_serve", str(profile_to)]
    name = "product-profiled" if profile_to else "product"
    return procs.Server(name, argv, env, config.BACKEND_DIR, port, log_dir / f"{name}.log")


def baseline_server(port: int, workers: int, log_dir: Path) -> procs.Server:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env.update(
        BENCH_DATABASE_URL=config.DATABASE_URL,
        PYTHONPATH=str(config.REPO_DIR),
        PYTHONUNBUFFERED="1",
    )
    argv = [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.baseline:app",
        "--host",
        config.HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    return procs.Server("baseline", argv, env, config.BACKEND_DIR, port, log_dir / "baseline.log")


def lookup_request(port: int, uscc: str, i: int, nonce: int | None = None) -> bytes:
    return loadgen.post(
        config.HOST,
        port,
        "/graphql",
        workload.body(uscc, nonce),
        {"X-Forwarded-For": workload.client_address(i)},
    )


async def ready_probe_product(port: int):  # type: ignore[no-untyped-def]
    async def probe() -> bool:
        req = f"GET /healthz HTTP/1.1\r\nHost: {config.HOST}:{port}\r\n\r\n".encode()
        return (await loadgen.request_once(config.HOST, port, req, 5)).status == 200

    return probe


async def ready_probe_baseline(port: int, code: str):  # type: ignore[no-untyped-def]
    async def probe() -> bool:
        return (
            await loadgen.request_once(config.HOST, port, lookup_request(port, code, 0), 5)
        ).status == 200

    return probe


async def compare_answers(product_port: int, baseline_port: int, codes: list[str]) -> list[str]:
    """Codes whose product `data` differs from the baseline's (should be none)."""
    differ = []
    for i, code in enumerate(codes):
        a = await loadgen.request_once(
            config.HOST, product_port, lookup_request(product_port, code, i)
        )
        b = await loadgen.request_once(
            config.HOST, baseline_port, lookup_request(baseline_port, code, i)
        )
        pa, pb = json.loads(a.body), json.loads(b.body)
        if a.status != 200 or "errors" in pa or pa.get("data") != pb.get("data"):
            differ.append(code)
    return differ


# -- phases --------------------------------------------------------------------------------
class Phase:
    def __init__(
        self,
        name: str,
        port: int,
        factory: loadgen.RequestFactory,
        cpu: procs.CpuGroups,
        wrk_codes: list[str] | None = None,
        wrk_cold: bool = False,
    ):
        self.name, self.port, self.factory, self.cpu = name, port, factory, cpu
        self.wrk_codes, self.wrk_cold = wrk_codes, wrk_cold
        self.cpu_result: dict[str, float] = {}

    async def run(
        self, args: argparse.Namespace, rss_servers: list[procs.Server]
    ) -> loadgen.PhaseResult:
        marks: dict[str, asyncio.Future] = {}

        def start() -> None:
            self.cpu.begin()
            marks["start"] = asyncio.ensure_future(self._counters())

        def end() -> None:
            self.cpu_result = self.cpu.end()
            marks["end"] = asyncio.ensure_future(self._counters())

        sampler = asyncio.create_task(_sample_rss(rss_servers))
        try:
            if args.loadgen == "wrk" and self.wrk_codes is not None:
                from bench import wrk

                result = await wrk.run(
                    self.name,
                    config.HOST,
                    self.port,
                    self.wrk_codes or [],
                    cold=self.wrk_cold,
                    connections=args.connections,
                    warmup=args.warmup,
                    duration=args.duration,
                    on_measure_start=start,
                    on_measure_end=end,
                )
            else:
                result = await loadgen.run(
                    self.name,
                    config.HOST,
                    self.port,
                    self.factory,
                    connections=args.connections,
                    warmup=args.warmup,
                    duration=args.duration,
                    on_measure_start=start,
                    on_measure_end=end,
                )
        finally:
            sampler.cancel()
        x0, r0, k0 = await marks["start"]
        x1, r1, k1 = await marks["end"]
        # cold: one new cached answer per request (a check that nothing repeated)
        result.extra["cached_answers_added"] = k1 - k0
        n = max(1, result.requests)
        cpu = self.cpu_result
        result.extra["cpu_seconds"] = cpu
        result.extra["cpu_ms_per_request"] = {
            k: round(cpu[k] * 1000 / n, 3)
            for k in cpu
            if k not in ("wall", "machine_busy", "cores")
        }
        # Transactions of the bench database per request: each statement run outside a
        # transaction is one, and so is the reset asyncpg's pool sends on each release.
        ours = sum(v for k, v in result.extra["cpu_ms_per_request"].items() if k != "other")
        # What the cores would serve if nothing else ran: cores / CPU per request of every
        # process involved (app, PostgreSQL, Redis, load generator). Robust to a busy
        # machine, which lowers req/s far more than it raises CPU per request.
        result.extra["cpu_bound_estimate_rps"] = round(cpu["cores"] * 1000 / ours) if ours else None
        result.extra["sql_transactions_per_request"] = round((x1 - x0) / n, 2)
        calls = {k: r1.get(k, 0) - r0.get(k, 0) for k in r1}
        result.extra["redis_commands_per_request_approx"] = {
            k: round(v / n, 2)
            for k, v in sorted(calls.items(), key=lambda kv: -kv[1])
            if v / n >= 0.05
        }
        return result

    async def _counters(self) -> tuple[int, dict[str, int], int]:
        return await pg_xacts(), await redis_calls(), await cached_answers()


async def _sample_rss(servers: list[procs.Server]) -> None:
    while True:
        for s in servers:
            s.sample_rss()
        await asyncio.sleep(0.5)


def cpu_groups(product: procs.Server | None, baseline: procs.Server | None) -> procs.CpuGroups:
    me = os.getpid()
    groups = {
        "product": (lambda: product.all_pids()) if product else (lambda: []),
        "baseline": (lambda: baseline.all_pids()) if baseline else (lambda: []),
        "postgres": lambda: procs.pids_matching(
            "postgres: ", f" {config.dsn().rsplit('/', 1)[1]} "
        ),
        "redis": lambda: procs.pids_matching("redis-server"),
        "loadgen": lambda: [me],
    }
    return procs.CpuGroups(groups, counters={"loadgen": procs.children_cpu_seconds})


# -- profile -------------------------------------------------------------------------------
def _c_name(func: str) -> str:
    """`<method 'send' of '_socket.socket' objects>` -> `_socket.socket.send`, etc."""
    import re

    m = re.match(r"<method '([^']+)' of '([^']+)' objects>", func)
    if m:
        return f"{m.group(2)}.{m.group(1)}"
    m = re.match(r"<built-in method ([\w.]+)", func)
    return m.group(1) if m else func.strip("<>")


def _group(filename: str, func: str) -> str:
    if filename == "~":
        return "C: " + _c_name(func)
    if "site-packages/" in filename:
        return filename.split("site-packages/")[1].split("/")[0].removesuffix(".py")
    if "/credit/" in filename:
        parts = filename.split("/credit/")[1].split("/")
        return "credit." + parts[0].removesuffix(".py")
    if "/lib/python3" in filename:
        return "stdlib." + filename.split("/lib/python3")[1].split("/")[1].removesuffix(".py")
    if filename == "<string>":
        return "generated code (dataclass __init__/__hash__/__eq__, e.g. graphql AST nodes)"
    return filename


def _idle(filename: str, func: str) -> bool:
    """The event loop's own frame, which includes the time it waits for I/O."""
    name = _c_name(func) if filename == "~" else func
    return name in (
        "uvloop.loop.Loop.run_until_complete",
        "uvloop.loop.Loop.run_forever",
        "select.epoll.poll",
    )


def summarise_profile(path: Path, top: int = 25) -> dict[str, Any]:
    """Self time (tottime) by package, and the top functions. Time in C functions is
    charged to the package that called them (cProfile records self time per caller).
    Under asyncio cumulative times mislead (a coroutine is entered once per resume); self
    time does not. The event loop's own frame (which includes waiting for I/O) is left
    out. cProfile measures wall time: on a busy machine, system calls that hand the CPU
    to another process (a send to PostgreSQL) look longer than they cost."""
    import pstats

    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    by_group: dict[str, float] = {}
    functions = []
    for (filename, line, func), (_, nc, tt, _, callers) in stats.items():
        if _idle(filename, func):
            continue
        functions.append((filename, line, func, nc, tt))
        if filename == "~" and callers:
            for (cf, _, cfunc), caller_stats in callers.items():
                g = _group(cf, cfunc)
                by_group[g] = by_group.get(g, 0.0) + caller_stats[2]
        else:
            g = _group(filename, func)
            by_group[g] = by_group.get(g, 0.0) + tt
    busy = sum(by_group.values())
    groups = sorted(by_group.items(), key=lambda kv: -kv[1])
    functions.sort(key=lambda r: -r[4])
    return {
        "busy_seconds": round(busy, 3),
        "by_package": [
            {"group": g, "seconds": round(v, 3), "share_of_busy": round(v / busy, 3) if busy else 0}
            for g, v in groups[:top]
        ],
        "top_functions": [
            {
                "function": f"{Path(f).name}:{ln}({fn})" if f != "~" else _c_name(fn),
                "calls": nc,
                "self_seconds": round(tt, 3),
            }
            for f, ln, fn, nc, tt in functions[:top]
        ],
    }


async def profile_phase(
    args: argparse.Namespace, kind: str, codes: list[str], log_dir: Path, stamp: str
) -> dict[str, Any]:
    """One product worker, 16 connections, 2 s warm-up then 8 s under cProfile: `cold`
    (every body new) or `warm` (10 codes, cache hits). The profiler slows Python code a
    lot, so only the shares mean something, not the rate."""
    port = procs.free_port()
    prof_path = config.RESULTS_DIR / f"{stamp}-{kind}.prof"
    server = product_server(port, 1, log_dir, args.log_level, profile_to=prof_path)
    server.log_path = log_dir / f"product-profiled-{kind}.log"
    server.start()
    try:
        await procs.wait_ready(server, await ready_probe_product(port))
        n = len(codes)

        def factory(i: int) -> bytes:
            if kind == "warm":
                return lookup_request(port, codes[i % 10], i)
            return lookup_request(port, codes[i % n], i, nonce=(i // n) + 1000)

        result = await loadgen.run(
            f"profile-{kind}",
            config.HOST,
            port,
            factory,
            connections=16,
            warmup=2.0,
            duration=8.0,
            on_measure_start=lambda: os.kill(server.pid, signal.SIGUSR1),
            on_measure_end=lambda: os.kill(server.pid, signal.SIGUSR2),
        )
        for _ in range(100):  # the stats are written by the server's signal handler
            if prof_path.exists():
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
    finally:
        server.stop(grace=30)
    out: dict[str, Any] = {"rps_under_profiler": result.rps, "profile_file": str(prof_path)}
    if prof_path.exists():
        out.update(summarise_profile(prof_path))
    return out


# -- report --------------------------------------------------------------------------------
def table(results: dict[str, loadgen.PhaseResult]) -> str:
    head = (
        f"{'phase':<14}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'bad':>5}{'hits':>7}"
        f"{'CPU ms/req app/pg/redis/loadgen':>33}{'other':>7}{'est.':>7}"
    )
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        c = r.extra.get("cpu_ms_per_request", {})
        app = c.get("baseline" if name == "baseline" else "product", 0.0)
        bad = r.errors + r.graphql_errors + sum(v for k, v in r.statuses.items() if k != "200")
        cpu = "/".join(
            f"{x:.2f}" for x in (app, c.get("postgres", 0), c.get("redis", 0), c.get("loadgen", 0))
        )
        secs = r.extra.get("cpu_seconds", {})
        other = secs.get("other", 0) / max(1e-9, secs.get("wall", 1) * secs.get("cores", 1))
        hits = "n/a" if r.cache_hits < 0 else f"{r.cache_hits}"
        est = r.extra.get("cpu_bound_estimate_rps") or 0
        lines.append(
            f"{name:<14}{r.rps:>8,.0f}{r.p50_ms:>8.1f}{r.p99_ms:>8.1f}{bad:>5}{hits:>7}"
            f"{cpu:>33}{other:>7.0%}{est:>7,}"
        )
    lines.append(
        "bad: non-200 + transport errors + GraphQL errors; other: share of the cores used "
        "by processes outside the benchmark;"
    )
    lines.append(
        "est.: cores / CPU per request of app+pg+redis+loadgen, i.e. req/s if nothing "
        "else ran on the machine"
    )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> int:
    # SIGTERM (and SIGINT where the shell left it ignored) cancel the run like Ctrl-C does,
    # so that the `finally` below always stops the servers it started.
    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    assert main_task is not None
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        if sig == signal.SIGINT and signal.getsignal(sig) is signal.default_int_handler:
            continue  # asyncio's runner already turns Ctrl-C into a cancellation
        loop.add_signal_handler(sig, main_task.cancel)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    config.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    log_dir = config.RESULTS_DIR / f"{stamp}-logs"
    phases_ = [p.strip() for p in args.phases.split(",") if p.strip()]
    started = time.monotonic()
    load_before = procs.loadavg()
    if load_before > 0.5 * (os.cpu_count() or 1):
        log(
            f"warning: load average {load_before:.1f} on {os.cpu_count()} cores before the run: "
            "other work shares the machine, numbers will be low and noisy (see `other` CPU)"
        )
    if args.loadgen == "wrk":
        from bench import wrk

        if not wrk.available():
            raise SystemExit("--loadgen wrk: wrk is not on PATH (Debian: apt-get install -y wrk)")
    await check_services()
    info = await seed.ensure_seed(args.subjects, reseed=args.reseed, log=log)
    log(
        f"seed: {info.subjects:,} subjects, {info.records:,} records "
        f"({'reused' if info.reused else 'built'} in {info.seconds:.0f} s; "
        f"{info.checked} evaluations checked against the product)"
    )
    timings: dict[str, Any] = {
        "seed_seconds": info.seed_seconds,
        "sweep_seconds": info.sweep_seconds,
        "seed_cpu": info.seed_cpu,
        "sweep_cpu": info.sweep_cpu,
    }
    if info.reused:
        timings = {**(await phases.meta_seconds()), "measured_in_this_run": False}
        if "sweep" in phases_:
            log("running credit sweep --all ...")
            timings.update(sweep_seconds=round(await phases.run_sweep(), 1), sweep_measured=True)
    log(f"seed_seconds {timings.get('seed_seconds')}, sweep_seconds {timings.get('sweep_seconds')}")
    explained = None
    if "search" in phases_:
        explained = await phases.explain_search()
        phases.print_explain(explained)
    all_codes = await seed.codes()
    rng = random.Random(20261122)
    rng.shuffle(all_codes)
    warm_codes = all_codes[: args.warm_codes]
    cold_codes = all_codes[args.warm_codes :]
    await flush_redis()

    product_port, baseline_port = procs.free_port(), procs.free_port()
    product = product_server(
        product_port, args.workers, log_dir, args.log_level, experiments=args.experiments
    )
    if args.experiments:
        log(
            f"EXPERIMENT {'+'.join(args.experiments)}: the product with bench/experiments.py "
            "patches, not the product's result"
        )
    baseline = baseline_server(baseline_port, args.workers, log_dir)
    results: dict[str, loadgen.PhaseResult] = {}
    report: dict[str, Any] = {}
    try:
        product.start()
        baseline.start()
        await procs.wait_ready(product, await ready_probe_product(product_port))
        await procs.wait_ready(baseline, await ready_probe_baseline(baseline_port, warm_codes[0]))
        log(
            f"product  pid {product.pid} on :{product_port} ({args.workers} workers: "
            f"{', '.join(map(str, product.workers()))}); "
            f"baseline pid {baseline.pid} on :{baseline_port}"
        )
        differ = await compare_answers(product_port, baseline_port, warm_codes[:30])
        log(
            f"same answer, product vs baseline: {30 - len(differ)}/30 codes"
            + (f" (differ: {differ[:5]})" if differ else "")
        )
        cpu = cpu_groups(product, baseline)

        # Cold codes are used once each, in one sequence across warm-up and measurement;
        # if a run outlasts them, an unused variable makes each body unique again.
        cold_next = iter(range(10**9))

        def cold_factory(i: int) -> bytes:
            k = next(cold_next)
            n = len(cold_codes)
            return lookup_request(product_port, cold_codes[k % n], i, nonce=(k // n) or None)

        def warm_factory(i: int) -> bytes:
            return lookup_request(product_port, warm_codes[i % len(warm_codes)], i)

        def baseline_factory(i: int) -> bytes:
            return lookup_request(baseline_port, all_codes[i % len(all_codes)], i)

        plan: dict[str, Any] = {
            "warm": ("product-warm", product_port, warm_factory, warm_codes, False),
            "cold": ("product-cold", product_port, cold_factory, cold_codes, True),
            "baseline": ("baseline", baseline_port, baseline_factory, all_codes, False),
            **phases.plan(product_port, all_codes),
        }
        for key in [k for k in phases_ if k in plan]:
            name, port, factory, codes, cold = plan[key]
            phase_args = args
            if key in phases.NEW_PHASES:  # latency of one request, not of a queue of 32
                phase_args = argparse.Namespace(
                    **{**vars(args), "connections": args.latency_connections}
                )
            log(
                f"running {name}: {phase_args.connections} connections, "
                f"{args.warmup:.0f} s warm-up + "
                f"{args.duration:.0f} s ({args.loadgen}) ..."
            )
            if key == "cold" and args.loadgen == "wrk":
                # wrk's cold runs take codes the python cold sequence has not reached
                codes = cold_codes[next(cold_next) :]
            r = await Phase(name, port, factory, cpu, codes, cold).run(phase_args, [product])
            results[name] = r
            log(
                f"  {r.rps:,.0f} req/s, p50 {r.p50_ms:.1f} ms, p99 {r.p99_ms:.1f} ms, "
                f"statuses {r.statuses}, cache hits {r.cache_hits:,}/{r.requests:,}"
            )
            await asyncio.sleep(1.0)
        report["product_peak_rss_kb"] = {
            "per_worker_vmhwm": product.peak_rss_kb(),
            "sum_of_workers_sampled_peak": product.peak_rss_sum_kb,
        }
        report["baseline_peak_rss_kb"] = {"per_worker_vmhwm": baseline.peak_rss_kb()}
        report["same_answer"] = {"checked": 30, "differ": differ}
    finally:
        product.stop()
        baseline.stop()

    if args.profile:
        for kind in ("cold", "warm"):
            log(f"profiling one product worker (cProfile) under {kind} load ...")
            # the cold phase's least used codes, reversed
            report[f"profile_{kind}"] = await profile_phase(
                args, kind, cold_codes[::-1], log_dir, stamp
            )

    # -- report ------------------------------------------------------------------------
    base = results.get("baseline")
    ratios = {}
    if base and base.rps:
        for name in ("product-warm", "product-cold"):
            if name in results:
                ratios[f"{name}/baseline"] = round(results[name].rps / base.rps, 3)
    targets = {
        "postgraphile_rps_issue": POSTGRAPHILE_RPS,
        "baseline_rps_issue": ISSUE_BASELINE_RPS,
        "warm_target_rps": TARGET_WARM,
        "cold_target_rps": TARGET_COLD,
        "warm_target_ratio_to_baseline": round(TARGET_WARM / ISSUE_BASELINE_RPS, 3),
        "cold_target_ratio_to_baseline": round(TARGET_COLD / ISSUE_BASELINE_RPS, 3),
    }
    if base and base.rps:
        targets["warm_target_scaled_to_this_baseline_rps"] = round(
            base.rps * TARGET_WARM / ISSUE_BASELINE_RPS
        )
        targets["cold_target_scaled_to_this_baseline_rps"] = round(
            base.rps * TARGET_COLD / ISSUE_BASELINE_RPS
        )
    report.update(
        {
            "timestamp": stamp,
            "machine": {
                "cores": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
                "loadavg_before": load_before,
                "loadavg_after": procs.loadavg(),
            },
            "settings": {
                "subjects": args.subjects,
                "records": info.records,
                "seed_reused": info.reused,
                "connections": args.connections,
                "warmup_s": args.warmup,
                "duration_s": args.duration,
                "workers": args.workers,
                "warm_codes": len(warm_codes),
                "product_log_level": args.log_level or "product default (INFO)",
                "experiment": args.experiments or None,
                "load_generator": (
                    "wrk (2 threads)"
                    if args.loadgen == "wrk"
                    else "bench.loadgen (asyncio + uvloop, HTTP/1.1 keep-alive)"
                ),
            },
            "phases": {name: r.row() for name, r in results.items()},
            **timings,
            "search_explain": explained,
            "ratios": ratios,
            "targets": targets,
            "total_seconds": round(time.monotonic() - started, 1),
        }
    )
    suffix = ("-experiment-" + "+".join(args.experiments)) if args.experiments else ""
    out = config.RESULTS_DIR / f"{stamp}{suffix}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))

    print()
    print(table(results))
    print()
    for k, v in ratios.items():
        print(f"{k:<24} {v:.2f}")
    for name, target, label in (
        ("product-warm", TARGET_WARM, "1.5x PostGraphile"),
        ("product-cold", TARGET_COLD, "0.8x the baseline"),
    ):
        if name not in results:
            continue
        rps = results[name].rps
        line = f"{name} vs target {target:,.0f} req/s ({label}): {rps / target:.2f}x"
        if base and base.rps:
            scaled = round(base.rps * target / ISSUE_BASELINE_RPS)
            line += f"; vs the target scaled to this run's baseline ({scaled:,} req/s): "
            line += f"{rps / scaled:.2f}x"
        print(line)
    rss = report.get("product_peak_rss_kb", {})
    if rss:
        per = ", ".join(f"{v / 1024:.0f}" for v in rss["per_worker_vmhwm"].values())
        print(f"product peak RSS per worker (MiB): {per}")
    for kind in ("cold", "warm"):
        prof = report.get(f"profile_{kind}")
        if not prof:
            continue
        print(
            f"\n{kind} path, one worker under cProfile ({prof['rps_under_profiler']:,.0f} req/s "
            "under the profiler): self time by package"
        )
        for g in prof.get("by_package", [])[:15]:
            print(f"  {g['share_of_busy'] * 100:5.1f}%  {g['group']}")
    logs = log_dir.relative_to(config.REPO_DIR)
    print(f"\nresults: {out.relative_to(config.REPO_DIR)}  (logs: {logs}/)")
    print(f"total {time.monotonic() - started:.0f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run  # type: ignore[assignment]
    try:
        return runner(main_async(args))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted: servers stopped, nothing written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
