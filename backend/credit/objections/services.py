"""Objections (异议, SY 第十四条, WG 五).

Filed in writing with evidence within `objection_window_days` calendar days of the
publication (the day of publication not counted; a last day on a rest day rolls to the
next working day); accepted by a reviewer; verified within `objection_verify_working_days`
working days of acceptance; upheld (the records are revoked and the subject re-evaluated
in the same transaction) or rejected; the result notified in writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.calendar.workdays import deadline_after, rolled_deadline
from credit.casework.access import (
    check_staff_access,
    check_subject_access,
    is_enterprise,
    load_subject,
    lock_case,
)
from credit.casework.evidence import EvidenceInput, check_evidence, store_evidence
from credit.casework.filing import (
    channel_of,
    check_no_open_case,
    list_entry_covering,
    load_records,
    published_dates,
    require_published,
)
from credit.casework.params import WorkflowParams
from credit.casework.policy import issuing_unit_name, params_of
from credit.casework.states import Step
from credit.casework.withdrawal import withdraw_records
from credit.core import clock
from credit.grades.models import Evaluation
from credit.notices import texts
from credit.notices.models import Notice
from credit.notices.services import (
    ListChangeResult,
    create_notice,
    policy_text_of,
)
from credit.notices.states import NoticeKind
from credit.objections.error_codes import ObjectionError, ObjectionErrorCode
from credit.objections.models import Objection
from credit.objections.states import OBJECTION, OPEN_OBJECTION_STATES, ObjectionStatus
from credit.policies.facts import ListKind
from credit.records.lifecycle import Action
from credit.subjects.models import Subject


async def filing_deadline(
    conn: BaseDBAsyncClient | None, published_on: date, params: WorkflowParams
) -> tuple[date, tuple[date, ...]]:
    """The last day to object, and the guessed calendar days it depends on (if any)."""
    last = published_on + timedelta(days=params.objection_window_days)
    if not params.objection_deadline_rolls_over:
        return last, ()
    return await rolled_deadline(conn, last)


async def _published_on(
    conn: BaseDBAsyncClient, subject: Subject, record_ids: Sequence[int], list_kind: ListKind | None
) -> date:
    """The day the objection window runs from: the listing's publication for a list entry
    (a blacklisting by 第十一条 is published when the threshold is reached), otherwise the
    earliest publication among the records (the window of each must still be open)."""
    if list_kind is not None:
        entry = await list_entry_covering(conn, subject, record_ids, list_kind)
        return date.fromisoformat(entry["since"])
    records = await load_records(conn, subject, record_ids)
    return min((await published_dates(conn, records)).values())


async def file_objection(
    conn: BaseDBAsyncClient,
    actor: Actor,
    *,
    subject_id: int,
    record_ids: Sequence[int],
    reasons: str,
    list_kind: ListKind | None = None,
    evidence: Sequence[EvidenceInput] = (),
    applicant_name: str = "",
    received_on: date | None = None,
) -> Objection:
    """File an objection: online by the subject's enterprise account, or a written
    application entered by a reviewer (`received_on`: the day the bureau received it)."""
    today = clock.today()
    subject = await load_subject(conn, subject_id, lock=True)
    check_subject_access(actor, subject)
    params = await params_of(conn, subject)
    if not reasons.strip():
        raise ObjectionError("须写明异议理由", field="reasons")
    check_evidence(evidence, params)
    if is_enterprise(actor) and received_on is not None:
        raise ObjectionError("网上提交以提交当日为准", field="receivedOn")
    filed_on = received_on or today
    if filed_on > today:
        raise ObjectionError("收件日期不能晚于今天", field="receivedOn")
    records = await load_records(conn, subject, record_ids, lock=True, actor=actor)
    require_published(records)
    published_on = await _published_on(conn, subject, [r.id for r in records], list_kind)
    if filed_on < published_on:
        raise ObjectionError("收件日期不能早于公示日期", field="receivedOn")
    deadline, guessed = await filing_deadline(conn, published_on, params)
    if filed_on > deadline:
        note = "，暂定" if guessed else ""
        raise ObjectionError(
            f"异议须自公示之日起{params.objection_window_days}日内提出"
            f"（截止{deadline.isoformat()}{note}）",
            ObjectionErrorCode.DEADLINE_PASSED,
            "recordIds",
        )
    ids = [r.id for r in records]
    open_ones = await Objection.filter(
        subject_id=subject.id, status__in=list(OPEN_OBJECTION_STATES)
    ).using_db(conn)
    check_no_open_case(open_ones, ids, "异议")
    objection = await Objection.create(
        subject_id=subject.id,
        list_kind=list_kind,
        record_ids=ids,
        published_on=published_on,
        filing_deadline=deadline,
        channel=channel_of(actor),
        applicant_user_id=actor.user_id,
        applicant_name=applicant_name.strip(),
        reasons=reasons.strip(),
        status=ObjectionStatus.FILED,
        filed_on=filed_on,
        filed_at=clock.now(),
        using_db=conn,
    )
    await store_evidence(conn, actor, "objection", objection.id, evidence, params)
    return objection


async def _load(conn: BaseDBAsyncClient, objection_id: int) -> Objection:
    return await lock_case(conn, Objection, objection_id, "异议")


async def accept_objection(conn: BaseDBAsyncClient, actor: Actor, objection_id: int) -> Objection:
    """Accept (受理) today: the verification is due `objection_verify_working_days`
    working days later; a deadline over days no calendar knows is provisional."""
    objection = await _load(conn, objection_id)
    objection.status = OBJECTION.next(Step.ACCEPT, ObjectionStatus(objection.status))
    subject = await load_subject(conn, objection.subject_id)
    check_staff_access(actor, subject)
    params = await params_of(conn, subject)
    today = clock.today()
    deadline = await deadline_after(conn, today, params.objection_verify_working_days)
    objection.accepted_at = clock.now()
    objection.accepted_on = today
    objection.accepted_by_id = actor.user_id
    objection.handling_unit_id = actor.unit_id
    objection.due_on = deadline.due
    objection.due_provisional = deadline.provisional
    objection.due_warning = deadline.warning
    await objection.save(using_db=conn)
    title, body = texts.objection_accepted(
        await policy_text_of(conn, subject),
        subject.name,
        objection.filed_on,
        objection.id,
        deadline.due,
        [d.year for d in deadline.guessed_days],
        await issuing_unit_name(conn, actor, subject),
        today,
    )
    await create_notice(
        conn,
        actor,
        subject,
        NoticeKind.OBJECTION_ACCEPTED,
        title,
        body,
        object_type="objection",
        object_id=objection.id,
        record_ids=objection.record_ids,
    )
    return objection


async def decline_objection(
    conn: BaseDBAsyncClient, actor: Actor, objection_id: int, *, reason: str
) -> Objection:
    """Do not accept (不予受理), with the reason notified in writing."""
    if not reason.strip():
        raise ObjectionError("须写明不予受理的理由", field="reason")
    objection = await _load(conn, objection_id)
    objection.status = OBJECTION.next(Step.DECLINE, ObjectionStatus(objection.status))
    subject = await load_subject(conn, objection.subject_id)
    check_staff_access(actor, subject)
    title, body = texts.objection_not_accepted(
        await policy_text_of(conn, subject),
        subject.name,
        objection.filed_on,
        objection.id,
        reason.strip(),
        await issuing_unit_name(conn, actor, subject),
        clock.today(),
    )
    notice = await create_notice(
        conn,
        actor,
        subject,
        NoticeKind.OBJECTION_NOT_ACCEPTED,
        title,
        body,
        object_type="objection",
        object_id=objection.id,
        record_ids=objection.record_ids,
    )
    objection.decided_at, objection.decided_by_id = clock.now(), actor.user_id
    objection.decision_reason, objection.result_notice_id = reason.strip(), notice.id
    await objection.save(using_db=conn)
    return objection


async def withdraw_objection(conn: BaseDBAsyncClient, actor: Actor, objection_id: int) -> Objection:
    """The applicant (or a reviewer, on the applicant's written request) withdraws it."""
    objection = await _load(conn, objection_id)
    objection.status = OBJECTION.next(Step.WITHDRAW, ObjectionStatus(objection.status))
    check_subject_access(actor, await load_subject(conn, objection.subject_id))
    objection.decided_at, objection.decided_by_id = clock.now(), actor.user_id
    await objection.save(using_db=conn)
    return objection


@dataclass(frozen=True)
class ObjectionDecision:
    objection: Objection
    notice: Notice
    evaluation: Evaluation | None  # the new stored evaluation when records were revoked
    list_change: ListChangeResult | None


async def decide_objection(
    conn: BaseDBAsyncClient,
    actor: Actor,
    objection_id: int,
    *,
    upheld: bool,
    reason: str,
    revoke_record_ids: Sequence[int] | None = None,
) -> ObjectionDecision:
    """Upheld: revoke the records (all of the objection's, or the subset named), which
    re-evaluates the subject in this transaction, and announce what left the lists.
    Rejected: the records stand. Either way a result notice goes to the applicant."""
    if not reason.strip():
        raise ObjectionError("须写明核实结论的理由", field="reason")
    objection = await _load(conn, objection_id)
    step = Step.UPHOLD if upheld else Step.REJECT
    objection.status = OBJECTION.next(step, ObjectionStatus(objection.status))
    subject = await load_subject(conn, objection.subject_id, lock=True)
    check_staff_access(actor, subject)
    evaluation, change, lines, removed = None, None, [], []
    if upheld:
        ids = list(revoke_record_ids) if revoke_record_ids else list(objection.record_ids)
        if not set(ids) <= set(objection.record_ids):
            raise ObjectionError("只能撤销异议所涉的信用信息", field="revokeRecordIds")
        records = await load_records(conn, subject, ids, lock=True)
        withdrawal = await withdraw_records(
            conn,
            actor,
            subject,
            records,
            action=Action.REVOKE,
            reason=f"异议成立（异议编号{objection.id}）：{reason.strip()}",
            change_id=f"objection:{objection.id}",
            cause="revoked",
            field="revokeRecordIds",
        )
        evaluation, change = withdrawal.evaluation, withdrawal.list_change
        lines, removed = withdrawal.lines, withdrawal.removed_lists
        objection.revoked_record_ids = [r.id for r in records]
    title, body = texts.objection_result(
        await policy_text_of(conn, subject),
        subject.name,
        objection.filed_on,
        objection.id,
        upheld,
        reason.strip(),
        lines,
        removed,
        await issuing_unit_name(conn, actor, subject),
        clock.today(),
    )
    notice = await create_notice(
        conn,
        actor,
        subject,
        NoticeKind.OBJECTION_RESULT,
        title,
        body,
        object_type="objection",
        object_id=objection.id,
        record_ids=objection.record_ids,
    )
    objection.decided_at, objection.decided_by_id = clock.now(), actor.user_id
    objection.decision_reason, objection.result_notice_id = reason.strip(), notice.id
    await objection.save(using_db=conn)
    return ObjectionDecision(objection, notice, evaluation, change)
