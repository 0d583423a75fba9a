"""The /graphql endpoint: who is calling, rate limits, the public result cache, a request
timeout, and then strawberry."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from credit.accounts.actor import ANONYMOUS, Actor, ActorKind
from credit.accounts.auth import SESSION_COOKIE, actor_from_session, actor_from_token
from credit.api import public_cache
from credit.api.extensions import UNAVAILABLE_MESSAGE, fix_error
from credit.api.headers import graphiql_policy
from credit.api.health import database_unreachable
from credit.api.limits import MAX_QUERY_CHARS
from credit.api.metrics import PUBLIC_CACHE, PUBLIC_READS, operation_label
from credit.apicore import ratelimit
from credit.apicore.body import GraphQLBody
from credit.apicore.context import Context
from credit.apicore.loaders import Loaders
from credit.core import replica
from credit.subjects import public_sql

log = logging.getLogger("credit.api")
REQUEST_TIMEOUT_SECONDS = 15.0
# Evidence files travel base64-encoded inside mutations (up to 20 MB of files per request).
MAX_BODY_BYTES = 28 * 1024 * 1024


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code, **extra}}]},
        status_code=status,
    )


async def resolve_actor(request: Request) -> Actor | None:
    """None means a bearer token was presented and is not valid."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return await actor_from_token(auth[7:].strip())
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        return await actor_from_session(token)
    return ANONYMOUS


class CreditGraphQL(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        assert isinstance(request, Request)
        actor = request.scope.get("credit.actor", ANONYMOUS)
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            actor=actor,
            loaders=Loaders(),
            request_id=request.scope.get("credit.request_id") or Context.new_request_id(),
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        html = self.graphql_ide_html
        return HTMLResponse(html, headers={"content-security-policy": graphiql_policy(html)})

    async def process_result(
        self, request: Request | WebSocket, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            request_id = request.scope.get("credit.request_id") or ""
            errors = [fix_error(e, request_id).formatted for e in result.errors]
            data["errors"] = list(errors)
            code = (errors[0].get("extensions") or {}).get("code")
            request.scope["credit.outcome"] = str(code or "ERROR")
        if result.extensions:
            data["extensions"] = result.extensions
        return data


class GraphQLEndpoint:
    def __init__(self, app: CreditGraphQL) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        # Set by RequestContextMiddleware (an incoming X-Request-ID only from a trusted proxy).
        scope.setdefault("credit.request_id", Context.new_request_id())
        try:
            actor = await resolve_actor(request)
        except Exception as exc:
            if not database_unreachable(exc):
                raise
            response = _error(503, "SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE)
            response.headers["retry-after"] = "5"
            await response(scope, receive, send)
            return
        if actor is None:
            await _error(401, "UNAUTHENTICATED", "API 令牌无效、已过期或已吊销")(
                scope, receive, send
            )
            return
        scope["credit.actor"] = actor
        limited = await self._rate_limit(request, actor)
        if limited is not None:
            await limited(scope, receive, send)
            return
        if request.method != "POST":
            await self.app(scope, receive, send)
            return
        body = await _read_body(request)
        if body is None:
            limit = MAX_BODY_BYTES // 1024 // 1024
            await _error(
                413, "PAYLOAD_TOO_LARGE", f"请求体过大（上限 {limit} MB）", maxBytes=MAX_BODY_BYTES
            )(scope, receive, send)
            return
        parsed = GraphQLBody.parse(body)
        scope["credit.operation"] = operation_label(_operation_name(parsed))
        if not _is_public_read(parsed, actor):
            await self._answer(scope, receive, send, parsed, actor)
            return
        # A public read may be answered from the replica (credit.core.replica), the cache
        # key's data version included: both from the same database.
        with replica.public_reads():
            PUBLIC_READS.labels(replica.route() or "primary").inc()
            await self._answer(scope, receive, send, parsed, actor)

    async def _answer(
        self, scope: Scope, receive: Receive, send: Send, body: GraphQLBody, actor: Actor
    ) -> None:
        """From the public cache, else by running the operation (and caching a public
        answer)."""
        replay = _replay(body.raw)
        cache_key = await self._cache_key(body, actor)
        if cache_key is not None:
            cached = await public_cache.get(cache_key)
            PUBLIC_CACHE.labels("miss" if cached is None else "hit").inc()
            if cached is not None:
                response = Response(cached, media_type="application/json")
                response.headers["x-cache"] = "hit"
                await response(scope, receive, send)
                return
        capture = _Capture(send) if cache_key is not None else None
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
                # The common public lookup in one SQL statement; anything else, strawberry.
                fast = await public_sql.respond(scope, body)
                if fast is not None:
                    await fast(scope, replay, send)
                else:
                    await self.app(scope, replay, capture.send if capture else send)
        except TimeoutError:
            await _error(504, "TIMEOUT", f"请求超过 {REQUEST_TIMEOUT_SECONDS:.0f} 秒，已中止")(
                scope, receive, send
            )
            return
        if cache_key is None:
            return
        # The statement's answer is stored as it is; the resolvers' as it was sent.
        if fast is not None:
            await public_cache.put(cache_key, bytes(fast.body).decode())
        elif capture is not None and capture.status == 200 and b'"errors"' not in capture.body:
            await public_cache.put(cache_key, capture.body.decode())

    async def _rate_limit(self, request: Request, actor: Actor) -> Response | None:
        client = request.client.host if request.client else ""
        retry = await ratelimit.over_limit(
            client, actor, public_bucket="ip", public_limit=ratelimit.PUBLIC_PER_MINUTE
        )
        if retry is None:
            return None
        response = _error(429, "RATE_LIMITED", f"请求过于频繁，请{retry}秒后再试", retryAfter=retry)
        response.headers["retry-after"] = str(retry)
        return response

    async def _cache_key(self, body: GraphQLBody, actor: Actor) -> str | None:
        if actor.kind == ActorKind.USER:
            return None
        operation = _sized_operation(body)
        if operation is None or not public_cache.is_cacheable_query(*operation):
            return None
        return await public_cache.key_for(body.raw, actor.audience)


def _sized_operation(body: GraphQLBody) -> tuple[str, str | None] | None:
    operation = body.operation
    if operation is None or len(operation[0]) > MAX_QUERY_CHARS:
        return None  # refused by QuerySizeLimit; deciding what it reads would parse it
    return operation


def _is_public_read(body: GraphQLBody, actor: Actor) -> bool:
    if actor.kind == ActorKind.USER:
        return False  # staff read the primary, so always see their own writes
    operation = _sized_operation(body)
    return operation is not None and public_cache.is_public_read(*operation)


async def _read_body(request: Request) -> bytes | None:
    """The body, or None when it is over MAX_BODY_BYTES: refused on the declared length
    before reading anything, else as soon as the bytes received pass the limit (a client
    may send no length, or a false one)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


_OPERATION = re.compile(r"\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)")


def _operation_name(body: GraphQLBody) -> str | None:
    """The operation's name for the metrics: operationName, else the first named one."""
    if body.operation_name:
        return body.operation_name
    query = body.query
    match = _OPERATION.search(query) if query is not None else None
    return match.group(1) if match else None


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


class _Capture:
    """Forwards the response and keeps a copy of its body for the cache."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status = 0
        self.body = b""

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")
        await self._send(message)
