"""Ordinary actions racing on one subject, truly concurrent on separate PostgreSQL
connections: they queue in the one lock order (subject first, credit.casework.access)
and never deadlock; the one that comes second gets a coded answer, never INTERNAL_ERROR.

Each round makes the two mutations meet: a third connection holds the subject's row lock
while both start, and lets go once both are waiting for a lock, so both are in flight at
the same time whatever the machine's speed. PostgreSQL's own count of deadlocks detected
in the database (pg_stat_database.deadlocks) must not move."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from datetime import date
from typing import Any

import asyncpg
import pytest
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.testing import freeze_on, make_actor, watch_case
from credit.conftest import gql, sign_in
from credit.core.dbreset import _dsn
from credit.core.settings import Settings
from credit.objections.models import Objection
from credit.objections.services import accept_objection, file_objection
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord
from credit.records.services import create_published
from credit.subjects.models import Subject
from credit.testing import make_subject, make_user

ROUNDS = 20
PUBLISHED = date(2026, 6, 1)
TODAY = date(2026, 6, 10)

REVOKE = """mutation($id: ID!) { creditRecordRevoke(id: $id, reason: "经核实撤销") {
  creditRecord { status } errors { code message field } } }"""
REMOVE = """mutation($s: ID!) { listEntryRemove(subjectId: $s, list: WATCH, reason: "解除") {
  removedRecordIds errors { code message field } } }"""
DECIDE = """mutation($id: ID!) { objectionDecide(id: $id, upheld: true, reason: "异议成立") {
  objection { status } errors { code message field } } }"""


@pytest.fixture
async def pg(db: str, settings: Settings) -> str:
    if db != "postgres":
        pytest.skip("row locks and deadlocks are PostgreSQL's; SQLite has a single writer")
    return _dsn(settings.database_url)


async def _deadlocks(conn: asyncpg.Connection) -> int:
    # the statistics are a snapshot per transaction: clear it to read the current value
    await conn.execute("SELECT pg_stat_clear_snapshot()")
    return int(
        await conn.fetchval(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
        )
    )


async def _waiting_for_locks(conn: asyncpg.Connection) -> int:
    # inside a transaction the activity view is a snapshot too: clear it to see now
    await conn.execute("SELECT pg_stat_clear_snapshot()")
    return int(
        await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
    )


async def race(
    dsn: str, subject_id: int, *calls: Coroutine[Any, Any, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Start `calls` together while a third connection holds the subject lock; release it
    when every call waits for a lock (or one has already finished)."""
    blocker = await asyncpg.connect(dsn)
    try:
        tx = blocker.transaction()
        await tx.start()
        await blocker.execute("SELECT id FROM subject WHERE id = $1 FOR UPDATE", subject_id)
        tasks = [asyncio.create_task(c) for c in calls]
        # Polling the database: no event tells when another backend starts waiting.
        while not any(t.done() for t in tasks):
            if await _waiting_for_locks(blocker) >= len(tasks):
                break
            await asyncio.sleep(0.01)
        await tx.rollback()
        return list(await asyncio.gather(*tasks))
    finally:
        await blocker.close()


def payload(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body  # no INTERNAL_ERROR, no unexpected exception
    result: dict[str, Any] = body["data"][field]
    return result


def codes(result: dict[str, Any]) -> list[str]:
    return [e["code"] for e in result["errors"]]


async def _reviewers(make_client, n: int = 2) -> list[Any]:
    clients = []
    for i in range(n):
        await make_user(f"reviewer{i}", "CITY_REVIEWER")
        c = make_client()
        await sign_in(c, f"reviewer{i}")
        clients.append(c)
    return clients


async def _accepted_objection(subject: Subject, record: CreditRecord) -> Objection:
    clerk = await make_actor(Role.CITY_REVIEWER)
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, clerk, subject_id=subject.id, record_ids=[record.id], reasons="书面异议"
        )
        return await accept_objection(conn, clerk, objection.id)


async def test_list_removal_racing_a_revocation_never_deadlocks(pg: str, make_client) -> None:
    freeze_on(TODAY)
    one, two = await _reviewers(make_client)
    monitor = await asyncpg.connect(pg)
    before = await _deadlocks(monitor)
    for n in range(ROUNDS):
        subject = await make_subject(f"竞争公司{n}")
        records = [
            await create_published(subject, watch_case(PUBLISHED), PUBLISHED, None)
            for _ in range(3)
        ]
        target = records[n % 3]

        removed, revoked = await race(
            pg,
            subject.id,
            gql(one, REMOVE, {"s": str(subject.id)}),
            gql(two, REVOKE, {"id": str(target.id)}),
        )

        removal, revocation = (
            payload(removed, "listEntryRemove"),
            payload(revoked, "creditRecordRevoke"),
        )
        assert set(codes(removal) + codes(revocation)) <= {"CONFLICT", "INVALID_STATE"}
        assert not (codes(removal) and codes(revocation)), (removal, revocation)
        status = (await CreditRecord.get(id=target.id)).status
        if revocation["errors"]:
            assert status == RecordStatus.REPAIRED
        else:
            assert status == RecordStatus.REVOKED
    assert await _deadlocks(monitor) == before
    await monitor.close()


async def test_an_upheld_objection_racing_a_revocation_never_deadlocks(
    pg: str,
    make_client,
) -> None:
    freeze_on(TODAY)
    one, two = await _reviewers(make_client)
    monitor = await asyncpg.connect(pg)
    before = await _deadlocks(monitor)
    for n in range(ROUNDS):
        subject = await make_subject(f"异议竞争公司{n}")
        record = await create_published(subject, watch_case(PUBLISHED), PUBLISHED, None)
        objection = await _accepted_objection(subject, record)

        decided, revoked = await race(
            pg,
            subject.id,
            gql(one, DECIDE, {"id": str(objection.id)}),
            gql(two, REVOKE, {"id": str(record.id)}),
        )

        decision, revocation = (
            payload(decided, "objectionDecide"),
            payload(revoked, "creditRecordRevoke"),
        )
        assert set(codes(decision) + codes(revocation)) <= {"CONFLICT", "INVALID_STATE"}
        assert not (codes(decision) and codes(revocation)), (decision, revocation)
        assert (await CreditRecord.get(id=record.id)).status == RecordStatus.REVOKED
    assert await _deadlocks(monitor) == before
    await monitor.close()


async def test_two_reviewers_deciding_one_objection_one_wins_the_other_gets_conflict(
    pg: str,
    make_client,
) -> None:
    freeze_on(TODAY)
    one, two = await _reviewers(make_client)
    for n in range(ROUNDS):
        subject = await make_subject(f"双人决定公司{n}")
        record = await create_published(subject, watch_case(PUBLISHED), PUBLISHED, None)
        objection = await _accepted_objection(subject, record)

        results = await race(
            pg,
            subject.id,
            gql(one, DECIDE, {"id": str(objection.id)}),
            gql(two, DECIDE, {"id": str(objection.id)}),
        )

        outcomes = sorted(tuple(codes(payload(r, "objectionDecide"))) for r in results)
        assert outcomes == [(), ("CONFLICT",)], outcomes
    # and a decision made long ago is a plain INVALID_STATE, not a conflict
    late = payload(await gql(one, DECIDE, {"id": str(objection.id)}), "objectionDecide")
    assert codes(late) == ["INVALID_STATE"]
