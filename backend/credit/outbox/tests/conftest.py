"""The local HTTP receiver the outbox delivers to in these tests."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass
class Receiver:
    """Fails the first `fail_first` requests with `fail_status`, then accepts. Applies
    each Idempotency-Key once (a repeat gets 200 without applying again). With
    `lose_first_response`, the first request is applied but answered 500, as when the
    answer is lost on the way back."""

    url: str = ""
    fail_first: int = 0
    fail_status: int = 503
    lose_first_response: bool = False
    requests: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    applied: dict[str, int] = field(default_factory=dict)

    async def handle(self, request: Request) -> JSONResponse:
        key = request.headers.get("idempotency-key", "")
        body = await request.json()
        self.requests.append((key, body))
        if len(self.requests) <= self.fail_first:
            return JSONResponse({"error": "unavailable"}, status_code=self.fail_status)
        if key in self.applied:
            return JSONResponse({"duplicate": True}, status_code=200)
        self.applied[key] = len(self.requests)
        if self.lose_first_response and len(self.requests) == 1:
            return JSONResponse({"error": "lost"}, status_code=500)
        return JSONResponse({"ok": True}, status_code=201)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver()

    async def endpoint(request: Request) -> JSONResponse:
        return await state.handle(request)

    app = Starlette(routes=[Route("/events", endpoint, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, lifespan="off", log_level="warning", http="h11", ws="none", access_log=False
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    state.url = f"http://127.0.0.1:{port}/events"
    yield state
    server.should_exit = True
    await task
    sock.close()
