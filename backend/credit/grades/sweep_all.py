"""`credit sweep --all`: re-evaluate every subject, using every core.

The subjects are cut into ranges of ids; a process pool evaluates the ranges, each range in
one transaction: its subject rows locked (in id order, so two sweeps never deadlock), all
its records, transitions, violations and sanctions read in four set-based queries, each
subject evaluated by the same engine (`credit.policies.engine.evaluate`) with the policy
`policy_for` gives, and the evaluations and list entries written in one UPSERT and one
INSERT per range. What `reevaluate` does besides is kept: listing decisions issued for
entries without a number (`issue_missing_many`: one insert per range), and partners' watch
events for the watched subjects of the range (`record_public_change`, dated as `sweep`
dates them), before the range commits; `record_missed_changes` runs once at the end, as
after `sweep`.

PostgreSQL only (arrays, UPSERT); on SQLite `sweep_all` re-evaluates subject by subject.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.core import clock
from credit.core.settings import Settings, get_settings, override_settings
from credit.grades.services import evaluation_to_payload
from credit.lists.decisions import issue_missing_many
from credit.policies.engine import evaluate
from credit.policies.facts import (
    Category,
    RecordFact,
    RecordStatus,
    SanctionFact,
    SubjectFact,
    SubjectKind,
    Transition,
    ViolationFact,
)
from credit.policies.services import PolicyInForce, next_version_at, policy_for
from credit.policies.timeline import local_date

CHUNK = 2000  # subjects per range: one transaction, ~20,000 records read at once

_SUBJECTS = """
SELECT s.id, s.kind, s.district_id, j.policy_code
FROM subject s JOIN jurisdiction j ON j.id = s.jurisdiction_id
WHERE s.id >= $1 AND s.id < $2 ORDER BY s.id FOR UPDATE OF s
"""
_STORED = (
    "SELECT subject_id, next_change_at FROM evaluation WHERE subject_id >= $1 AND subject_id < $2"
)
# The facts' queries for one set of subjects: `{where}` is a condition on
# credit_record.subject_id (a range of ids for the sweep, a list for the import).
_RANGE = "subject_id >= $1 AND subject_id < $2"
_LISTED = "subject_id = ANY($1::int[])"
_RECORDS = """
SELECT id, subject_id, category, type, occurred_on, decision_date, decision_no,
       situation_code, inspection_passed, public_until_override, retention_until_override,
       summary, decision_id
FROM credit_record WHERE {where} ORDER BY id
"""
_TRANSITIONS = """
SELECT t.record_id, t.to_status, t.at FROM record_transition t
JOIN credit_record r ON r.id = t.record_id
WHERE r.{where} ORDER BY t.at, t.id
"""
_VIOLATIONS = """
SELECT v.id, v.decision_id, v.type_code, v.domain, v.description FROM violation v
WHERE v.decision_id IN (SELECT decision_id FROM credit_record
                        WHERE {where} AND decision_id IS NOT NULL)
ORDER BY v.seq
"""
_SANCTIONS = """
SELECT s.violation_id, s.kind, s.amount_yuan
FROM sanction s JOIN violation v ON v.id = s.violation_id
WHERE v.decision_id IN (SELECT decision_id FROM credit_record
                        WHERE {where} AND decision_id IS NOT NULL)
ORDER BY s.id
"""
_UPSERT_EVALUATIONS = """
INSERT INTO evaluation (subject_id, policy_code, policy_version, computed_at, next_change_at,
                        grade, payload)
SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[],
                     $6::text[], $7::text[]::jsonb[])
ON CONFLICT (subject_id) DO UPDATE SET
  policy_code = excluded.policy_code, policy_version = excluded.policy_version,
  computed_at = excluded.computed_at, next_change_at = excluded.next_change_at,
  grade = excluded.grade, payload = excluded.payload
"""
_INSERT_ENTRIES = """
INSERT INTO list_entry (subject_id, district_id, kind, since, until, rule, article,
                        decision_no, record_ids)
SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::date[], $6::text[],
                     $7::text[], $8::text[], $9::text[]::jsonb[])
"""
_WATCHED = "SELECT subject_id FROM watch_snapshot WHERE subject_id >= $1 AND subject_id < $2"


# Enum members by value: a dict lookup instead of EnumType.__call__ for each of the
# ~50 rows read per subject.
_STATUS = {s.value: s for s in RecordStatus}
_CATEGORY = {c.value: c for c in Category}


async def _rows(conn: BaseDBAsyncClient, sql: str, values: list[Any]) -> list[Any]:
    # execute_query: the driver's rows as they come (asyncpg Records, read by column
    # name), without the per-row dicts execute_query_dict builds.
    return list((await conn.execute_query(sql, values))[1])


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


async def load_range_facts(
    conn: BaseDBAsyncClient, lo: int, hi: int
) -> dict[int, list[RecordFact]]:
    """The record facts of subjects lo..hi-1, as `load_record_facts` builds them, in four
    queries and without ORM objects."""
    return await _load_facts(conn, _RANGE, [lo, hi])


async def load_listed_facts(
    conn: BaseDBAsyncClient, subject_ids: Sequence[int]
) -> dict[int, list[RecordFact]]:
    """`load_range_facts` for a list of subjects (the bulk import's touched ones)."""
    return await _load_facts(conn, _LISTED, [list(subject_ids)])


async def _load_facts(
    conn: BaseDBAsyncClient, where: str, values: list[Any]
) -> dict[int, list[RecordFact]]:
    records = await _rows(conn, _RECORDS.format(where=where), values)
    out: dict[int, list[RecordFact]] = defaultdict(list)
    if not records:
        return out
    by_record: dict[int, list[Transition]] = defaultdict(list)
    for t in await _rows(conn, _TRANSITIONS.format(where=where), values):
        by_record[t["record_id"]].append(Transition(status=_STATUS[t["to_status"]], at=t["at"]))
    by_violation: dict[int, list[SanctionFact]] = defaultdict(list)
    violations_by_decision: dict[int, list[ViolationFact]] = defaultdict(list)
    if any(r["decision_id"] for r in records):
        for s in await _rows(conn, _SANCTIONS.format(where=where), values):
            by_violation[s["violation_id"]].append(
                SanctionFact(kind=s["kind"], amount_yuan=Decimal(s["amount_yuan"]))
            )
        for v in await _rows(conn, _VIOLATIONS.format(where=where), values):
            violations_by_decision[v["decision_id"]].append(
                ViolationFact(
                    type_code=v["type_code"],
                    domain=v["domain"],
                    sanctions=tuple(by_violation[v["id"]]),
                    description=v["description"],
                )
            )
    for r in records:
        out[r["subject_id"]].append(
            RecordFact(
                id=r["id"],
                category=_CATEGORY[r["category"]],
                type=r["type"],
                occurred_on=r["occurred_on"],
                decision_date=r["decision_date"],
                decision_no=r["decision_no"],
                transitions=tuple(by_record[r["id"]]),
                situation_code=r["situation_code"],
                inspection_passed=r["inspection_passed"],
                violations=tuple(violations_by_decision.get(r["decision_id"] or 0, ())),
                public_until_override=r["public_until_override"],
                retention_until_override=r["retention_until_override"],
                summary=r["summary"],
            )
        )
    return out


class PolicyCache:
    """Each policy code's version in force at `at`, and when a successor ends it: read once
    per process and instant (the sweep's workers), or once per call (the bulk import, whose
    transaction may follow a change of policy at a frozen test clock)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, datetime], tuple[PolicyInForce, datetime | None]] = {}

    async def get(
        self, conn: BaseDBAsyncClient, code: str, at: datetime
    ) -> tuple[PolicyInForce, datetime | None]:
        key = (code, at)
        if key not in self._seen:
            policy = await policy_for(code, at, conn)
            self._seen[key] = (policy, await next_version_at(code, policy, at, conn))
        return self._seen[key]


_policies = PolicyCache()


def _changed_on(next_change_at: datetime | None, at: datetime) -> date:
    # credit.grades.services._changed_on: the day a time-based change took effect.
    when = next_change_at or at
    return min(when, at).astimezone(clock.TZ).date()


async def store_evaluations(
    conn: BaseDBAsyncClient,
    subjects: Sequence[Any],
    facts: dict[int, list[RecordFact]],
    at: datetime,
    policies: PolicyCache = _policies,
) -> None:
    """Evaluate the subjects (rows with id, kind, district_id and policy_code) on their
    facts and store what `reevaluate` stores: listing decisions issued for entries without
    a number, the evaluations (one UPSERT), the list entries (one DELETE, one INSERT)."""
    today = local_date(at)
    answers = []
    for s in subjects:
        sid = s["id"]
        policy, successor = await policies.get(conn, s["policy_code"], at)
        ev = evaluate(
            policy.code,
            policy.params,
            SubjectFact(id=sid, kind=SubjectKind(s["kind"])),
            facts.get(sid, []),
            at,
        )
        # As in reevaluate: a successor version already created ends this answer.
        next_change = ev.next_change_at
        if successor is not None and (next_change is None or successor < next_change):
            next_change = successor
        answers.append((s, policy, ev, next_change, evaluation_to_payload(ev)))
    await issue_missing_many(
        conn, [(a[0]["id"], a[1].code, a[4]["list_entries"]) for a in answers], today
    )
    evaluations: list[list[Any]] = [[] for _ in range(7)]
    entries: list[list[Any]] = [[] for _ in range(9)]
    for s, policy, ev, next_change, payload in answers:
        sid = s["id"]
        row = (
            sid,
            policy.code,
            policy.version,
            at,
            next_change,
            ev.grade.value if ev.grade else None,
            _json(payload),
        )
        for column, value in zip(evaluations, row, strict=True):
            column.append(value)
        for e in payload["list_entries"]:
            entry = (
                sid,
                s["district_id"],
                e["list"],
                date.fromisoformat(e["since"]),
                date.fromisoformat(e["until"]) if e["until"] else None,
                e["rule"],
                e["article"],
                e["decision_no"],
                _json(list(e["record_ids"])),
            )
            for column, value in zip(entries, entry, strict=True):
                column.append(value)
    await conn.execute_query_dict(_UPSERT_EVALUATIONS, evaluations)
    await conn.execute_query_dict(
        "DELETE FROM list_entry WHERE subject_id = ANY($1::int[])", [evaluations[0]]
    )
    if entries[0]:
        await conn.execute_query_dict(_INSERT_ENTRIES, entries)


async def sweep_range(lo: int, hi: int, at: datetime) -> int:
    """Re-evaluate and store subjects lo..hi-1 in one transaction; returns how many."""
    from credit.watches.events import record_public_change

    async with in_transaction() as conn:
        subjects = await _rows(conn, _SUBJECTS, [lo, hi])
        if not subjects:
            return 0
        stored = {
            r["subject_id"]: r["next_change_at"] for r in await _rows(conn, _STORED, [lo, hi])
        }
        facts = await load_range_facts(conn, lo, hi)
        await store_evaluations(conn, subjects, facts, at)
        # Partners' watches, as sweep records them: each watched subject on the day its
        # stored answer changed.
        watched = [r["subject_id"] for r in await _rows(conn, _WATCHED, [lo, hi])]
        by_day: dict[date, list[int]] = defaultdict(list)
        for sid in watched:
            by_day[_changed_on(stored.get(sid), at)].append(sid)
        for day, ids in sorted(by_day.items()):
            await record_public_change(conn, ids, day)
    return len(subjects)


# -- the process pool -------------------------------------------------------------------
_loop: asyncio.AbstractEventLoop | None = None


def _start_worker(settings: Settings, frozen: datetime | None) -> None:
    """Each worker process: its own event loop and database connection, kept for all the
    ranges it is given; the parent's frozen clock (tests) too."""
    from credit.core.db import init_db

    global _loop
    override_settings(settings)
    clock.freeze(frozen)
    _loop = asyncio.new_event_loop()
    _loop.run_until_complete(init_db(settings))


def _run_range(lo: int, hi: int, at: datetime) -> int:
    assert _loop is not None
    return _loop.run_until_complete(sweep_range(lo, hi, at))


def ranges(first: int, last: int, chunk: int = CHUNK) -> list[tuple[int, int]]:
    return [(lo, min(lo + chunk, last + 1)) for lo in range(first, last + 1, chunk)]


async def _id_bounds() -> tuple[int | None, int | None]:
    rows = await connections.get("default").execute_query_dict(
        "SELECT min(id) AS lo, max(id) AS hi FROM subject"
    )
    return rows[0]["lo"], rows[0]["hi"]


async def _one_by_one(at: datetime) -> int:
    """The embedded database: every subject in its own transaction, as `sweep` does."""
    from credit.grades.models import Evaluation
    from credit.grades.services import _changed_on as changed_on
    from credit.grades.services import _record_watched_changes, reevaluate
    from credit.subjects.models import Subject

    done = 0
    for sid in await Subject.all().order_by("id").values_list("id", flat=True):
        async with in_transaction() as conn:
            subject = await Subject.filter(id=sid).using_db(conn).select_for_update().first()
            if subject is None:
                continue
            old = await Evaluation.filter(subject_id=sid).using_db(conn).first()
            await reevaluate(subject, conn, at)
            await _record_watched_changes(conn, changed_on(old, at))
            done += 1
    return done


async def sweep_all(
    at: datetime | None = None, workers: int | None = None, chunk: int = CHUNK
) -> int:
    """Re-evaluate every subject at `at` (default now) with `workers` processes (default:
    one per core; 1: in this process). Returns the number of subjects evaluated."""
    from credit.watches.events import record_missed_changes

    at = at or clock.now()
    if connections.get("default").capabilities.dialect != "postgres":
        done = await _one_by_one(at)
    else:
        first, last = await _id_bounds()
        work = ranges(first, last, chunk) if first is not None and last is not None else []
        workers = max(1, workers or os.cpu_count() or 1)
        if workers == 1 or len(work) <= 1:
            done = 0
            for lo, hi in work:
                done += await sweep_range(lo, hi, at)
        else:
            done = await _in_pool(work, at, workers)
    await record_missed_changes()
    return done


async def _in_pool(work: Sequence[tuple[int, int]], at: datetime, workers: int) -> int:
    # The workers get the parent's settings without the replica: they write.
    settings = replace(get_settings(), database_replica_url="")
    frozen = clock.now() if getattr(clock, "_frozen", None) is not None else None
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(
        min(workers, len(work)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings, frozen),
    ) as pool:
        done = await asyncio.gather(
            *(loop.run_in_executor(pool, _run_range, lo, hi, at) for lo, hi in work)
        )
    return sum(done)
