"""Real servers for tests: the app under uvicorn (`python -m credit serve`) and Debian's
nginx in front of it, each a child process on free loopback ports, always stopped."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from credit.core.settings import BACKEND_DIR, REPO_DIR, Settings

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_until_up(url: str, log: Path) -> None:
    async with httpx.AsyncClient() as probe:
        for _ in range(300):
            try:
                if (await probe.get(url + "/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{url} did not start:\n{read(log)}")


def read(log: Path) -> str:
    return log.read_text(errors="replace")


@contextlib.asynccontextmanager
async def app_server(
    settings: Settings, tmp_path: Path, **env: str
) -> AsyncIterator[tuple[str, Path]]:
    """`python -m credit serve` on the test database and cache; yields (url, log file)."""
    port = free_port()
    full_env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url or "",
        "SECRET_KEY": settings.secret_key or "",
        "STATIC_DIR": str(settings.static_dir),
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
        **env,
    }
    full_env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log = tmp_path / f"app-{port}.log"
    with log.open("wb") as log_file:
        proc = subprocess.Popen(  # noqa: ASYNC220 - starting a server, once per test
            [sys.executable, "-m", "credit", "serve"],
            cwd=BACKEND_DIR,
            env=full_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            await wait_until_up(url, log)
            yield url, log
        finally:
            proc.terminate()
            proc.wait(timeout=20)


STATIC_SCRIPT = "console.log('spa');\n" * 100


def nginx_config(tmp: Path, listen_port: int, app_port: int, bind: str) -> Path:
    """The project's own frontend/nginx.conf, pointed at loopback ports and a tmp root,
    inside a main configuration that keeps pid, logs and temp files under `tmp`."""
    server = (REPO_DIR / "frontend" / "nginx.conf").read_text("utf-8")
    assert "listen 80;" in server and "http://backend:8000" in server
    root = tmp / "html"
    root.mkdir(exist_ok=True)
    (root / "index.html").write_text("<!doctype html><title>spa</title>", "utf-8")
    # A built SPA's shape: precompressed siblings beside the files (vite.config.ts).
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "app-1a2b.js").write_text(STATIC_SCRIPT, "utf-8")
    for path in (root / "index.html", root / "assets" / "app-1a2b.js"):
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes()))
    server = (
        server.replace("listen 80;", f"listen 127.0.0.1:{listen_port};")
        .replace("http://backend:8000", f"http://127.0.0.1:{app_port}")
        .replace("root /usr/share/nginx/html;", f"root {root};")
    )
    temp_paths = "\n".join(
        f"    {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would drop to `nobody`, who cannot read pytest's tmp dirs.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"""daemon off;
{user}worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp / "access.log"};
{temp_paths}
    # The proxy's own address towards the app: the one TRUSTED_PROXIES names.
    proxy_bind {bind};
{server}
}}
""",
        "utf-8",
    )
    return conf


@contextlib.contextmanager
def nginx_in_front(tmp: Path, app_url: str, bind: str = "127.0.0.5") -> Iterator[str]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: make test installs it (apt-get install -y nginx)")
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    app_port = int(app_url.rsplit(":", 1)[1])
    conf = nginx_config(tmp, port, app_port, bind)
    log = tmp / "nginx.out"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(conf)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(300):
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                    break
                if proc.poll() is not None:
                    raise AssertionError("nginx exited: " + log.read_text(errors="replace"))
                time.sleep(0.05)
            else:
                raise AssertionError("nginx did not listen: " + log.read_text(errors="replace"))
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(timeout=20)
