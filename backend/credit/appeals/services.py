"""Reconsideration and litigation (行政复议、行政诉讼, SY 第十六条), recorded on the decision.

`Decision.appeals` is an append-only list: an entry is added when an appeal is filed, and
its outcome is set once. An outcome that annuls the decision (撤销) revokes the decision's
published records at once, re-evaluating the subject in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.appeals.error_codes import AppealError, AppealErrorCode
from credit.casework.access import check_staff_access, load_subject, lock_case
from credit.casework.filing import list_entries_now
from credit.core import clock
from credit.grades.services import reevaluate
from credit.notices.services import announce_records_withdrawn, on_list_change
from credit.policies.facts import RecordStatus
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord, Decision
from credit.records.services import transition


class AppealKind(StrEnum):
    RECONSIDERATION = "reconsideration"  # 行政复议
    LITIGATION = "litigation"  # 行政诉讼


class AppealOutcome(StrEnum):
    PENDING = "pending"
    UPHELD = "upheld"  # 维持 / 驳回诉讼请求
    REVOKED = "revoked"  # 撤销
    MODIFIED = "modified"  # 变更 (the reviewer enters the new facts)
    CONFIRMED_UNLAWFUL = "confirmed_unlawful"  # 确认违法 (the decision is not annulled)
    WITHDRAWN = "withdrawn"  # 撤回申请 / 撤诉


async def _decision(conn: BaseDBAsyncClient, actor: Actor, decision_id: int) -> Decision:
    decision = await lock_case(
        conn, Decision, decision_id, "决定", field="decisionId", watch="appeals"
    )
    check_staff_access(actor, await load_subject(conn, decision.subject_id))
    return decision


async def record_appeal(
    conn: BaseDBAsyncClient,
    actor: Actor,
    decision_id: int,
    *,
    kind: AppealKind,
    filed_on: date,
    authority: str,
    case_no: str = "",
    note: str = "",
) -> Decision:
    """Add an appeal (pending) to the decision."""
    if filed_on > clock.today():
        raise AppealError("申请/起诉日期不能晚于今天", field="filedOn")
    if not authority.strip():
        raise AppealError("须填写复议机关或受理法院", field="authority")
    decision = await _decision(conn, actor, decision_id)
    if filed_on < decision.decided_on:
        raise AppealError("申请/起诉日期不能早于决定日期", field="filedOn")
    entry: dict[str, Any] = {
        "kind": kind.value,
        "filed_on": filed_on.isoformat(),
        "authority": authority.strip(),
        "case_no": case_no.strip(),
        "outcome": AppealOutcome.PENDING.value,
        "decided_on": None,
        "note": note.strip(),
        "recorded_by": actor.user_id,
        "recorded_at": clock.now().isoformat(),
    }
    decision.appeals = [*decision.appeals, entry]
    await decision.save(using_db=conn, update_fields=["appeals"])
    return decision


@dataclass(frozen=True)
class AppealResult:
    decision: Decision
    revoked_record_ids: tuple[int, ...]


async def set_appeal_outcome(
    conn: BaseDBAsyncClient,
    actor: Actor,
    decision_id: int,
    index: int,
    *,
    outcome: AppealOutcome,
    decided_on: date,
    note: str = "",
) -> AppealResult:
    """Set the outcome of appeal `index` (0-based, in filing order) once."""
    if outcome == AppealOutcome.PENDING:
        raise AppealError("须选择复议或诉讼结果", field="outcome")
    decision = await _decision(conn, actor, decision_id)
    appeals = [dict(a) for a in decision.appeals]
    if not 0 <= index < len(appeals):
        raise AppealError("没有该复议/诉讼记录", AppealErrorCode.NOT_FOUND, "index")
    if appeals[index].get("outcome") != AppealOutcome.PENDING.value:
        raise AppealError("该复议/诉讼结果已登记", AppealErrorCode.INVALID_STATE, "index")
    if decided_on < date.fromisoformat(appeals[index]["filed_on"]) or decided_on > clock.today():
        raise AppealError("结果日期须在申请日期之后、今天之前", field="decidedOn")
    appeals[index] |= {
        "outcome": outcome.value,
        "decided_on": decided_on.isoformat(),
        "outcome_note": note.strip(),
        "outcome_by": actor.user_id,
    }
    decision.appeals = appeals
    await decision.save(using_db=conn, update_fields=["appeals"])
    revoked: list[CreditRecord] = []
    if outcome == AppealOutcome.REVOKED:
        subject = await load_subject(conn, decision.subject_id, lock=True)
        before = await list_entries_now(conn, subject)
        records = (
            await CreditRecord.filter(decision_id=decision.id, status=RecordStatus.PUBLISHED)
            .using_db(conn)
            .select_for_update()
            .order_by("id")
        )
        kind_zh = "行政复议" if appeals[index]["kind"] == AppealKind.RECONSIDERATION else "行政诉讼"
        for record in records:
            await transition(
                record,
                Action.REVOKE,
                conn,
                by_user_id=actor.user_id,
                reason=f"{kind_zh}撤销原决定（{decision.document_no}）",
                reevaluate_subject=False,
            )
            revoked.append(record)
        stored, _ = await reevaluate(subject, conn)
        change_id = f"appeal:{decision.id}:{index}"
        await on_list_change(
            conn,
            actor,
            subject,
            before,
            stored.payload["list_entries"],
            change_id=change_id,
            removal_reason=f"{kind_zh}撤销原决定（{decision.document_no}）",
        )
        if revoked:
            await announce_records_withdrawn(
                conn,
                subject,
                revoked,
                change_id=change_id,
                cause="revoked",
                decision_no=decision.document_no,
            )
    return AppealResult(decision, tuple(r.id for r in revoked))
