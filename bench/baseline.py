"""The baseline: a bare Starlette + asyncpg endpoint answering the benchmark's lookup body
with ONE SQL statement that builds the whole JSON answer in PostgreSQL (what PostGraphile
does), on the product's own tables.

Its answer equals the product's `data` for the same body (checked on a sample before each
run): subject, district, grade, list entries, reasons, measures, and the first 10 public
records (stored and derived, newest publication first) with their total count. Display
names come from two small tables the seed writes (bench_measure, bench_info_type), the
catalogues the product keeps in Python. What it does not do, by design: GraphQL parsing
and validation, USCC validation, rate limits, the result cache, recomputing a stale
evaluation, masking natural persons' names (the seed has none).

Run: uvicorn bench.baseline:app (bench/__main__ does, with the product's worker count).
Env: BENCH_DATABASE_URL, BENCH_POOL_SIZE (default 10 per worker).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

LOOKUP_SQL = """
WITH s AS (
    SELECT s.id, s.uscc, s.name, s.kind, s.id_number_masked, d.code AS d_code, d.name AS d_name,
           e.grade, e.payload
    FROM subject s
    JOIN evaluation e ON e.subject_id = s.id
    LEFT JOIN district d ON d.id = s.district_id
    WHERE s.uscc = $1
), recs AS (
    SELECT r.id::text AS id, r.category::text AS category, r.type::text AS type, r.summary,
           r.decision_no::text AS decision_no, r.decision_date, r.occurred_on,
           (r.published_at AT TIME ZONE 'Asia/Shanghai')::date AS published_on,
           NULLIF(r.issuing_unit, '')::text AS issuing_unit,
           (s.payload -> 'public_until' ->> r.id::text)::date AS public_until
    FROM s JOIN credit_record r
      ON r.id = ANY (ARRAY(SELECT jsonb_array_elements_text(s.payload -> 'public_record_ids')::int))
    UNION ALL
    SELECT 'derived:' || (x ->> 'key'), x ->> 'category', x ->> 'type', x ->> 'summary', NULL,
           NULL, (x ->> 'occurred_on')::date, (x ->> 'published_on')::date, NULL,
           (x ->> 'public_until')::date
    FROM s, jsonb_array_elements(s.payload -> 'derived_records') x
), page AS (
    SELECT * FROM recs
    ORDER BY coalesce(published_on, occurred_on) DESC, id COLLATE "C" DESC
    LIMIT 10
)
SELECT json_build_object('data', json_build_object('subject', (
  SELECT json_build_object(
    'uscc', s.uscc,
    'name', s.name,
    'kind', s.kind,
    'idNumberMasked', s.id_number_masked,
    'asOf', (now() AT TIME ZONE 'Asia/Shanghai')::date,
    'district', CASE WHEN s.d_code IS NULL THEN NULL
                     ELSE json_build_object('code', s.d_code, 'name', s.d_name) END,
    'grade', CASE WHEN s.grade IS NULL THEN NULL ELSE json_build_object(
        'level', s.grade,
        'reasons', (SELECT coalesce(json_agg(json_build_object(
                        'article', x ->> 'article', 'rule', x ->> 'rule',
                        'summary', x ->> 'summary') ORDER BY o), '[]')
                    FROM jsonb_array_elements(s.payload -> 'grade_reasons')
                         WITH ORDINALITY AS t(x, o))) END,
    'lists', (SELECT coalesce(json_agg(json_build_object(
                  'list', x ->> 'list', 'since', x ->> 'since', 'until', x ->> 'until',
                  'decisionNo', x ->> 'decision_no', 'article', x ->> 'article') ORDER BY o), '[]')
              FROM jsonb_array_elements(s.payload -> 'list_entries') WITH ORDINALITY AS t(x, o)),
    'reasons', (SELECT coalesce(json_agg(json_build_object(
                    'article', x ->> 'article', 'rule', x ->> 'rule',
                    'summary', x ->> 'summary') ORDER BY o), '[]')
                FROM jsonb_array_elements(s.payload -> 'reasons') WITH ORDINALITY AS t(x, o)),
    'measures', (SELECT coalesce(json_agg(json_build_object(
                     'code', m.code, 'name', m.name, 'article', m.article, 'kind', m.kind)
                     ORDER BY o), '[]')
                 FROM jsonb_array_elements_text(s.payload -> 'measures') WITH ORDINALITY AS t(c, o)
                 JOIN bench_measure m ON m.code = t.c),
    'records', json_build_object(
        'totalCount', (SELECT count(*) FROM recs),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                      'id', p.id, 'category', p.category, 'type', p.type,
                      'typeName', coalesce(it.name, p.type), 'summary', p.summary,
                      'decisionNo', p.decision_no, 'decisionDate', p.decision_date,
                      'occurredOn', p.occurred_on, 'publishedOn', p.published_on,
                      'issuingUnit', p.issuing_unit, 'publicUntil', p.public_until))
                      ORDER BY coalesce(p.published_on, p.occurred_on) DESC,
                               p.id COLLATE "C" DESC), '[]')
                  FROM page p LEFT JOIN bench_info_type it ON it.code = p.type))
  ) FROM s
)))::text
"""

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
POOL_SIZE = int(os.environ.get("BENCH_POOL_SIZE", "10"))


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    dsn = "postgresql://" + DATABASE_URL.split("://", 1)[1]
    app.state.pool = await asyncpg.create_pool(dsn, min_size=POOL_SIZE, max_size=POOL_SIZE)
    try:
        yield
    finally:
        await app.state.pool.close()


async def lookup(request: Request) -> Response:
    try:
        uscc = json.loads(await request.body())["variables"]["uscc"]
    except (ValueError, KeyError, TypeError):
        return Response(
            '{"errors":[{"message":"bad request"}]}', 400, media_type="application/json"
        )
    async with request.app.state.pool.acquire() as conn:
        text = await conn.fetchval(LOOKUP_SQL, str(uscc).strip().upper())
    return Response(text, media_type="application/json")


app = Starlette(routes=[Route("/graphql", lookup, methods=["POST"])], lifespan=lifespan)
