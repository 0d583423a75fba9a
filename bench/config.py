"""Where the benchmark runs: its own PostgreSQL database and Redis db, loopback only."""

from __future__ import annotations

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
BACKEND_DIR = REPO_DIR / "backend"
RESULTS_DIR = BENCH_DIR / "results"

# Overridable, but only towards loopback services (the benchmark never leaves the machine).
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SECRET_KEY = "bench-only-not-a-secret"
HOST = "127.0.0.1"
TIME_ZONE = "Asia/Shanghai"

# Bump when the generator changes: a seed of another version is rebuilt.
SEED_VERSION = 3


def dsn(url: str = DATABASE_URL) -> str:
    """asyncpg's spelling of the URL."""
    return "postgresql://" + url.split("://", 1)[1]
