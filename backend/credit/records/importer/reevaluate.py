"""Re-evaluating the subjects an import touched, in bulk, in the import's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import evaluation_to_payload, load_record_facts
from credit.grades.sweep_all import CHUNK as SWEEP_CHUNK
from credit.grades.sweep_all import PolicyCache, load_listed_facts, store_evaluations
from credit.lists.decisions import issue_missing
from credit.lists.models import ListEntry
from credit.policies.engine import evaluate
from credit.policies.facts import SubjectFact, SubjectKind
from credit.policies.services import PolicyInForce, policy_for
from credit.records.importer.bulk import chunks, insert
from credit.subjects.models import Jurisdiction, Subject
from credit.watches import pending as watch_pending

_SUBJECTS = """
SELECT s.id, s.kind, s.district_id, j.policy_code
FROM subject s JOIN jurisdiction j ON j.id = s.jurisdiction_id
WHERE s.id = ANY($1::int[]) ORDER BY s.id
"""


async def reevaluate_many(
    subject_ids: Iterable[int], conn: BaseDBAsyncClient, at: datetime | None = None
) -> int:
    """`credit.grades.services.reevaluate` for many subjects at once: the same evaluation and
    the same stored rows, with the facts of many subjects read in four queries and the
    evaluations and list entries written in bulk (on PostgreSQL by the full sweep's engine,
    2,000 subjects per round; on SQLite through the ORM, 100 per round). Returns the number
    of subjects."""
    at = at or clock.now()
    ids = sorted(set(subject_ids))
    if conn.capabilities.dialect == "postgres":
        await _in_sets(ids, conn, at)
    else:
        await _in_batches(ids, conn, at)
    for sid in ids:  # partners' watches, as reevaluate does
        watch_pending.mark(conn, sid, at.astimezone(clock.TZ).date())
    return len(ids)


async def _in_sets(ids: list[int], conn: BaseDBAsyncClient, at: datetime) -> None:
    """PostgreSQL: the full sweep's engine (credit.grades.sweep_all) on the touched
    subjects, SWEEP_CHUNK at a time: their facts in four set-based queries, the
    evaluations in one UPSERT, the list entries in one INSERT, no ORM objects."""
    policies = PolicyCache()
    for chunk in chunks(ids, SWEEP_CHUNK):
        subjects = (await conn.execute_query(_SUBJECTS, [list(chunk)]))[1]
        facts = await load_listed_facts(conn, chunk)
        await store_evaluations(conn, subjects, facts, at, policies)


async def _in_batches(ids: list[int], conn: BaseDBAsyncClient, at: datetime) -> None:
    """SQLite: a hundred subjects at a time through the ORM."""
    jurisdictions = {j.id: j for j in await Jurisdiction.all().using_db(conn)}
    policies: dict[str, PolicyInForce] = {}
    for chunk in chunks(ids, 100):
        subjects = await Subject.filter(id__in=chunk).using_db(conn)
        facts = await load_record_facts([s.id for s in subjects], conn)
        stored = {
            e.subject_id: e for e in await Evaluation.filter(subject_id__in=chunk).using_db(conn)
        }
        new: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for subject in subjects:
            code = jurisdictions[subject.jurisdiction_id].policy_code
            if code not in policies:
                policies[code] = await policy_for(code, at, conn)
            policy = policies[code]
            ev = evaluate(
                policy.code,
                policy.params,
                SubjectFact(id=subject.id, kind=SubjectKind(subject.kind)),
                facts[subject.id],
                at,
            )
            payload = evaluation_to_payload(ev)
            # an entry with no decision of its own gets one (SY 第十二条)
            await issue_missing(
                conn,
                subject.id,
                policy.code,
                payload["list_entries"],
                at.astimezone(clock.TZ).date(),
            )
            values = {
                "policy_code": policy.code,
                "policy_version": policy.version,
                "computed_at": at,
                "next_change_at": ev.next_change_at,
                "grade": ev.grade,
                "payload": payload,
            }
            row = stored.get(subject.id)
            if row is None:
                new.append({"subject_id": subject.id} | values)
            else:
                row.update_from_dict(values)
                await row.save(using_db=conn)
            entries += [
                {
                    "subject_id": subject.id,
                    "district_id": subject.district_id,
                    "kind": e.list,
                    "since": e.since,
                    "until": e.until,
                    "rule": e.rule,
                    "article": e.article,
                    "decision_no": d["decision_no"],
                    "record_ids": list(e.record_ids),
                }
                for e, d in zip(ev.list_entries, payload["list_entries"], strict=True)
            ]
        await insert(conn, Evaluation, new)
        await ListEntry.filter(subject_id__in=chunk).using_db(conn).delete()
        await insert(conn, ListEntry, entries)
