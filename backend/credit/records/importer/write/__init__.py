"""Writing a checked plan, in the caller's transaction, in a few bulk statements per kind
of row: subjects, then decisions with their violations and sanctions, then records with
their history, then the audit events (one per row written, and one for the import).
Returns the subjects to re-evaluate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.records.importer.known import Known
from credit.records.importer.plan import Plan
from credit.records.importer.write.context import WriteContext
from credit.records.importer.write.decisions import create_decisions
from credit.records.importer.write.records import create_records
from credit.records.importer.write.subjects import create_subjects, update_subjects

if TYPE_CHECKING:
    from credit.accounts.actor import Actor


async def write(
    plan: Plan,
    known: Known,
    conn: BaseDBAsyncClient,
    actor: Actor | None,
    summary: dict[str, Any],
) -> set[int]:
    """Everything in bulk; returns the ids of the subjects to re-evaluate."""
    ctx = WriteContext(conn, actor, {k: s.id for k, s in known.subjects.items()})
    await create_subjects(ctx, plan.create_subjects)
    await update_subjects(ctx, plan.update_subjects)
    entries = plan.create_entries
    decided = [(row, jid) for row, jid, _ in entries if row.row_kind == "decision"]
    decision_ids = await create_decisions(ctx, decided)
    await create_records(ctx, entries, decision_ids)
    digest = str(summary.get("sha256", ""))
    ctx.event("records.import", "import", digest[:64], None, summary)
    await ctx.flush_events()
    return ctx.touched
