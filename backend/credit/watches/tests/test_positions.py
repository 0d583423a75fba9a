"""Positions grow in commit order (PostgreSQL, two truly concurrent transactions): a
reader that has seen position p never later sees a new event below p."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from credit.core import clock
from credit.records.services import RecordInput, create_published
from credit.subjects.models import Subject
from credit.testing import make_subject
from credit.watches.events import record_pending
from credit.watches.models import WatchEvent
from credit.watches.tests.helpers import watch


def _case(n: int) -> RecordInput:
    today = clock.today()
    return RecordInput(
        type="watch_list_case",
        occurred_on=today,
        summary="未履行服务承诺",
        situation_code="s03",
        decision_no=f"沈公技防警〔2026〕{n}号",
        decision_date=today,
        issuing_unit="沈阳市公安局",
    )


async def test_commit_order_is_position_order(db: str) -> None:
    if db != "postgres":
        pytest.skip("concurrent writers are PostgreSQL's; SQLite has a single writer")
    a, b = await make_subject("甲公司"), await make_subject("乙公司")
    token = await watch(a)
    await watch(b, token)
    today = clock.today()
    a_has_positions = asyncio.Event()
    seen: list[list[int]] = []
    done = asyncio.Event()

    async def first() -> None:
        async with in_transaction() as conn:
            await create_published(a, _case(1), today, conn)
            await record_pending(conn)
            a_has_positions.set()
            await asyncio.sleep(0.5)  # more work before commit: B must wait for it

    async def second() -> int:
        await a_has_positions.wait()
        async with in_transaction() as conn:
            await create_published(b, _case(2), today, conn)
            await record_pending(conn)
            # by the time B holds positions, A's events are committed (READ COMMITTED)
            rows = await conn.execute_query_dict(
                "SELECT count(*) AS n FROM watch_event WHERE subject_id = $1", [a.id]
            )
            return int(rows[0]["n"])

    async def reader() -> None:
        client = connections.get("default")
        while not done.is_set():
            rows = await client.execute_query_dict("SELECT position FROM watch_event")
            seen.append(sorted(int(r["position"]) for r in rows))
            await asyncio.sleep(0.01)

    polling = asyncio.create_task(reader())
    _, a_events_seen_by_b = await asyncio.gather(first(), second())
    done.set()
    await polling

    final = [e.position for e in await WatchEvent.all().order_by("position")]
    a_positions = [e.position for e in await WatchEvent.filter(subject_id=a.id)]
    b_positions = [e.position for e in await WatchEvent.filter(subject_id=b.id)]
    assert a_events_seen_by_b == len(a_positions) == 2
    assert max(a_positions) < min(b_positions)
    # every reading was a prefix of the final order: nothing appeared below a seen position
    assert seen and all(s == final[: len(s)] for s in seen)


async def test_a_notification_is_sent_at_commit_only(db: str, settings) -> None:
    if db != "postgres":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    import asyncpg

    from credit.core.dbreset import _dsn
    from credit.watches.events import NOTIFY_CHANNEL

    s = await make_subject()
    await watch(s)
    got: list[str] = []
    listener = await asyncpg.connect(_dsn(settings.database_url))
    await listener.add_listener(NOTIFY_CHANNEL, lambda *args: got.append(args[3]))
    try:
        with pytest.raises(RuntimeError):
            async with in_transaction() as conn:
                await create_published(s, _case(1), clock.today(), conn)
                await record_pending(conn)
                raise RuntimeError("rolled back")
        await asyncio.sleep(0.2)
        assert got == [] and await WatchEvent.all().count() == 0
        async with in_transaction() as conn:
            await create_published(s, _case(1), clock.today(), conn)
            await record_pending(conn)
        for _ in range(50):
            if got:
                break
            await asyncio.sleep(0.05)
        last = await WatchEvent.all().order_by("-position").first()
        assert last is not None and got == [str(last.position)]
    finally:
        await listener.close()


async def test_concurrent_changes_of_one_subject_chain_their_snapshots(db: str) -> None:
    if db != "postgres":
        pytest.skip("concurrent writers are PostgreSQL's; SQLite has a single writer")
    s = await make_subject()
    await watch(s)
    today = clock.today()

    async def publish(n: int) -> None:
        async with in_transaction() as conn:
            # the subject first, as the mutations lock it (credit.records.mutations)
            await Subject.filter(id=s.id).using_db(conn).select_for_update(no_key=True).first()
            await create_published(s, _case(n), today, conn)
            await record_pending(conn)

    await asyncio.gather(publish(1), publish(2))
    events = await WatchEvent.filter(subject_id=s.id).order_by("position")
    published = [e for e in events if e.kind == "RECORD_PUBLISHED"]
    assert len(published) == 2
    # the later one starts from the state the earlier one left: nothing lost or doubled
    assert published[1].before == published[0].after
    assert len(published[1].after["records"]) == 2
