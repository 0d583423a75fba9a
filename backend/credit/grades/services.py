"""Evaluate subjects: gather facts from the database, run the policy's pure engine, store.

Invariant: `reevaluate` runs inside the transaction of every change to a subject's
records, and `current_evaluation` never returns a stored result whose next_change_at has
passed: it recomputes it first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock, hooks
from credit.grades.models import Evaluation
from credit.lists.decisions import fill_decision_nos, issue_missing
from credit.lists.models import ListEntry
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
from credit.policies.facts import (
    Evaluation as EngineEvaluation,
)
from credit.policies.services import next_version_at, policy_for
from credit.policies.timeline import local_date
from credit.records.models import CreditRecord, RecordTransition, Sanction, Violation
from credit.subjects.models import Jurisdiction, Subject
from credit.watches import pending as watch_pending


async def load_record_facts(
    subject_ids: Sequence[int], conn: BaseDBAsyncClient | None = None
) -> dict[int, list[RecordFact]]:
    """All records of the subjects, with their transitions and decisions' violations:
    four queries whatever the number of subjects."""
    records = await CreditRecord.filter(subject_id__in=subject_ids).using_db(conn).order_by("id")
    if not records:
        return {sid: [] for sid in subject_ids}
    record_ids = [r.id for r in records]
    transitions = await RecordTransition.filter(record_id__in=record_ids).using_db(conn)
    by_record: dict[int, list[Transition]] = defaultdict(list)
    for t in sorted(transitions, key=lambda t: (t.at, t.id)):
        by_record[t.record_id].append(Transition(status=RecordStatus(t.to_status), at=t.at))
    decision_ids = {r.decision_id for r in records if r.decision_id}
    violations_by_decision: dict[int, list[ViolationFact]] = defaultdict(list)
    if decision_ids:
        violations = (
            await Violation.filter(decision_id__in=decision_ids).using_db(conn).order_by("seq")
        )
        sanctions = await Sanction.filter(violation_id__in=[v.id for v in violations]).using_db(
            conn
        )
        by_violation: dict[int, list[SanctionFact]] = defaultdict(list)
        for s in sorted(sanctions, key=lambda s: s.id):
            by_violation[s.violation_id].append(
                SanctionFact(kind=s.kind, amount_yuan=Decimal(s.amount_yuan))
            )
        for v in violations:
            violations_by_decision[v.decision_id].append(
                ViolationFact(
                    type_code=v.type_code,
                    domain=v.domain,
                    sanctions=tuple(by_violation[v.id]),
                    description=v.description,
                )
            )
    out: dict[int, list[RecordFact]] = {sid: [] for sid in subject_ids}
    for r in records:
        out[r.subject_id].append(record_fact(r, by_record[r.id], violations_by_decision))
    return out


def record_fact(
    r: CreditRecord,
    transitions: Iterable[Transition],
    violations_by_decision: dict[int, list[ViolationFact]],
) -> RecordFact:
    return RecordFact(
        id=r.id,
        category=Category(r.category),
        type=r.type,
        occurred_on=r.occurred_on,
        decision_date=r.decision_date,
        decision_no=r.decision_no,
        transitions=tuple(transitions),
        situation_code=r.situation_code,
        inspection_passed=r.inspection_passed,
        violations=tuple(violations_by_decision.get(r.decision_id or 0, ())),
        public_until_override=r.public_until_override,
        retention_until_override=r.retention_until_override,
        summary=r.summary,
    )


async def _jurisdiction(subject: Subject, conn: BaseDBAsyncClient | None) -> Jurisdiction:
    return await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)


async def evaluate_at(
    subject: Subject, at: datetime, conn: BaseDBAsyncClient | None = None
) -> EngineEvaluation:
    """Evaluate one subject at any instant, without storing anything."""
    jurisdiction = await _jurisdiction(subject, conn)
    policy = await policy_for(jurisdiction.policy_code, at, conn)
    facts = (await load_record_facts([subject.id], conn))[subject.id]
    return evaluate(
        policy.code,
        policy.params,
        SubjectFact(id=subject.id, kind=SubjectKind(subject.kind)),
        facts,
        at,
    )


async def evaluate_many(
    subjects: Sequence[Subject], at: datetime, conn: BaseDBAsyncClient | None = None
) -> dict[int, EngineEvaluation]:
    """Evaluate several subjects at one instant, without storing anything: the records of
    all of them in one batch of queries, each policy version read once."""
    if not subjects:
        return {}
    jurisdictions = {
        j.id: j
        for j in await Jurisdiction.filter(id__in={s.jurisdiction_id for s in subjects}).using_db(
            conn
        )
    }
    facts = await load_record_facts([s.id for s in subjects], conn)
    policies: dict[str, Any] = {}
    out = {}
    for subject in subjects:
        code = jurisdictions[subject.jurisdiction_id].policy_code
        if code not in policies:
            policies[code] = await policy_for(code, at, conn)
        policy = policies[code]
        out[subject.id] = evaluate(
            policy.code,
            policy.params,
            SubjectFact(id=subject.id, kind=SubjectKind(subject.kind)),
            facts[subject.id],
            at,
        )
    return out


async def payload_at(
    subjects: Sequence[Subject], at: datetime, conn: BaseDBAsyncClient | None = None
) -> dict[int, tuple[EngineEvaluation, dict[str, Any]]]:
    """`evaluate_many` with each answer as its payload, the listing decisions already
    issued filled in (none is issued: nothing is stored)."""
    evs = await evaluate_many(subjects, at, conn)
    payloads = {sid: evaluation_to_payload(ev) for sid, ev in evs.items()}
    await fill_decision_nos({sid: p["list_entries"] for sid, p in payloads.items()}, conn)
    return {sid: (evs[sid], payloads[sid]) for sid in evs}


def evaluation_to_payload(ev: EngineEvaluation) -> dict[str, Any]:
    def reason(r: Any) -> dict[str, Any]:
        return {
            "article": r.article,
            "rule": r.rule,
            "summary": r.summary,
            "record_ids": list(r.record_ids),
        }

    return {
        "grade_reasons": [reason(r) for r in ev.grade_reasons],
        "reasons": [reason(r) for r in ev.reasons],
        "measures": list(ev.measures),
        "public_record_ids": sorted(ev.public_record_ids),
        "public_until": {str(i): d.isoformat() for i, d in sorted(ev.public_until.items())},
        "counted_record_ids": sorted(ev.counted_record_ids),
        "archived_record_ids": sorted(ev.archived_record_ids),
        "list_entries": [
            {
                "list": e.list.value,
                "since": e.since.isoformat(),
                "until": e.until.isoformat() if e.until else None,
                "rule": e.rule,
                "article": e.article,
                "decision_no": e.decision_no,
                "decision_date": None,  # the listing decision's, when the product issued it
                "record_ids": list(e.record_ids),
            }
            for e in ev.list_entries
        ],
        "derived_records": [
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(d).items()}
            | {"record_ids": list(d.record_ids)}
            for d in ev.derived_records
        ],
    }


async def reevaluate(
    subject: Subject, conn: BaseDBAsyncClient | None = None, at: datetime | None = None
) -> tuple[Evaluation, EngineEvaluation]:
    """Recompute and store the subject's evaluation and list entries. Call it inside the
    transaction that changed the subject's records (pass that transaction as `conn`)."""
    at = at or clock.now()
    jurisdiction = await _jurisdiction(subject, conn)
    policy = await policy_for(jurisdiction.policy_code, at, conn)
    facts = (await load_record_facts([subject.id], conn))[subject.id]
    ev = evaluate(
        policy.code,
        policy.params,
        SubjectFact(id=subject.id, kind=SubjectKind(subject.kind)),
        facts,
        at,
    )
    # A later version already created ends this answer at its effective date, whatever
    # the records say (a policy change is a change of the subject's evaluation too).
    next_change = ev.next_change_at
    successor = await next_version_at(policy.code, policy, at, conn)
    if successor is not None and (next_change is None or successor < next_change):
        next_change = successor
    payload = evaluation_to_payload(ev)
    await issue_missing(conn, subject.id, policy.code, payload["list_entries"], local_date(at))
    values = {
        "policy_code": policy.code,
        "policy_version": policy.version,
        "computed_at": at,
        "next_change_at": next_change,
        "grade": ev.grade,
        "payload": payload,
    }
    stored = await Evaluation.get_or_none(subject_id=subject.id, using_db=conn)
    if stored is None:
        stored = await Evaluation.create(subject_id=subject.id, using_db=conn, **values)
    else:
        stored.update_from_dict(values)
        await stored.save(using_db=conn)
    await ListEntry.filter(subject_id=subject.id).using_db(conn).delete()
    if payload["list_entries"]:
        await ListEntry.bulk_create(
            [list_entry_row(subject, e) for e in payload["list_entries"]], using_db=conn
        )
    # Partners' watches: the transaction records the change before it commits.
    watch_pending.mark(conn, subject.id, at.astimezone(clock.TZ).date())
    return stored, ev


def list_entry_row(subject: Subject, e: dict[str, Any]) -> ListEntry:
    """The materialised row of a payload entry (not saved)."""
    return ListEntry(
        subject_id=subject.id,
        district_id=subject.district_id,
        kind=e["list"],
        since=date.fromisoformat(e["since"]),
        until=date.fromisoformat(e["until"]) if e["until"] else None,
        rule=e["rule"],
        article=e["article"],
        decision_no=e["decision_no"],
        record_ids=list(e["record_ids"]),
    )


def _changed_on(stored: Evaluation | None, at: datetime) -> date:
    """The day a time-based change took effect: the stored answer's next change."""
    when = stored.next_change_at if stored and stored.next_change_at else at
    return min(when, at).astimezone(clock.TZ).date()


async def _record_watched_changes(conn: BaseDBAsyncClient, day: date) -> None:
    # Through credit.core.hooks (the watches register there): the watches' snapshot is
    # built on the public types, which build on this module, so importing them would be a
    # cycle (credit.watches.events -> credit.subjects.types -> here).
    await hooks.before_commit(conn, day)


def is_stale(stored: Evaluation | None, at: datetime) -> bool:
    """Also stale: a payload stored before it held the public windows' ends."""
    return (
        stored is None
        or (stored.next_change_at is not None and stored.next_change_at <= at)
        or "public_until" not in stored.payload
    )


async def current_evaluation(subject: Subject) -> Evaluation:
    """The stored evaluation, recomputed first if time has moved past next_change_at."""
    from tortoise.transactions import in_transaction

    at = clock.now()
    stored = await Evaluation.get_or_none(subject_id=subject.id)
    if not is_stale(stored, at):
        assert stored is not None
        return stored
    async with in_transaction() as conn:
        locked = await Subject.filter(id=subject.id).using_db(conn).select_for_update().first()
        assert locked is not None
        old = await Evaluation.get_or_none(subject_id=subject.id, using_db=conn)
        stored, _ = await reevaluate(locked, conn, at)
        await _record_watched_changes(conn, _changed_on(old, at))
    return stored


async def sweep(at: datetime | None = None) -> int:
    """Recompute every evaluation that is stale at `at`. Idempotent: a missed run is caught
    up by the next one, and reads never wait for it (current_evaluation recomputes). One
    transaction per subject, with the subject row locked; a subject another worker has just
    recomputed is skipped."""
    from tortoise.transactions import in_transaction

    at = at or clock.now()
    done = 0
    stale = await Evaluation.filter(next_change_at__lte=at).values_list("subject_id", flat=True)
    missing = await Subject.filter(evaluation=None).values_list("id", flat=True)
    for sid in [*stale, *missing]:
        async with in_transaction() as conn:
            subject = await Subject.filter(id=sid).using_db(conn).select_for_update().first()
            stored = await Evaluation.get_or_none(subject_id=sid, using_db=conn)
            if subject is None or not is_stale(stored, at):
                continue
            await reevaluate(subject, conn, at)
            await _record_watched_changes(conn, _changed_on(stored, at))
            done += 1
    await hooks.after_sweep()  # the watches' catch-up (credit.watches.events)
    return done
