"""What-if runs: the product with one suggested change applied in the benchmark's process
only (monkeypatches at start-up; the backend's code is untouched). They put a number on a
suggestion; they are never the product's result.

    python -m bench --experiment validation-once[,no-pool-reset,...]

- validation-once: the schema with the depth/alias limiter rules built once, so that
  strawberry's ValidationCache finds its key (the product builds new rule classes per
  request, so every request re-validates the document).
- no-pool-reset: asyncpg's pool skips the reset statement it sends on every release
  (Tortoise acquires and releases a connection per query: 8 round trips for 4 queries).
- quiet-log: LOG_LEVEL=WARNING (no access-log line per request); set by bench/__main__.
- resolvers: the public lookup by the GraphQL resolvers only (no one-statement path,
  credit.subjects.public_sql), i.e. the product before issue 16's lookup.
- redis-py: every Redis call through redis-py (no lean client, credit.core.resp).
- pool-reset: asyncpg's reset statement on every release again (credit.core.pg_backend off).
  `--experiment resolvers,redis-py,pool-reset` is the product as it was before them.

Served by `uvicorn bench.experiments:create_app --factory` with the product's settings.
"""

from __future__ import annotations

import os
import sys
from typing import Any

KNOWN = ("validation-once", "no-pool-reset", "quiet-log", "resolvers", "redis-py", "pool-reset")


def _apply(names: set[str]) -> None:
    if "validation-once" in names:
        import strawberry
        from strawberry.extensions import (
            AddValidationRules,
            MaxAliasesLimiter,
            MaxTokensLimiter,
            ParserCache,
            QueryDepthLimiter,
            ValidationCache,
        )
        from strawberry.schema.config import StrawberryConfig

        from credit.accounts.permissions import Permission
        from credit.api import schema as module
        from credit.api.introspection import PublicIntrospection
        from credit.api.limits import CostLimiter

        rules = [
            *QueryDepthLimiter(max_depth=module.MAX_DEPTH).validation_rules,
            *MaxAliasesLimiter(max_alias_count=module.MAX_ALIASES).validation_rules,
        ]
        module.schema = strawberry.Schema(
            query=module.Query,
            mutation=module.Mutation,
            types=[Permission],
            config=StrawberryConfig(relay_max_results=100),
            extensions=[
                PublicIntrospection,
                lambda: AddValidationRules(rules),
                lambda: MaxTokensLimiter(max_token_count=module.MAX_TOKENS),
                CostLimiter,
                lambda: ParserCache(maxsize=1024),
                lambda: ValidationCache(maxsize=1024),
            ],
        )
    if "no-pool-reset" in names:
        import asyncpg.connection

        asyncpg.connection.Connection.get_reset_query = lambda self: ""  # type: ignore[method-assign]


def _undo(names: set[str]) -> None:
    if "resolvers" in names:
        from credit.subjects import public_sql

        async def never(scope: Any, body: bytes) -> None:
            return None

        public_sql.respond = never  # type: ignore[assignment]
    if "redis-py" in names:
        from credit.core import resp

        resp.RespClient.from_url = classmethod(lambda cls, url: None)  # type: ignore[method-assign, assignment]
    if "pool-reset" in names:
        import asyncpg.connection

        from credit.core import pg_backend

        pg_backend.NoResetConnection.get_reset_query = (  # type: ignore[method-assign]
            asyncpg.connection.Connection.get_reset_query
        )


def create_app() -> Any:
    names = {n for n in os.environ.get("BENCH_EXPERIMENTS", "").split(",") if n}
    _apply(names)
    _undo(names)
    from credit.app import create_app as product_app  # after the patches

    return product_app()


def main() -> int:
    import logging

    import uvicorn

    from credit.core.settings import get_settings

    s = get_settings()
    # as `python -m credit serve` does
    logging.basicConfig(level=s.log_level, format="%(levelname)s %(name)s %(message)s")
    uvicorn.run(
        "bench.experiments:create_app",
        factory=True,
        host=s.host,
        port=s.port,
        workers=s.workers,
        log_level=s.log_level.lower(),
        # as `python -m credit serve` runs it (credit.__main__.cmd_serve)
        access_log=s.log_level.upper() == "DEBUG",
        proxy_headers=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
