"""Writing change events: `record_public_change` diffs each watched subject's current
public snapshot with the one stored at its last event, writes the events and stores the
new snapshot, in the caller's transaction (the transaction of the change).

Call it (or `record_pending`) at every public-change point, just before the public data
version is bumped (credit.core.dataversion): positions come from the counter row
`watch_event_counter`, locked until commit, so positions grow in commit order (see
credit.watches.models). A subject nobody watches has no snapshot row: one indexed read.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock
from credit.core.orm import flat
from credit.grades.models import Evaluation
from credit.grades.services import is_stale, reevaluate
from credit.records.models import CreditRecord
from credit.subjects.models import Subject
from credit.watches import pending
from credit.watches.models import Watch, WatchEvent, WatchSnapshot
from credit.watches.services import diff
from credit.watches.snapshot import public_snapshot

NOTIFY_CHANNEL = "watch_events"

_TAKE = {
    "postgres": "UPDATE watch_event_counter SET last = last + $1 WHERE id = 1 RETURNING last",
    "sqlite": "UPDATE watch_event_counter SET last = last + ? WHERE id = 1 RETURNING last",
}


async def take_positions(conn: BaseDBAsyncClient, n: int) -> list[int]:
    """`n` consecutive positions; the counter row stays locked until commit."""
    # (execute_query_dict: execute_query drops the rows of an UPDATE on asyncpg)
    rows = await conn.execute_query_dict(_TAKE[conn.capabilities.dialect], [n])
    last = int(rows[0]["last"])
    return list(range(last - n + 1, last + 1))


async def current_snapshots(
    conn: BaseDBAsyncClient, subject_ids: list[int], as_of: date
) -> tuple[dict[int, dict[str, Any]], dict[int, datetime]]:
    """The public snapshot of each subject now, from its stored evaluation, and when that
    evaluation was computed."""
    subjects = await Subject.filter(id__in=subject_ids).using_db(conn)
    evaluations = {
        e.subject_id: e for e in await Evaluation.filter(subject_id__in=subject_ids).using_db(conn)
    }
    record_ids = [i for e in evaluations.values() for i in e.payload.get("public_record_ids", [])]
    records = (
        {r.id: r for r in await CreditRecord.filter(id__in=record_ids).using_db(conn)}
        if record_ids
        else {}
    )
    snaps = {s.id: public_snapshot(s, evaluations.get(s.id), records, as_of) for s in subjects}
    return snaps, {i: e.computed_at for i, e in evaluations.items()}


async def _removed_status(
    conn: BaseDBAsyncClient, before: dict[str, Any], after: dict[str, Any]
) -> dict[str, str]:
    gone = {r["id"] for r in before.get("records", [])} - {
        r["id"] for r in after.get("records", [])
    }
    ids = [int(i) for i in gone if str(i).isdigit()]
    if not ids:
        return {}
    rows = await CreditRecord.filter(id__in=ids).using_db(conn).values_list("id", "status")
    return {str(i): str(getattr(s, "value", s)) for i, s in rows}


async def record_public_change(
    conn: BaseDBAsyncClient, subject_ids: Any, effective_date: date | None = None
) -> list[WatchEvent]:
    """Write the events of the watched subjects among `subject_ids` whose public state
    differs from their stored snapshot; store the new snapshots. Inside the transaction of
    the change, after the evaluation was recomputed and before the data version bump."""
    ids = sorted({int(i) for i in subject_ids})
    if not ids:
        return []
    day = effective_date or clock.today()
    snaps = (
        await WatchSnapshot.filter(subject_id__in=ids)
        .using_db(conn)
        .select_for_update()
        .order_by("subject_id")
    )
    if not snaps:
        return []
    now = clock.now()
    current, computed = await current_snapshots(conn, [s.subject_id for s in snaps], clock.today())
    uscc = dict(
        await Subject.filter(id__in=[s.subject_id for s in snaps])
        .using_db(conn)
        .values_list("id", "uscc")
    )
    # A subject no token watches any more keeps its snapshot current, without events (so
    # a new watch starts from the right state whoever adds it).
    watched = set(
        await flat(
            Watch.filter(subject_id__in=[s.subject_id for s in snaps])
            .using_db(conn)
            .values_list("subject_id", flat=True)
        )
    )
    rows: list[WatchEvent] = []
    for snap in snaps:
        after = current.get(snap.subject_id)
        if after is None:
            continue
        before = snap.snapshot or {}
        # Taken as of the evaluation it shows (the sweep's catch-up compares the two).
        snap.taken_at = max(now, computed.get(snap.subject_id, now))
        if before == after or snap.subject_id not in watched:
            snap.snapshot = after
            await snap.save(using_db=conn, update_fields=["snapshot", "taken_at"])
            continue
        status = await _removed_status(conn, before, after)
        for draft in diff(before, after, day, status):
            rows.append(
                WatchEvent(
                    event_id=uuid.uuid4(),
                    subject_id=snap.subject_id,
                    uscc=uscc.get(snap.subject_id) or "",
                    kind=draft.kind,
                    before=before,
                    after=after,
                    effective_date=draft.effective_date,
                    reasons=draft.reasons,
                    created_at=now,
                )
            )
        snap.snapshot = after
        await snap.save(using_db=conn, update_fields=["snapshot", "taken_at"])
    if not rows:
        return []
    # Last of this function's work, just before the data version: see the lock order.
    for row, position in zip(rows, await take_positions(conn, len(rows)), strict=True):
        row.position = position
    await WatchEvent.bulk_create(rows, using_db=conn)
    if conn.capabilities.dialect == "postgres":
        # Delivered at commit only (never for a rolled-back change): the delivery side may
        # LISTEN on it instead of polling. The payload is the last position written.
        await conn.execute_query_dict(
            "SELECT pg_notify($1, $2)", [NOTIFY_CHANNEL, str(rows[-1].position)]
        )
    return rows


async def record_pending(
    conn: BaseDBAsyncClient, effective_date: date | None = None
) -> list[WatchEvent]:
    """Record the subjects the evaluation marked in this transaction (credit.watches.pending)
    as changed on `effective_date` (default: the day each was re-evaluated at)."""
    marks = pending.take(conn)
    if not marks:
        return []
    by_day: dict[date, list[int]] = {}
    for sid, day in marks.items():
        by_day.setdefault(effective_date or day, []).append(sid)
    out: list[WatchEvent] = []
    for day, ids in sorted(by_day.items()):
        out.extend(await record_public_change(conn, ids, day))
    return out


_MISSED = (
    "SELECT w.subject_id, e.computed_at FROM watch_snapshot w "
    "JOIN evaluation e ON e.subject_id = w.subject_id WHERE e.computed_at > w.taken_at"
)


async def record_missed_changes() -> int:
    """The sweep's catch-up: a watched subject re-evaluated since its last snapshot by a
    transaction that did not record its change gets its events now (one transaction per
    subject, the subject row locked as the evaluation does). Returns how many were found."""
    from tortoise import connections
    from tortoise.transactions import in_transaction

    _, rows = await connections.get("default").execute_query(_MISSED)
    for sid, computed_at in rows:
        async with in_transaction() as conn:
            await Subject.filter(id=sid).using_db(conn).select_for_update().first()
            when = (
                computed_at
                if isinstance(computed_at, datetime)
                else datetime.fromisoformat(str(computed_at))
            )
            await record_public_change(conn, [sid], when.astimezone(clock.TZ).date())
    return len(rows)


async def ensure_snapshots(conn: BaseDBAsyncClient, subject_ids: list[int]) -> None:
    """Give newly watched subjects their starting snapshot (no event: nothing changed)."""
    have = set(
        await flat(
            WatchSnapshot.filter(subject_id__in=subject_ids)
            .using_db(conn)
            .values_list("subject_id", flat=True)
        )
    )
    missing = [i for i in subject_ids if i not in have]
    if not missing:
        return
    now = clock.now()
    # The snapshot starts from the current answer: a stale evaluation is recomputed first
    # (as a lookup would), so a change from before the watch is not reported after it.
    stored = {
        e.subject_id: e for e in await Evaluation.filter(subject_id__in=missing).using_db(conn)
    }
    for sid in missing:
        if is_stale(stored.get(sid), now):
            subject = await Subject.filter(id=sid).using_db(conn).select_for_update().first()
            if subject is not None:
                await reevaluate(subject, conn, now)
    current, computed = await current_snapshots(conn, missing, clock.today())
    # Another token may be adding the same subject at the same moment: its row stands.
    await WatchSnapshot.bulk_create(
        [
            WatchSnapshot(
                subject_id=i, snapshot=current[i], taken_at=max(now, computed.get(i, now))
            )
            for i in missing
        ],
        using_db=conn,
        ignore_conflicts=True,
    )
