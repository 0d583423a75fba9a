"""The national-scale phases (issue 16, target 2), beside the lookup phases of __main__:

- `batch100`: the batch lookup `subjects(usccs:)` of 100 codes, each request 100 codes not
  asked together before (an unused variable keeps every body out of the public cache);
- `search`: `subjectSearch` with a two-character Chinese term (the words the seed's names
  are built from, in turn; cache-busted likewise), after an EXPLAIN ANALYZE of the two
  statements the resolver runs (the capped count and the page) that shows which index
  serves them;
- `sweep`: `python -m credit sweep --all` on the seeded database, timed (a fresh seed is
  evaluated by it anyway: its time is the seed's `sweep_seconds`).

Latency targets are about one request, not a queue: these phases run with
`--latency-connections` (4) connections, not the lookups' 32.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any

from bench import config, loadgen, seed, workload

NEW_PHASES = ("batch100", "search", "sweep")

BATCH_QUERY = """query Batch($usccs: [String!]!) {
  subjects(usccs: $usccs) {
    uscc name kind
    grade { level }
    lists { list since until decisionNo }
  }
}"""

SEARCH_QUERY = """query Search($name: String!) {
  subjectSearch(name: $name, first: 20) {
    totalCount
    edges { node { uscc name kind grade { level } } }
  }
}"""

# Two characters each: the words the seed's names are made of (bench/seed.py).
SEARCH_TERMS = [w for w in (*seed._SY_WORDS, *seed._WG_WORDS) if len(w) == 2]


def _body(query: str, operation: str, variables: dict[str, Any]) -> bytes:
    return json.dumps(
        {"query": query, "operationName": operation, "variables": variables},
        ensure_ascii=False,
    ).encode()


def _post(port: int, body: bytes, i: int) -> bytes:
    return loadgen.post(
        config.HOST, port, "/graphql", body, {"X-Forwarded-For": workload.client_address(i)}
    )


def batch_factory(port: int, codes: list[str]) -> Callable[[int], bytes]:
    n = len(codes)

    def factory(i: int) -> bytes:
        lo = (i * 100) % max(1, n - 100)
        return _post(
            port,
            _body(BATCH_QUERY, "Batch", {"usccs": codes[lo : lo + 100], "nonce": i}),
            i,
        )

    return factory


def search_factory(port: int) -> Callable[[int], bytes]:
    def factory(i: int) -> bytes:
        term = SEARCH_TERMS[i % len(SEARCH_TERMS)]
        return _post(port, _body(SEARCH_QUERY, "Search", {"name": term, "nonce": i}), i)

    return factory


def plan(port: int, codes: list[str]) -> dict[str, tuple[str, int, Any, None, bool]]:
    """Entries for __main__'s phase plan: (name, port, factory, wrk codes, cold)."""
    return {
        "batch100": ("batch100", port, batch_factory(port, codes), None, True),
        "search": ("search", port, search_factory(port), None, True),
    }


# -- EXPLAIN of the search -------------------------------------------------------------------
async def explain_search(term: str = SEARCH_TERMS[1]) -> dict[str, Any]:
    """The plan of the statement `subjectSearch` runs for `term` (built by the product's own
    `named_statement`: the capped count and the page's ids in one statement), executed with
    EXPLAIN ANALYZE; `uses_index`: the character-pair GIN index (migration 0021) finds the
    matches, no sequential scan of subject and no walk of the name index. `share`: how common
    the product estimates the term to be (from a share of WALK_FROM on it walks the name
    index instead)."""
    import asyncpg

    from credit.subjects.queries import SEARCH_RESULT_CAP
    from credit.subjects.search import WALK_FROM, named_statement

    sql, values = named_statement(term, 0, 20, SEARCH_RESULT_CAP)
    conn = await asyncpg.connect(config.dsn())
    out: dict[str, Any] = {"term": term, "walk_from": WALK_FROM}
    try:
        stats = await conn.fetchrow(
            "SELECT most_common_elems::text::text[] AS grams, most_common_elem_freqs AS freqs"
            " FROM pg_stats WHERE tablename = 'subject_name_grams'"
        )
        shares = dict(zip(stats["grams"], stats["freqs"], strict=False)) if stats else {}
        out["share"] = shares.get(term.lower(), 0.0)
        rows = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, *values)
    finally:
        await conn.close()
    plan = [r[0] for r in rows]
    text = "\n".join(plan)
    out["search"] = {
        "sql": sql,
        "values": [str(v) for v in values],
        "plan": plan,
        "indexes": sorted(
            set(re.findall(r"Index (?:Only )?Scan (?:Backward )?(?:using|on) (\w+)", text))
        ),
        "uses_index": "subject_name_grams" in text
        and "subject_name_id" not in text
        and "Seq Scan on subject" not in text,
    }
    return out


def print_explain(explained: dict[str, Any]) -> None:
    part = explained["search"]
    print(
        f"EXPLAIN ANALYZE of subjectSearch(name: {explained['term']!r}), estimated share "
        f"{explained['share']:.3f} (walks the name index from {explained['walk_from']}):"
    )
    print("  " + " ".join(part["sql"].split()) + "  -- " + ", ".join(part["values"]))
    for line in part["plan"]:
        print(f"    {line}")
    print(
        f"  -> character-pair index used: {'yes' if part['uses_index'] else 'NO'} "
        f"({', '.join(part['indexes']) or 'none'})"
    )


# -- the full sweep ------------------------------------------------------------------------
async def run_sweep(workers: int | None = None) -> float:
    """`python -m credit sweep --all` on the bench database, as an operator runs it."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL")}
    env.update(
        DATABASE_URL=config.DATABASE_URL,
        REDIS_URL=config.REDIS_URL,
        SECRET_KEY=config.SECRET_KEY,
        TIME_ZONE=config.TIME_ZONE,
    )
    argv = [sys.executable, "-m", "credit", "sweep", "--all"]
    if workers:
        argv += ["--workers", str(workers)]
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        *argv, cwd=str(config.BACKEND_DIR), env=env, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"credit sweep --all failed ({proc.returncode})")
    print("  " + out.decode().strip(), flush=True)
    return time.monotonic() - started


async def meta_seconds() -> dict[str, Any]:
    """The seed's own timings (and CPU), stored in bench_meta when it was built."""
    import asyncpg

    conn = await asyncpg.connect(config.dsn())
    try:
        rows = await conn.fetch(
            "SELECT key, value FROM bench_meta WHERE key IN"
            " ('seed_seconds', 'sweep_seconds', 'seed_cpu', 'sweep_cpu')"
        )
    finally:
        await conn.close()
    return {r["key"]: json.loads(r["value"]) for r in rows}
