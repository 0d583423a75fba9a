"""Security headers on every response (API, SPA, PDF, health).

The policy allows no inline script anywhere: the SPA's index.html loads only its bundled
modules. Styles may be inline because Element Plus injects them at run time; scripts never.
GraphiQL (GET /graphql in a browser) gets its own policy: its scripts come from unpkg (each
pinned by its integrity hash in the page) and its one inline bootstrap script is allowed by
its sha256, never by 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    # The console never needs to tell another site where it was (URLs name subjects).
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

GRAPHIQL_CDN = "https://unpkg.com"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def graphiql_policy(html: str) -> str:
    """The policy of the GraphiQL page `html`: its inline scripts allowed by hash only."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {GRAPHIQL_CDN} {hashes}",
            f"style-src 'self' 'unsafe-inline' {GRAPHIQL_CDN}",
            f"img-src 'self' data: {GRAPHIQL_CDN}",
            f"font-src 'self' data: {GRAPHIQL_CDN}",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    """ASGI middleware: adds HEADERS to every HTTP response that has not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SecuredStarlette(Starlette):
    """Starlette with SecurityHeaders outside everything, the server-error handler
    included, so that even an unexpected 500 carries the headers."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())
