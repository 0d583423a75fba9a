"""Where the CPU of a cold lookup goes, stage by stage, in one process (no HTTP, no load):

    cd backend && PYTHONPATH=.. .venv/bin/python -m bench.breakdown [--n 200]

Runs against the bench database (seed it first with `python -m bench`). Each line is the
CPU milliseconds per lookup of one way of doing part of the work, measured with
time.process_time over `n` distinct codes; the schema variants are built here from the
product's own Query/Mutation types and extensions, and change nothing in the product.
Timings are indicative (CPU time of this process only; PostgreSQL's is not included).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench import config
from bench.workload import LOOKUP_QUERY


async def main_async(n: int) -> dict[str, float]:
    os.environ.update(
        DATABASE_URL=config.DATABASE_URL, REDIS_URL=config.REDIS_URL, SECRET_KEY=config.SECRET_KEY
    )
    import asyncpg
    import strawberry
    from graphql import parse, validate
    from strawberry.extensions import (
        AddValidationRules,
        MaxAliasesLimiter,
        MaxTokensLimiter,
        ParserCache,
        QueryDepthLimiter,
        ValidationCache,
    )
    from strawberry.schema.config import StrawberryConfig

    from bench.baseline import LOOKUP_SQL
    from credit.accounts.actor import ANONYMOUS
    from credit.accounts.permissions import Permission
    from credit.api import schema as product
    from credit.apicore.context import Context
    from credit.api.introspection import PublicIntrospection
    from credit.api.limits import CostLimiter
    from credit.apicore.loaders import Loaders
    from credit.core.cache import start_cache, stop_cache
    from credit.core.db import close_db, init_db
    from credit.core.settings import Settings
    from credit.grades.models import Evaluation
    from credit.records.models import CreditRecord
    from credit.subjects.models import District, Subject

    settings = Settings.from_env(dict(os.environ))
    await init_db(settings)
    start_cache(settings.redis_url)
    conn = await asyncpg.connect(config.dsn())
    codes = [
        r[0]
        for r in await conn.fetch(
            "SELECT uscc FROM subject ORDER BY random() LIMIT $1", n * 12 + 50
        )
    ]
    it = iter(codes)
    out: dict[str, float] = {}

    # The product's limiter extensions, with their validation rules built once (the
    # product builds them per request, so ValidationCache never finds its key).
    rules = [
        *QueryDepthLimiter(max_depth=product.MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=product.MAX_ALIASES).validation_rules,
    ]

    def variant(extensions: list[Any]) -> strawberry.Schema:
        return strawberry.Schema(
            query=product.Query,
            mutation=product.Mutation,
            types=[Permission],
            config=StrawberryConfig(relay_max_results=100),
            extensions=extensions,
        )

    fixed = variant(
        [
            PublicIntrospection,
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=product.MAX_TOKENS),
            CostLimiter,
            lambda: ParserCache(maxsize=1024),
            lambda: ValidationCache(maxsize=1024),
        ]
    )

    def ctx() -> Context:
        return Context(
            request=None, response=None, actor=ANONYMOUS, loaders=Loaders(actor=ANONYMOUS)
        )

    async def measure(name: str, fn: Callable[[str], Awaitable[Any] | Any]) -> None:
        for _ in range(5):  # warm this path (imports, caches, prepared statements)
            r = fn(next(it))
            if asyncio.iscoroutine(r):
                await r
        t = time.process_time()
        for _ in range(n):
            r = fn(next(it))
            if asyncio.iscoroutine(r):
                await r
        out[name] = round((time.process_time() - t) * 1000 / n, 3)
        print(f"{out[name]:8.2f} ms  {name}", flush=True)

    async def execute(schema: strawberry.Schema, code: str) -> None:
        result = await schema.execute(
            LOOKUP_QUERY, variable_values={"uscc": code}, context_value=ctx()
        )
        assert not result.errors, result.errors

    document = parse(LOOKUP_QUERY)
    print(f"CPU per lookup, {n} distinct codes each (this process only):")
    await measure(
        "GraphQL execute, product schema (as configured)", lambda c: execute(product.schema, c)
    )
    await measure(
        "GraphQL execute, limiter rules built once (ValidationCache hits)",
        lambda c: execute(fixed, c),
    )
    await measure(
        "  of which: graphql-core validate() with the standard rules",
        lambda c: validate(product.schema._schema, document),
    )
    await measure(
        "  of which: parse() (ParserCache hits in the product)", lambda c: parse(LOOKUP_QUERY)
    )

    async def orm(code: str) -> None:
        s = await Subject.get_or_none(uscc=code)
        e = await Evaluation.get_or_none(subject_id=s.id)
        await District.filter(id__in=[s.district_id])
        await CreditRecord.filter(id__in=e.payload["public_record_ids"])

    async def raw(code: str) -> None:
        s = await conn.fetchrow("SELECT * FROM subject WHERE uscc = $1", code)
        e = await conn.fetchrow("SELECT * FROM evaluation WHERE subject_id = $1", s["id"])
        await conn.fetch("SELECT * FROM district WHERE id = ANY($1::int[])", [s["district_id"]])
        ids = json.loads(e["payload"])["public_record_ids"]
        await conn.fetch("SELECT * FROM credit_record WHERE id = ANY($1::int[])", ids)

    await measure("  the resolvers' 4 queries through Tortoise", orm)
    await measure("  the same 4 queries on raw asyncpg", raw)
    await measure(
        "the baseline's single SQL statement (client side)", lambda c: conn.fetchval(LOOKUP_SQL, c)
    )
    await conn.close()
    await stop_cache()
    await close_db()
    return out


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.breakdown")
    p.add_argument("--n", type=int, default=200)
    args = p.parse_args()
    asyncio.run(main_async(max(10, min(args.n, 2000))))


if __name__ == "__main__":
    main()
