"""`make test` on a fresh machine (issue 13 item 5): it installs the Debian packages the
tests need when root, or stops with the exact command; it runs `make lint`; `.ci/run` is
a thin call of it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from credit.core.settings import REPO_DIR


def make_rule(target: str) -> list[str]:
    text = (REPO_DIR / "Makefile").read_text("utf-8").replace("\\\n", " ")
    match = re.search(rf"^{re.escape(target)}:([^\n]*)$", text, re.M)
    assert match, f"no rule for {target}"
    return match.group(1).split()


def test_make_test_checks_the_system_and_runs_lint_before_the_suites() -> None:
    prerequisites = make_rule("test")
    assert prerequisites[0] == "test-system-deps"
    assert "lint" in prerequisites
    assert prerequisites.index("lint") < prerequisites.index("test-backend-postgres")
    for suite in ("test-backend-postgres", "test-backend-sqlite", "test-frontend", "test-e2e"):
        assert suite in prerequisites


def test_ci_is_a_thin_call_of_make_test() -> None:
    lines = [
        line.strip()
        for line in (REPO_DIR / ".ci" / "run").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] in {"make test", "exec make test"}
    assert not any("apt-get" in line for line in lines)


def test_without_root_a_missing_package_stops_with_the_exact_command() -> None:
    # given: a Chromium that does not exist, and a caller that is not root
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        shutil.copy(REPO_DIR / "Makefile", folder / "Makefile")
        (folder / "Makefile").chmod(0o644)
        command = ["make", "-s", "test-system-deps", "CHROMIUM_PATH=/nonexistent/chromium"]
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        # when
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(folder)
    # then: nothing was installed, and the message says exactly what to run
    assert done.returncode != 0
    assert "sudo apt-get update && sudo apt-get install -y chromium" in done.stdout, done.stdout


def test_with_everything_installed_the_check_is_silent() -> None:
    done = subprocess.run(
        ["make", "-s", "test-system-deps"], cwd=REPO_DIR, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
