"""A record changed by a case (an upheld objection, an approved repair, a list removal, an
appeal that annulled its decision) gets its own audit event, filed under the record, in
the case's transaction: the record's trail (what the console shows on the record) then
tells the whole story, not only the objection's or the application's trail. The record's
history (record_transition) already holds the step itself, with the case in its reason."""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.apicore.context import Context
from credit.audit.services import record_event
from credit.policies.facts import RecordStatus


async def record_changed_by_case(
    conn: BaseDBAsyncClient,
    ctx: Context,
    record_ids: Iterable[int],
    to_status: RecordStatus,
    cause_type: str,
    cause_id: int,
) -> None:
    action = {RecordStatus.REVOKED: "revoke", RecordStatus.REPAIRED: "repair"}[to_status]
    for record_id in sorted(set(record_ids)):
        await record_event(
            conn,
            ctx.actor,
            f"credit_record.{action}",
            object_type="credit_record",
            object_id=record_id,
            before={"status": RecordStatus.PUBLISHED},
            after={"status": to_status, "cause": {"type": cause_type, "id": cause_id}},
            request_id=ctx.request_id,
            client_addr=ctx.client_addr,
        )
