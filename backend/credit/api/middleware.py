"""The request middleware around every route: the caller's real address (TRUSTED_PROXIES),
the request id (logs, X-Request-ID, audit events) and the request metrics."""

from __future__ import annotations

import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from credit.api import metrics
from credit.core.logs import request_id_var
from credit.core.netaddr import Networks, client_address, is_in

# An incoming id is kept only from a trusted proxy, and only if it is harmless in a log
# line or a header (nginx's $request_id is 32 hex digits).
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
# Reading the pool costs ~20 µs: sampled every few requests (and at every scrape).
POOL_SAMPLE_EVERY = 16
# Transport-level refusals that carry no GraphQL error code of their own.
_STATUS_OUTCOMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    413: "PAYLOAD_TOO_LARGE",
    429: "RATE_LIMITED",
    504: "TIMEOUT",
}


def route_label(path: str) -> str:
    if path.startswith("/reports/"):
        return "creditReportPdf"
    if path in {"/healthz", "/metrics", "/graphql"}:
        # /graphql here: no operation was read (GraphiQL's page, or refused before)
        return path.lstrip("/")
    return "spa"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, trusted_proxies: Networks = ()) -> None:
        self.app = app
        self.trusted = trusted_proxies
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        peer, port = scope.get("client") or ("", 0)
        from_proxy = bool(self.trusted) and is_in(peer, self.trusted)
        if from_proxy:
            # Rewritten once here, so rate limits, the report limit, /metrics' allow-list
            # and the audit trail's client_addr all see the same, real address.
            real = client_address(
                peer, headers.get("x-forwarded-for"), headers.get("x-real-ip"), self.trusted
            )
            scope["client"] = (real, port)
        incoming = headers.get("x-request-id", "") if from_proxy else ""
        request_id = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        scope["credit.request_id"] = request_id
        token = request_id_var.set(request_id)
        self.requests += 1
        if self.requests % POOL_SAMPLE_EVERY == 0:
            metrics.sample_pool()
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["x-request-id"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            metrics.observe_request(
                _operation(scope), _outcome(scope, status), time.perf_counter() - started
            )
        # Left set when an exception escapes, so the server's error line carries the id
        # (each request runs in its own task: the value does not outlive it).
        request_id_var.reset(token)


def _operation(scope: Scope) -> str:
    operation = scope.get("credit.operation")
    return operation if isinstance(operation, str) else route_label(scope.get("path", ""))


def _outcome(scope: Scope, status: int) -> str:
    outcome = scope.get("credit.outcome")
    if isinstance(outcome, str):
        return outcome
    if status < 400:
        return "ok"
    return _STATUS_OUTCOMES.get(status, f"HTTP_{status}")
