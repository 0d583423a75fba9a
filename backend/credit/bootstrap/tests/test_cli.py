"""The command itself, as an operator runs it: a brand-new database, `migrate`, then
`init --config` twice, and a bad file that exits 1 naming the line and writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from credit.conftest import _test_settings
from credit.core.settings import REPO_DIR

EXAMPLE = REPO_DIR / "docs" / "deploy" / "bureau.example.toml"


@pytest.fixture
def fresh_database(tmp_path: Path) -> str:
    """A database of its own (never the suite's): a new SQLite file, or `<test db>_cli`."""
    url = _test_settings().database_url
    if url.startswith("sqlite"):
        return f"sqlite://{tmp_path / 'bureau.sqlite3'}"
    return url.rsplit("/", 1)[0] + "/" + url.rsplit("/", 1)[1].split("?")[0] + "_cli"


def run(url: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": "",
        "SECRET_KEY": "test-secret-key-not-for-production",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CREDIT_ADMIN_PASSWORD", None)
    if password is not None:
        env["CREDIT_ADMIN_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "credit", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def test_migrate_then_init_from_an_empty_database(fresh_database: str, tmp_path: Path) -> None:
    assert run(fresh_database, "reset-db", "--create").returncode == 0
    assert run(fresh_database, "migrate").returncode == 0
    # without a password (no variable, no terminal) nothing is written
    missing = run(fresh_database, "init", "--config", str(EXAMPLE))
    assert missing.returncode == 1 and "CREDIT_ADMIN_PASSWORD" in missing.stderr
    # a bad file: the line named, exit 1, nothing written
    bad = tmp_path / "bad.toml"
    bad.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('"wugang-2021"', '"wugang-2099"'),
        encoding="utf-8",
    )
    refused = run(fresh_database, "init", "--config", str(bad), password="Bureau-Admin-2026")
    line = next(
        i for i, text in enumerate(bad.read_text().splitlines(), start=1) if "wugang-2099" in text
    )
    assert refused.returncode == 1 and f"bad.toml:{line}: 未知的政策 wugang-2099" in refused.stderr
    first = run(fresh_database, "init", "--config", str(EXAMPLE), password="Bureau-Admin-2026")
    assert first.returncode == 0, first.stderr
    assert "单位 PLATFORM" in first.stdout and "管理员 admin" in first.stdout
    second = run(fresh_database, "init", "--config", str(EXAMPLE))
    assert second.returncode == 0 and "nothing to do" in second.stdout
    # the demo still loads on top of it (its structure is the same file)
    demo = run(fresh_database, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "演示数据已加载" in demo.stdout
