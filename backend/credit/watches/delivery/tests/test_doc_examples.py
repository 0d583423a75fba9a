"""docs/partners.md's example receiver and subscription client, extracted from the doc
and run as they are against the test server (issue 17, item 5)."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from tortoise.transactions import in_transaction

from credit.core import clock
from credit.core.settings import REPO_DIR, Settings
from credit.testing_redis import free_port
from credit.watches.delivery import webhooks
from credit.watches.delivery.models import DeliveryStatus, WatchDelivery
from credit.watches.delivery.testing import serve_in_process, watch, write_event
from credit.watches.delivery.tests.conftest import Partner
from credit.watches.delivery.worker import deliver_due
from credit.watches.types import encode_position

DOC = REPO_DIR / "docs" / "partners.md"


def example(name: str) -> str:
    text = DOC.read_text("utf-8")
    match = re.search(rf"<!-- example: {re.escape(name)} -->\n```python\n(.*?)```", text, re.S)
    assert match, f"docs/partners.md has no example {name}"
    return match.group(1)


async def _lines(proc: subprocess.Popen[bytes], n: int) -> list[str]:
    assert proc.stdout is not None
    loop = asyncio.get_running_loop()
    out: list[str] = []
    async with asyncio.timeout(30):
        while len(out) < n:
            line = await loop.run_in_executor(None, proc.stdout.readline)
            if not line:
                break
            out.append(line.decode().strip())
    return out


async def _run(path: Path, env: dict[str, str]) -> AsyncIterator[subprocess.Popen[bytes]]:
    with (path.parent / f"{path.stem}.log").open("ab") as log:
        proc = subprocess.Popen(  # noqa: ASYNC220
            [sys.executable, str(path)],
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=log,
            cwd=path.parent,
        )
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()


async def test_the_example_receiver_accepts_signed_events_once_and_refuses_forgeries(
    partner: Partner, tmp_path: Path
) -> None:
    path = tmp_path / "receiver.py"
    path.write_text(example("receiver.py"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    async with in_transaction() as conn:
        secret = (await webhooks.set_webhook(conn, partner.token_id, url)).secret
    assert secret
    subject = partner.subjects[0]
    await watch(partner.token_id, subject)
    events = [await write_event(subject), await write_event(subject)]
    async for proc in _run(path, {"WEBHOOK_SECRET": secret, "PORT": str(port)}):
        async with httpx.AsyncClient() as http:
            for _ in range(100):  # until it listens
                try:
                    await http.post(url, content=b"{}")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            forged = await http.post(
                url, content=b"{}", headers={"X-Credit-Signature": "t=1,v1=00"}
            )
            assert forged.status_code == 401
            for _ in range(3):
                await deliver_due(clock.now(), http)
            lines = await _lines(proc, 2)
    assert [line.split()[0] for line in lines] == [encode_position(e.position) for e in events]
    assert {d.status for d in await WatchDelivery.all()} == {DeliveryStatus.DELIVERED}


async def test_the_example_client_follows_and_resumes_after_its_cursor(
    partner: Partner, settings: Settings, tmp_path: Path
) -> None:
    pytest.importorskip("websockets")
    from credit.app import create_app

    path = tmp_path / "subscribe.py"
    path.write_text(example("subscribe.py"))
    subject = partner.subjects[0]
    await watch(partner.token_id, subject)
    first = [await write_event(subject), await write_event(subject)]
    async with serve_in_process(create_app(settings)) as ws_url:
        env = {"CREDIT_TOKEN": partner.token, "CREDIT_WS_URL": ws_url}
        cursor_file = tmp_path / "watch-cursor.txt"
        async for proc in _run(path, env):
            got = await _lines(proc, 2)
            for _ in range(100):  # it stores the cursor once the event is handled
                if cursor_file.exists() and cursor_file.read_text() == encode_position(
                    first[-1].position
                ):
                    break
                await asyncio.sleep(0.05)
        assert [line.split()[0] for line in got] == [encode_position(e.position) for e in first]
        assert (tmp_path / "watch-cursor.txt").read_text() == encode_position(first[-1].position)
        # stopped, then started again: only what came meanwhile
        later = await write_event(subject)
        async for proc in _run(path, env):
            again = await _lines(proc, 1)
        assert [line.split()[0] for line in again] == [encode_position(later.position)]
