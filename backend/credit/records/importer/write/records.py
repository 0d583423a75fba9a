"""Records, created in their final state with their historical publication, exactly as
`create_published` would write them: draft at 09:00 of the earliest of decision/occurrence
and publication dates, submitted, verified and published at 10:00, 11:00 and 12:00 of the
publication date (`published_at` = the last), and, for a revoked or repaired record, that
transition at 15:00 of its date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from datetime import time as dtime
from functools import lru_cache
from typing import Any

from credit.core import clock
from credit.policies.catalogues import INFO_TYPES_BY_CODE
from credit.policies.facts import RecordStatus
from credit.records.importer.bulk import ids_by, insert, insert_tuples, new_ids
from credit.records.importer.rows import SOURCE, EntryRow
from credit.records.importer.write.context import WriteContext
from credit.records.importer.write.decisions import DecisionIds, decision_key
from credit.records.models import CreditRecord, RecordTransition

# Hours of the historical transitions: those of create_published (tested to be identical).
DRAFT_HOUR, SUBMIT_HOUR, VERIFY_HOUR, PUBLISH_HOUR, EXIT_HOUR = 9, 10, 11, 12, 15

Step = tuple[RecordStatus | None, RecordStatus, datetime, str]  # (from, to, at, reason)


@lru_cache(maxsize=16384)  # a file's dates repeat: a few thousand days, five hours
def at_hour(day: date, hour: int) -> datetime:
    return datetime.combine(day, dtime(hour), tzinfo=clock.TZ)


def _decision_id(row: EntryRow, jid: int, decisions: DecisionIds) -> int | None:
    key = decision_key(row, jid)
    return decisions[key] if key else None


def _record(
    ctx: WriteContext, row: EntryRow, unit_id: int, decision_id: int | None
) -> dict[str, Any]:
    data = row.data
    return {
        "subject_id": ctx.subject_ids[row.subject_key],
        "decision_id": decision_id,
        "category": INFO_TYPES_BY_CODE[data.type].category,
        "type": data.type,
        "situation_code": data.situation_code,
        "inspection_passed": data.inspection_passed,
        "summary": data.summary,
        "internal_note": data.internal_note,
        "status": row.status,
        "occurred_on": data.occurred_on,
        "decision_date": data.decision_date,
        "decision_no": data.decision_no,
        "issuing_unit": data.issuing_unit,
        "legal_basis": data.legal_basis,
        "published_at": at_hour(row.published_on, PUBLISH_HOUR),
        "public_until_override": data.public_until_override,
        "retention_until_override": data.retention_until_override,
        "provider_unit_id": unit_id,
        "provider_person": data.provider_person,
        "created_by_id": ctx.user_id,
        "source": SOURCE,
        "external_key": data.external_key,
        "created_at": ctx.stamp,
        "updated_at": ctx.stamp,
    }


def history(row: EntryRow) -> list[Step]:
    """The transitions of an imported record, from draft to its status in the file."""
    data, published = row.data, row.published_on
    start = min(data.decision_date or data.occurred_on, published)
    steps: list[Step] = [
        (None, RecordStatus.DRAFT, at_hour(start, DRAFT_HOUR), ""),
        (RecordStatus.DRAFT, RecordStatus.SUBMITTED, at_hour(published, SUBMIT_HOUR), ""),
        (RecordStatus.SUBMITTED, RecordStatus.VERIFIED, at_hour(published, VERIFY_HOUR), ""),
        (RecordStatus.VERIFIED, RecordStatus.PUBLISHED, at_hour(published, PUBLISH_HOUR), ""),
    ]
    if row.exit_on is not None:
        exit_at = at_hour(row.exit_on, EXIT_HOUR)
        steps.append((RecordStatus.PUBLISHED, row.status, exit_at, row.status_reason))
    return steps


async def _record_ids(
    ctx: WriteContext, entries: Sequence[tuple[EntryRow, int, int]], decisions: DecisionIds
) -> list[int]:
    """The new records' ids, in the order of `entries` (bulk inserts do not return them):
    by decision for a decision's record, by external key for a record without one."""
    by_decision = await ids_by(
        lambda c: (
            CreditRecord.filter(decision_id__in=c)
            .using_db(ctx.conn)
            .values_list("id", "decision_id")
        ),
        [
            _decision_id(row, jid, decisions)
            for row, jid, _ in entries
            if row.row_kind == "decision"
        ],
        lambda v: v[1],
    )
    by_key = await ids_by(
        lambda c: (
            CreditRecord.filter(external_key__in=c)
            .using_db(ctx.conn)
            .values_list("id", "external_key")
        ),
        [row.data.external_key for row, _, _ in entries if row.row_kind == "record"],
        lambda v: v[1],
    )
    return [
        by_decision[decisions[key]]
        if (key := decision_key(row, jid))
        else by_key[row.data.external_key]
        for row, jid, _ in entries
    ]


async def create_records(
    ctx: WriteContext, entries: Sequence[tuple[EntryRow, int, int]], decisions: DecisionIds
) -> None:
    """`entries`: (row, jurisdiction id, provider unit id). Written PART rows at a time
    (records, their transitions, their audit events), so that what is built to be copied
    never holds the whole file; the ids and the order of every row are the same."""
    reserved = await new_ids(ctx.conn, CreditRecord, len(entries))
    for start in range(0, len(entries), PART):
        part = entries[start : start + PART]
        await insert(
            ctx.conn,
            CreditRecord,
            [
                ({"id": reserved[start + i]} if reserved is not None else {})
                | _record(ctx, row, unit_id, _decision_id(row, jid, decisions))
                for i, (row, jid, unit_id) in enumerate(part)
            ],
        )
        if reserved is not None:
            record_ids = reserved[start : start + PART]
        else:
            record_ids = await _record_ids(ctx, part, decisions)
        transitions: list[tuple] = []
        by = ctx.user_id
        for (row, _, _), rid in zip(part, record_ids, strict=True):
            transitions += [(rid, a, b, at, by, why) for a, b, at, why in history(row)]
            ctx.touched.add(ctx.subject_ids[row.subject_key])
            after = {
                "line": row.line,
                "type": row.data.type,
                "decision_no": row.data.decision_no,
                "external_key": row.data.external_key,
                "status": row.status.value,
                "published_on": row.published_on.isoformat(),
            }
            ctx.event("credit_record.import", "credit_record", rid, None, after)
        await insert_tuples(ctx.conn, RecordTransition, _TRANSITION_FIELDS, transitions)
        await ctx.flush_events()


PART = 10_000
_TRANSITION_FIELDS = ("record_id", "from_status", "to_status", "at", "by_user_id", "reason")
