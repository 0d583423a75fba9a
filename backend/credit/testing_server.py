"""The real server (`python -m credit serve`, uvicorn) in a subprocess, for tests that need
real HTTP on loopback and real dependencies they can break."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx

from credit.core.settings import BACKEND_DIR
from credit.testing_redis import free_port


def run_cli(*args: str, env: dict[str, str]) -> None:
    """`python -m credit <args>` with `env` added, e.g. reset-db --create, migrate."""
    subprocess.run(
        [sys.executable, "-m", "credit", *args],
        cwd=BACKEND_DIR,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        timeout=300,
    )


class AppServer:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "SECRET_KEY": "test-secret-key-not-for-production",
            "LOG_LEVEL": "WARNING",
            **env,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(  # noqa: ASYNC220 - starting a server, once
                [sys.executable, "-m", "credit", "serve"],
                cwd=BACKEND_DIR,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        async with httpx.AsyncClient() as probe:
            for _ in range(300):
                try:
                    await probe.get(self.url + "/healthz")
                    return
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        raise AssertionError("the server did not start: " + self.log.read_text())

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
            self.proc = None
