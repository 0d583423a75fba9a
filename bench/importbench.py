"""The bulk import measured (issue 16, target 2): `python -m bench.importbench --rows 100000`.

1. A valid file of N rows (bench/importgen.py; JSON Lines, or CSV with `--format csv`).
2. A fresh database (`BENCH_DATABASE_URL`, default `bench_import`): `credit reset-db`,
   `credit migrate`, `credit init` with the shipped example bureau (its jurisdictions,
   districts and units are the file's).
3. The product's own command, `python -m credit import FILE`, in a subprocess: wall time,
   rows/s, its CPU time (user + system, from wait4), its peak RSS (VmHWM from /proc while
   it runs, and ru_maxrss at exit) and the CPU of the database's PostgreSQL backends.
   `--again` imports the same file a second time (every row recognised and skipped);
   `--profile` runs the import under cProfile and prints the top functions.

Reports a table on stdout and everything as JSON in bench/results/import-<timestamp>.json.
Never asserts timings. Run from backend/: `PYTHONPATH=.. .venv/bin/python -m bench.importbench`.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench import config, procs
from bench.importgen import write_file

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_import"
BUREAU = config.BACKEND_DIR / "credit" / "bootstrap" / "bureau.example.toml"


def _env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env |= {
        "DATABASE_URL": url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", config.REDIS_URL),
        "SECRET_KEY": config.SECRET_KEY,
        "TIME_ZONE": config.TIME_ZONE,
        "LOG_LEVEL": "WARNING",
        "CREDIT_ADMIN_PASSWORD": "Bench-only-9-not-a-secret",
    }
    return env


def _credit(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "credit", *args],
        cwd=config.BACKEND_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fresh_database(url: str) -> None:
    env = _env(url)
    _credit(env, "reset-db", "--create")
    _credit(env, "migrate")
    _credit(env, "init", "--config", str(BUREAU))


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def run_import(
    url: str, path: Path, profile: Path | None = None, backend: Path = config.BACKEND_DIR
) -> dict[str, Any]:
    """`python -m credit import FILE` in a subprocess, measured from outside."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "credit", "import", str(path)]
    backends: dict[int, float] = {}
    hwm = 0
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        # `-m credit` from `backend`: the product of that checkout (the venv's packages)
        child = subprocess.Popen(
            command, cwd=backend, env=_env(url), stdout=out, stderr=subprocess.STDOUT
        )
        needle = f" postgres {_db_name(url)} "  # "postgres: 15/main: postgres DB addr"
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            hwm = max(hwm, procs.status_kb(child.pid, "VmHWM"))
            for backend_pid in procs.pids_matching(needle):
                seen = procs.cpu_seconds(backend_pid)
                backends[backend_pid] = max(backends.get(backend_pid, 0.0), seen)
            time.sleep(0.1)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    # the report's own time: from reading the file to the commit (no interpreter start-up)
    own = re.search(r"用时 ([0-9.]+) 秒", text)
    return {
        "exit_code": child.returncode,
        "wall_s": round(wall, 2),
        "import_s": float(own[1]) if own else None,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "cpu_user_s": round(usage.ru_utime, 2),
        "peak_rss_mib_vmhwm": round(hwm / 1024, 1),
        "peak_rss_mib_maxrss": round(usage.ru_maxrss / 1024, 1),
        "postgres_cpu_s": round(sum(backends.values()), 2),
        "output": text.strip().splitlines()[-8:],
    }


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _print_profile(path: Path, top: int) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importbench")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--again", action="store_true", help="then import the file again")
    parser.add_argument("--profile", action="store_true", help="cProfile the (first) import")
    parser.add_argument("--top", type=int, default=40, help="functions shown with --profile")
    parser.add_argument("--keep-file", action="store_true", help="keep the generated file")
    parser.add_argument(
        "--backend",
        type=Path,
        default=config.BACKEND_DIR,
        help="the backend/ of another checkout to import with (e.g. an older commit's, "
        "from `git archive`), for a before/after comparison on one machine",
    )
    args = parser.parse_args(argv)

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith("postgres://postgres@127.0.0.1:"):
        parser.error("BENCH_DATABASE_URL must be a loopback PostgreSQL database")
    config.RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    today = datetime.now(ZoneInfo(config.TIME_ZONE)).date()
    path = config.RESULTS_DIR / f"import-{stamp}.{args.format}"
    started = time.perf_counter()
    counts = write_file(path, args.format, args.rows, today)
    print(
        f"file: {path.name}, {args.rows:,} rows ({counts}), {path.stat().st_size / 2**20:.1f} MiB,"
        f" written in {time.perf_counter() - started:.1f} s"
    )
    fresh_database(url)
    print(f"fresh database {_db_name(url)} (reset, migrate, init); load average {_load()}")
    result: dict[str, Any] = {
        "stamp": stamp,
        "rows": args.rows,
        "format": args.format,
        "kinds": counts,
        "file_mib": round(path.stat().st_size / 2**20, 1),
        "cores": os.cpu_count(),
        "backend": str(args.backend),
        "runs": [],
    }
    profile = config.RESULTS_DIR / f"import-{stamp}.prof" if args.profile else None
    for label in ("first", "again") if args.again else ("first",):
        load = _load()
        run = run_import(url, path, profile if label == "first" else None, args.backend)
        run |= {"run": label, "load_before": load, "load_after": _load()}
        run["rows_per_s"] = round(args.rows / run["wall_s"])
        result["runs"].append(run)
        print("\n".join(run["output"]))
        if run["exit_code"] != 0:
            print(f"import failed (exit {run['exit_code']})")
            break
    print()
    print(
        "| run | rows/s | wall s | import s | CPU s | PostgreSQL CPU s | peak RSS MiB "
        "| load before → after |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in result["runs"]:
        print(
            f"| {r['run']} | {r['rows_per_s']:,} | {r['wall_s']} | {r['import_s']} | {r['cpu_s']} "
            f"| {r['postgres_cpu_s']} | {r['peak_rss_mib_maxrss']} | {r['load_before']} → "
            f"{r['load_after']} |"
        )
    out = config.RESULTS_DIR / f"import-{stamp}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\n{out}")
    if profile is not None and profile.exists():
        _print_profile(profile, args.top)
    if not args.keep_file:
        path.unlink()
    return 0 if all(r["exit_code"] == 0 for r in result["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
