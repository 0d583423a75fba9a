"""Taking records off publication at the end of a case: an upheld objection revokes
them, an approved repair application repairs them. Either way, in the caller's
transaction and under the subject lock: the records change state, the subject is
re-evaluated once, what left the lists is announced (without the per-entry notices:
the case's own decision notice says it), and the public sites are told to take the
records down."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.casework.error_codes import CaseworkError, CaseworkErrorCode
from credit.casework.filing import list_entries_now
from credit.grades.models import Evaluation
from credit.grades.services import reevaluate
from credit.notices.services import (
    ListChangeResult,
    announce_records_withdrawn,
    on_list_change,
    record_lines,
)
from credit.notices.texts import RecordLine
from credit.records.lifecycle import Action, InvalidTransition
from credit.records.models import CreditRecord
from credit.records.services import transition
from credit.subjects.models import Subject


@dataclass(frozen=True)
class Withdrawal:
    evaluation: Evaluation  # the new stored evaluation
    list_change: ListChangeResult
    lines: list[RecordLine]  # the records as the decision notice lists them
    removed_lists: list[str]  # the lists the subject left


async def withdraw_records(
    conn: BaseDBAsyncClient,
    actor: Actor,
    subject: Subject,
    records: Sequence[CreditRecord],
    *,
    action: Action,
    reason: str,
    change_id: str,
    cause: str,
    field: str,
    decision_no: str | None = None,
) -> Withdrawal:
    """`action` (REVOKE or REPAIR) on each record, then the re-evaluation and the
    announcements. A record that cannot take the step is INVALID_STATE on `field`."""
    before = await list_entries_now(conn, subject)
    lines = await record_lines(conn, records)
    for record in records:
        try:
            await transition(
                record,
                action,
                conn,
                by_user_id=actor.user_id,
                reason=reason,
                reevaluate_subject=False,
            )
        except InvalidTransition as exc:
            raise CaseworkError(
                f"信用信息 {record.id}：{exc}", CaseworkErrorCode.INVALID_STATE, field
            ) from exc
    evaluation, _ = await reevaluate(subject, conn)
    change = await on_list_change(
        conn,
        actor,
        subject,
        before,
        evaluation.payload["list_entries"],
        change_id=change_id,
        notify=False,
    )
    await announce_records_withdrawn(
        conn, subject, records, change_id=change_id, cause=cause, decision_no=decision_no
    )
    removed = sorted({str(e["list"]) for e in change.removed})
    return Withdrawal(evaluation, change, lines, removed)
