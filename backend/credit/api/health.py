"""GET /healthz: what a load balancer and an operator need to know.

200 {"status": "ok"}: every dependency answers.
200 {"status": "degraded", "degraded": ["redis"]}: Redis is down; every answer is still
    correct (from PostgreSQL) and limits count per process, so the instance stays in.
503 {"status": "down", "down": ["postgresql"]}: no answer can be given; take it out.
Each check is bounded, so a hung dependency cannot hang the probe.
"""

from __future__ import annotations

import asyncio
import logging

from asyncpg.exceptions import ConnectionDoesNotExistError, OperatorInterventionError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections
from tortoise.exceptions import DBConnectionError

from credit.core import replica
from credit.core.cache import get_cache

log = logging.getLogger("credit")
DATABASE_TIMEOUT = 2.0  # seconds
_UNREACHABLE = (
    OSError,  # refused, reset, unreachable
    DBConnectionError,
    ConnectionDoesNotExistError,  # a pooled connection the server closed
    OperatorInterventionError,  # shutting down, starting up, crashed
)


def database_unreachable(exc: BaseException | None) -> bool:
    """Whether `exc` (or what it wraps) says the database cannot be reached: an outage to
    answer with SERVICE_UNAVAILABLE, not a bug to mask as INTERNAL_ERROR."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, _UNREACHABLE):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


async def _database_ok() -> bool:
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT):
            await connections.get("default").execute_query("SELECT 1")
    except Exception as exc:  # any failure means "down"; the reason goes to the log
        log.warning("health: database check failed: %r", exc)
        return False
    return True


async def healthz(request: Request) -> Response:
    cache = get_cache()
    checks = {
        "postgresql": await _database_ok(),
        **({"redis": await cache.ping()} if cache.shared else {}),
    }
    down = [name for name, ok in checks.items() if not ok]
    body: dict[str, object] = {name: "ok" if ok else "down" for name, ok in checks.items()}
    monitor = replica.monitor()
    if monitor.configured:
        # Public reads go to the primary meanwhile: degraded, never down.
        body["replica"] = monitor.state
        if monitor.state != "ok":
            down.append("replica")
    if "postgresql" in down:
        body |= {"status": "down", "down": down}
        return JSONResponse(body, status_code=503, headers={"Cache-Control": "no-store"})
    if down:
        body |= {"status": "degraded", "degraded": down}
    else:
        body["status"] = "ok"
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
