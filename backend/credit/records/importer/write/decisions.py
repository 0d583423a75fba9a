"""Decisions, with the violations they find and the sanctions they impose, inserted in
bulk; their ids, which the records need, taken from the sequence first on PostgreSQL,
re-read by (jurisdiction, document number) on SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from credit.records.importer.bulk import ids_by, insert, new_ids
from credit.records.importer.known import CENT
from credit.records.importer.rows import SOURCE, EntryRow
from credit.records.importer.write.context import WriteContext
from credit.records.models import Decision, Sanction, Violation

DecisionKey = tuple[int, str]  # (jurisdiction id, document number)
DecisionIds = dict[DecisionKey, int]


def decision_key(row: EntryRow, jid: int) -> DecisionKey | None:
    """The key of a decision row's decision (None for a record without one)."""
    if row.row_kind != "decision":
        return None
    return _key(row, jid)


def _key(row: EntryRow, jid: int) -> DecisionKey:
    assert row.data.decision_no  # a decision row has its document number (validate)
    return (jid, row.data.decision_no)


async def create_decisions(
    ctx: WriteContext, decided: Sequence[tuple[EntryRow, int]]
) -> DecisionIds:
    """`decided`: the decision rows with their jurisdiction ids."""
    ids = await new_ids(ctx.conn, Decision, len(decided))
    await insert(
        ctx.conn,
        Decision,
        [
            ({"id": ids[i]} if ids is not None else {})
            | {
                "jurisdiction_id": jid,
                "subject_id": ctx.subject_ids[row.subject_key],
                "document_no": row.data.decision_no,
                "decided_on": row.data.decision_date,
                "issuing_unit": row.data.issuing_unit,
                "legal_basis": row.data.legal_basis,
                "appeals": [],
                "source": SOURCE,
                "created_at": ctx.stamp,
            }
            for i, (row, jid) in enumerate(decided)
        ],
    )
    if ids is not None:
        decision_ids = {_key(row, jid): id_ for (row, jid), id_ in zip(decided, ids, strict=True)}
    else:
        decision_ids = await ids_by(
            lambda c: (
                Decision.filter(document_no__in=c)
                .using_db(ctx.conn)
                .values_list("id", "jurisdiction_id", "document_no")
            ),
            sorted({row.data.decision_no for row, _ in decided if row.data.decision_no}),
            lambda v: (v[1], v[2]),
        )
    await _create_violations(ctx, decided, decision_ids)
    return decision_ids


async def _create_violations(
    ctx: WriteContext, decided: Sequence[tuple[EntryRow, int]], ids: DecisionIds
) -> None:
    found = [
        (ids[_key(row, jid)], seq, v)
        for row, jid in decided
        for seq, v in enumerate(row.data.violations, start=1)
    ]
    reserved = await new_ids(ctx.conn, Violation, len(found))
    await insert(
        ctx.conn,
        Violation,
        [
            ({"id": reserved[i]} if reserved is not None else {})
            | {
                "decision_id": decision_id,
                "seq": seq,
                "type_code": v.type_code,
                "domain": v.domain,
                "description": v.description,
            }
            for i, (decision_id, seq, v) in enumerate(found)
        ],
    )
    if reserved is not None:
        violation_ids = {(d, seq): id_ for (d, seq, _), id_ in zip(found, reserved, strict=True)}
    else:
        violation_ids = await ids_by(
            lambda c: (
                Violation.filter(decision_id__in=c)
                .using_db(ctx.conn)
                .values_list("id", "decision_id", "seq")
            ),
            [ids[_key(row, jid)] for row, jid in decided if row.data.violations],
            lambda v: (v[1], v[2]),
        )
    await insert(
        ctx.conn,
        Sanction,
        [
            {
                "violation_id": violation_ids[(ids[_key(row, jid)], seq)],
                "kind": s.kind,
                "amount_yuan": Decimal(s.amount_yuan).quantize(CENT),
            }
            for row, jid in decided
            for seq, v in enumerate(row.data.violations, start=1)
            for s in v.sanctions
        ],
    )
