"""Test helpers for delivery: a real webhook receiver on loopback (an asyncio HTTP server
that verifies signatures and deduplicates on the idempotency key, as docs/partners.md asks
of partners), writing watch events, and an in-process uvicorn for WebSocket clients."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from credit.core import clock
from credit.testing_redis import free_port
from credit.watches.delivery.signing import verify
from credit.watches.models import Watch, WatchEvent, WatchEventKind


@dataclass
class Received:
    event_id: str
    body: dict[str, Any]
    signed: bool


@dataclass
class Receiver:
    """POST / answers `status` (200 when up, 503 when down). While `hold` is set, a request
    is received (recorded in `arrived`) and then kept waiting until `release` is set.
    `applied` holds each event once, in the order first received."""

    secret: str = ""
    status: int = 200
    port: int = field(default_factory=free_port)
    arrived: list[Received] = field(default_factory=list)
    applied: list[Received] = field(default_factory=list)
    hold: bool = False
    release: asyncio.Event = field(default_factory=asyncio.Event)
    got_one: asyncio.Event = field(default_factory=asyncio.Event)
    _server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def uscc_order(self, uscc: str) -> list[str]:
        return [r.body["cursor"] for r in self.applied if r.body["uscc"] == uscc]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            headers = {
                k.strip().lower(): v.strip()
                for k, _, v in (line.partition(":") for line in lines[1:] if line)
            }
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            status = self.status
            if status == 200:
                signed = verify(
                    headers.get("x-credit-signature", ""), body, self.secret, int(time.time())
                )
                payload = json.loads(body)
                key = headers.get("idempotency-key", "")
                item = Received(key, payload, signed)
                self.arrived.append(item)
                self.got_one.set()
                if self.hold:
                    await self.release.wait()
                if not signed:
                    status = 401
                elif key not in {r.event_id for r in self.applied}:
                    self.applied.append(item)
            writer.write(
                f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@contextlib.asynccontextmanager
async def receiver(secret: str = "") -> AsyncIterator[Receiver]:
    r = Receiver(secret=secret)
    await r.start()
    try:
        yield r
    finally:
        r.release.set()
        await r.stop()


async def watch(token_id: int, subject: Any, since: datetime | None = None) -> Watch:
    row = await Watch.create(token_id=token_id, subject_id=subject.id, uscc=subject.uscc)
    # The watch counts from `since` (events_for_token reads events from the watch on).
    await Watch.filter(id=row.id).update(created_at=since or datetime(2000, 1, 1, tzinfo=clock.TZ))
    return row


async def write_event(
    subject: Any, kind: WatchEventKind = WatchEventKind.GRADE_CHANGED, after: Any = None
) -> WatchEvent:
    """A change event as the watches side writes it (tests only: the next position)."""
    last = await WatchEvent.all().order_by("-position").first()
    return await WatchEvent.create(
        position=(last.position if last else 0) + 1,
        event_id=uuid.uuid4(),
        subject_id=subject.id,
        uscc=subject.uscc,
        kind=kind,
        before={"grade": "B"},
        after=after if after is not None else {"grade": "C"},
        effective_date=clock.today(),
        reasons=[{"summary": "测试", "rule": "test", "article": ""}],
        created_at=clock.now(),
    )


@contextlib.asynccontextmanager
async def serve_in_process(app: Any) -> AsyncIterator[str]:
    """The app on a real loopback port in this event loop (the test's database and clock),
    without its lifespan. Yields the ws:// URL of /graphql."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.02)
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)


WATCH_EVENTS = (
    "subscription W($after: String) { watchEvents(after: $after) "
    "{ cursor eventId uscc kind after effectiveDate } }"
)


@contextlib.asynccontextmanager
async def subscription(
    url: str, token: str | None, after: str | None = None, **connect_kw: Any
) -> AsyncIterator[Any]:
    """A graphql-transport-ws client (the `websockets` package) subscribed to watchEvents:
    yields an async function returning the next event message (or raising on close)."""
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    async with connect(url, subprotocols=[Subprotocol("graphql-transport-ws")], **connect_kw) as ws:
        payload = {"authorization": f"Bearer {token}"} if token else {}
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert ack["type"] == "connection_ack", ack
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": WATCH_EVENTS, "variables": {"after": after}},
                }
            )
        )

        async def next_event() -> dict[str, Any]:
            message = json.loads(await asyncio.wait_for(ws.recv(), 10))
            assert message["type"] == "next", message
            assert not message["payload"].get("errors"), message
            return message["payload"]["data"]["watchEvents"]

        yield next_event
