"""The `watchEvents(after:)` subscription over WebSocket (graphql-transport-ws).

The socket is authenticated once, by the partner token in connection_init's payload
({"authorization": "Bearer <token>"}): no token or an invalid one closes it with 4401, a
token without WATCH_SUBJECTS with 4403. Cookies are never read on a socket (a console
session cannot subscribe), and strawberry refuses a cross-origin browser handshake.
The stream replays the events after the cursor, then polls for new ones; every message
carries its cursor, so a client that reconnects resumes where it stopped. The token is
re-checked on every poll: a revoked or expired token ends the stream.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UNSET, UnsetType

from credit.accounts.auth import actor_from_token
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Context, Info
from credit.apicore.loaders import Loaders
from credit.core import clock
from credit.watches.delivery.worker import active_token
from credit.watches.queries import events_for_token
from credit.watches.types import WatchEventNode, decode_position

POLL_SECONDS = 1.0
PAGE = 100
MAX_SUBSCRIPTIONS_PER_CONNECTION = 5
_CLOSE = "credit.ws_close"


async def stream(token_id: int, after: int | None) -> AsyncGenerator[WatchEventNode, None]:
    cursor = after
    while True:
        if not await active_token(token_id, clock.now()):
            return
        events = await events_for_token(token_id, cursor, PAGE)
        for event in events:
            cursor = int(event.position)
            yield WatchEventNode.from_model(event)
        if len(events) < PAGE:
            await asyncio.sleep(POLL_SECONDS)


@strawberry.type
class WatchSubscription:
    @strawberry.subscription(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="关注主体的变更事件：先补发游标之后的事件，再实时推送新事件（WebSocket，"
        "graphql-transport-ws；在 connection_init 的 payload 中携带 authorization）",
    )
    async def watch_events(
        self, info: Info, after: str | None = None
    ) -> AsyncGenerator[WatchEventNode, None]:
        token_id = info.context.actor.token_id
        assert token_id is not None
        async for message in stream(token_id, decode_position(after)):
            yield message


@dataclass
class SocketContext(Context):
    connection_params: dict[str, Any] | None = None
    socket: WebSocket | None = None


class _Adapter(ASGIWebSocketAdapter):
    async def close(self, code: int, reason: str) -> None:
        # on_ws_connect may have chosen the code (4401 rather than strawberry's 4403).
        code, reason = self.ws.scope.pop(_CLOSE, (code, reason))
        await self.ws.close(code=code, reason=reason)


class WatchSocket(GraphQL[SocketContext, None]):
    """The WebSocket side of /graphql: subscriptions only (queries and mutations are
    served over HTTP, where the rate limits and the cache apply)."""

    websocket_adapter_class = _Adapter

    def __init__(self, schema: Any) -> None:
        super().__init__(
            schema,
            graphql_ide=None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION,
        )

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> SocketContext:
        return SocketContext(
            request=None,
            response=None,
            request_id=Context.new_request_id(),
            socket=request if isinstance(request, WebSocket) else None,
        )

    async def on_ws_connect(self, context: SocketContext) -> UnsetType | dict[str, object] | None:
        params = context.connection_params or {}
        raw = params.get("authorization") or params.get("Authorization") or ""
        token = (
            raw[7:].strip() if isinstance(raw, str) and raw.lower().startswith("bearer ") else ""
        )
        actor = await actor_from_token(token) if token else None
        if actor is None:
            if context.socket is not None:
                context.socket.scope[_CLOSE] = (4401, "Unauthorized")
            raise ConnectionRejectionError()
        if not actor.can(Permission.WATCH_SUBJECTS):
            raise ConnectionRejectionError()  # 4403 Forbidden
        context.actor = actor
        context.loaders = Loaders()
        return UNSET
