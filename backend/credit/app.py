"""The ASGI app: GraphQL at /graphql, the built SPA at /, health at /healthz, credit
reports at /reports/, Prometheus metrics at /metrics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from credit.api.headers import SecuredStarlette
from credit.api.health import healthz
from credit.api.http import CreditGraphQL, GraphQLEndpoint
from credit.api.metrics import mark_worker_stopped, metrics_endpoint
from credit.api.middleware import RequestContextMiddleware
from credit.api.schema import schema
from credit.core.cache import start_cache, stop_cache
from credit.core.db import close_db, init_db
from credit.core.settings import Settings, get_settings
from credit.creditreport.routes import routes as report_routes
from credit.records.templates_http import routes as template_routes
from credit.workflows.outbox import run_worker

log = logging.getLogger("credit")


def _spa(static_dir: Path) -> Any:
    index = static_dir / "index.html"
    root = static_dir.resolve()

    def existing_file(path: str) -> Path | None:
        candidate = (root / path).resolve()
        # Never serve outside the SPA folder (path traversal).
        return candidate if root in candidate.parents and candidate.is_file() else None

    async def serve(request: Request) -> Response:
        path = request.path_params.get("path", "")
        candidate = existing_file(path) if path else None
        if candidate is not None:
            headers = (
                {"Cache-Control": "public, max-age=31536000, immutable"}
                if path.startswith("assets/")
                else {}
            )
            return FileResponse(candidate, headers=headers)
        if path.startswith(("assets/", "graphql")):
            return PlainTextResponse("Not Found", status_code=404)
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
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
        async with httpx.AsyncClient() as client:
            # The outbox worker: delivers notices and publications written by committed
            # transactions; every worker may run one (events are claimed with a lease).
            deliverer = asyncio.create_task(run_worker(settings.outbox_targets, client, stop))
            try:
                yield
            finally:
                stop.set()
                sweeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sweeper
                await deliverer
            await stop_cache()
            await close_db()
            mark_worker_stopped()

    graphql_app = GraphQLEndpoint(CreditGraphQL(schema, graphql_ide="graphiql"))
    spa = _spa(settings.static_dir)
    routes = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/metrics", metrics_endpoint(settings.metrics_allow)),
        *report_routes,
        *template_routes,
        Route("/", spa),
        Route("/{path:path}", spa),
    ]
    middleware = [Middleware(RequestContextMiddleware, trusted_proxies=settings.trusted_proxies)]
    return SecuredStarlette(routes=routes, lifespan=lifespan, middleware=middleware)
