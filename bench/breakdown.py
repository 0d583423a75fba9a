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

    from bench.baseline import LOOKUP_SQL
    from credit.accounts.actor import ANONYMOUS
    from credit.api import schema as product
    from credit.apicore.context import Context
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

    def ctx() -> Context:
        return Context(request=None, response=None, actor=ANONYMOUS, loaders=Loaders())

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
        "GraphQL execute by the resolvers, product schema (ValidationCache hits)",
        lambda c: execute(product.schema, c),
    )
    await measure(
        "  validate() with the standard rules (off the hot path: ValidationCache)",
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

    # The product's one-statement path (credit.subjects.public_sql), and a whole cold
    # request through the product's ASGI app in this process (middleware, rate limit, the
    # cache key's data version, the cache miss, the answer, the cache write; no socket).
    from bench.workload import body
    from credit.app import create_app
    from credit.subjects import public_sql

    scope = {
        "type": "http", "method": "POST", "path": "/graphql", "raw_path": b"/graphql",
        "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
        "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 40000),
        "headers": [(b"content-type", b"application/json"), (b"host", b"127.0.0.1")],
    }  # fmt: skip

    async def fast(code: str) -> None:
        response = await public_sql.respond(dict(scope), body(code))
        assert response is not None

    await measure("one-statement path: public_sql.respond (SQL + JSON)", fast)
    app = create_app(settings)
    n_request = 0

    async def request(code: str) -> None:
        nonlocal n_request
        n_request += 1
        data = body(code, nonce=int(time.time() * 1000) * 10_000 + n_request)
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": data, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        headers = [*scope["headers"], (b"content-length", str(len(data)).encode())]  # type: ignore[misc]
        # one client address per request: the rate limit counts each, never refuses
        client = (f"10.254.{n_request // 250 % 250}.{n_request % 250}", 40000)
        await app({**scope, "client": client, "headers": headers, "state": {}}, receive, send)
        assert sent[0]["status"] == 200, sent

    await measure("whole cold request through the product's ASGI app (no socket)", request)
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
