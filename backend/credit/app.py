"""The ASGI app: GraphQL at /graphql, the built SPA at /, health at /healthz, credit
reports at /reports/, exports at /export/, Prometheus metrics at /metrics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from mimetypes import guess_type
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute

from credit.api.headers import SecuredStarlette
from credit.api.health import healthz
from credit.api.http import CreditGraphQL, GraphQLEndpoint
from credit.api.metrics import mark_worker_stopped, metrics_endpoint
from credit.api.middleware import RequestContextMiddleware
from credit.api.schema import schema
from credit.core import replica
from credit.core.cache import start_cache, stop_cache
from credit.core.db import close_db, init_db
from credit.core.settings import Settings, get_settings
from credit.creditreport.routes import routes as report_routes
from credit.exports.routes import routes as export_routes
from credit.outbox.services import run_worker
from credit.records.templates_http import routes as template_routes
from credit.watches.delivery.subscription import WatchSocket
from credit.watches.delivery.worker import run_worker as run_webhook_worker

log = logging.getLogger("credit")


# Precompressed siblings the build writes (frontend/vite.config.ts), best first.
_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def _accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header allows (q=0 refuses one)."""
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            allowed = float(q) > 0
        except ValueError:
            allowed = False
        if name and allowed:
            accepted.add(name.strip().lower())
    return accepted


def _spa(static_dir: Path) -> Any:
    index = static_dir / "index.html"
    root = static_dir.resolve()

    def existing_file(path: str) -> Path | None:
        candidate = (root / path).resolve()
        # Never serve outside the SPA folder (path traversal).
        return candidate if root in candidate.parents and candidate.is_file() else None

    def send(request: Request, file: Path, headers: dict[str, str]) -> Response:
        """The file, or its precompressed sibling when the client accepts that coding.
        Content-Type stays the original file's; caches key on Accept-Encoding."""
        headers = {**headers, "Vary": "Accept-Encoding"}
        accepted = _accepted_encodings(request.headers.get("accept-encoding", ""))
        for coding, suffix in _ENCODINGS:
            sibling = file.with_name(file.name + suffix)
            if coding in accepted and sibling.is_file():
                return FileResponse(
                    sibling,
                    media_type=guess_type(file.name)[0] or "application/octet-stream",
                    headers={**headers, "Content-Encoding": coding},
                )
        return FileResponse(file, headers=headers)

    async def serve(request: Request) -> Response:
        path = request.path_params.get("path", "")
        candidate = existing_file(path) if path else None
        if candidate is not None and candidate.suffix not in (".br", ".gz"):
            if path.startswith("assets/"):
                # Hashed names: a new build is a new URL.
                return send(
                    request, candidate, {"Cache-Control": "public, max-age=31536000, immutable"}
                )
            if candidate == index.resolve():
                return send(request, candidate, {"Cache-Control": "no-cache"})
            return send(request, candidate, {})
        if path.startswith(("assets/", "graphql")):
            return PlainTextResponse("Not Found", status_code=404)
        if index.is_file():
            return send(request, index, {"Cache-Control": "no-cache"})
        return PlainTextResponse(
            "前端尚未构建（frontend/dist 不存在）：运行 make run 或 make -C frontend build。",
            status_code=503,
        )

    return serve


SWEEP_INTERVAL_SECONDS = 600


async def _sweep_forever() -> None:
    """Re-evaluate what time has made stale, in the background. Correctness never depends
    on it (reads recompute what is stale); it keeps reads fast after midnight."""
    from credit.grades.services import sweep

    while True:
        try:
            done = await sweep()
            if done:
                log.info("sweep re-evaluated %d subject(s)", done)
        except Exception:  # a failed sweep is retried next time
            log.exception("sweep failed")
        await asyncio.sleep(SWEEP_INTERVAL_SECONDS)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await init_db(settings)
        start_cache(settings.redis_url)
        sweeper = asyncio.create_task(_sweep_forever())
        stop = asyncio.Event()
        # Measures the replica's lag, which decides where public reads go.
        monitor = (
            asyncio.create_task(replica.run_monitor(stop))
            if settings.database_replica_url
            else None
        )
        async with httpx.AsyncClient() as client:
            # The outbox worker: delivers notices and publications written by committed
            # transactions; every worker may run one (events are claimed with a lease).
            deliverer = asyncio.create_task(run_worker(settings.outbox_targets, client, stop))
            # The watch webhooks (credit.watches.delivery.worker): claimed the same way.
            webhooks = asyncio.create_task(run_webhook_worker(client, stop))
            try:
                yield
            finally:
                stop.set()
                sweeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sweeper
                await deliverer
                if monitor is not None:
                    await monitor
                await webhooks
            await stop_cache()
            await close_db()
            mark_worker_stopped()

    graphql_app = GraphQLEndpoint(CreditGraphQL(schema, graphql_ide="graphiql"))
    spa = _spa(settings.static_dir)
    routes = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        # Subscriptions (watchEvents) over graphql-transport-ws; authenticated by the token
        # in connection_init, never by a cookie (credit.watches.delivery.subscription).
        WebSocketRoute("/graphql", WatchSocket(schema)),
        Route("/healthz", healthz),
        Route("/metrics", metrics_endpoint(settings.metrics_allow)),
        *report_routes,
        *export_routes,
        *template_routes,
        Route("/", spa),
        Route("/{path:path}", spa),
    ]
    middleware = [Middleware(RequestContextMiddleware, trusted_proxies=settings.trusted_proxies)]
    return SecuredStarlette(routes=routes, lifespan=lifespan, middleware=middleware)
