"""Credit repair and removal from a list (信用修复, SY 第十五条, WG 五).

A listed or graded subject applies, with its rectification and evidence, for given bad
records (e.g. the watch-list cases behind an entry), once each record's minimum
publication period has passed (NDRC Order No. 36; `repair_min_public_months`). The
reviewer verifies the rectification and that no valid complaint arrived: a
substantiated public report about the subject received during the publication period
of those records blocks approval, and so (by default) does one still being
investigated. Approval marks the records repaired, which removes them from publication
and counting at once (the subject is re-evaluated in the same transaction), and is
itself the removal decision: notified to the subject and published.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.casework.access import (
    check_staff_access,
    check_subject_access,
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
from credit.policies.facts import BAD_CATEGORIES, Category, ListKind
from credit.policies.params import SHENYANG_CODE, WUGANG_CODE, ShenyangParams, WugangParams
from credit.policies.services import policy_for
from credit.policies.timeline import add_months, add_years
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord
from credit.repairs.error_codes import RepairError, RepairErrorCode
from credit.repairs.models import RepairApplication
from credit.repairs.states import OPEN_REPAIR_STATES, REPAIR, RepairStatus
from credit.reports.models import PublicReport
from credit.reports.services import reports_received_between
from credit.subjects.models import Jurisdiction, Subject


def earliest_repair_day(record: CreditRecord, published_on: date, params: WorkflowParams) -> date:
    """The first day the record may be repaired: its minimum publication period, counted
    from the decision date (fallback: the publication date), has passed."""
    months = params.repair_min_public_months.get(str(record.category), 0)
    return add_months(record.decision_date or published_on, months)


async def _publication_periods(
    conn: BaseDBAsyncClient | None, subject: Subject, records: Sequence[CreditRecord]
) -> dict[int, tuple[date, date]]:
    """[published_on, public_until) of each bad record, by the policy's public window of
    bad information (SY 第七条: 1 year from publication; the legal override wins)."""
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    policy = await policy_for(j.policy_code, clock.now(), conn)
    if policy.code == SHENYANG_CODE:
        years = ShenyangParams.from_mapping(policy.params).bad_public_years
    elif policy.code == WUGANG_CODE:
        years = WugangParams.from_mapping(policy.params).public_years
    else:  # a new policy: name its public window of bad information here
        raise ValueError(f"no publication period known for policy {policy.code!r}")
    published = await published_dates(conn, records)
    return {
        r.id: (published[r.id], r.public_until_override or add_years(published[r.id], years))
        for r in records
    }


@dataclass(frozen=True)
class Complaint:
    report: PublicReport
    record_id: int  # the record during whose publication it arrived


async def blocking_complaints(
    conn: BaseDBAsyncClient | None,
    subject: Subject,
    records: Sequence[CreditRecord],
    params: WorkflowParams,
) -> list[Complaint]:
    """Reports about the subject received during the publication period (up to today) of
    any of the records: substantiated ones, and open ones if the parameter says so."""
    out = []
    tomorrow = clock.today() + timedelta(days=1)
    for record_id, (start, end) in (await _publication_periods(conn, subject, records)).items():
        reports = await reports_received_between(
            conn,
            subject.id,
            clock.local_midnight(start),
            clock.local_midnight(min(end, tomorrow)),
            open_or_substantiated=params.repair_blocked_by_open_reports,
        )
        out += [Complaint(r, record_id) for r in reports]
    return out


async def _check_repairable(
    conn: BaseDBAsyncClient | None, records: Sequence[CreditRecord], params: WorkflowParams
) -> None:
    require_published(records)
    published = await published_dates(conn, records)
    today = clock.today()
    for r in records:
        if Category(r.category) not in BAD_CATEGORIES:
            raise RepairError(f"信用信息 {r.id} 不是不良信息，无需修复", field="recordIds")
        earliest = earliest_repair_day(r, published[r.id], params)
        if today < earliest:
            months = params.repair_min_public_months.get(str(r.category), 0)
            raise RepairError(
                f"信用信息 {r.id} 的最短公示期为{months}个月，{earliest.isoformat()}起方可申请修复",
                RepairErrorCode.TOO_EARLY,
                "recordIds",
            )


async def file_repair(
    conn: BaseDBAsyncClient,
    actor: Actor,
    *,
    subject_id: int,
    record_ids: Sequence[int],
    rectification: str,
    list_kind: ListKind | None = None,
    evidence: Sequence[EvidenceInput] = (),
    applicant_name: str = "",
) -> RepairApplication:
    """Apply for repair (by the enterprise account, or entered by a reviewer from paper)."""
    if not rectification.strip():
        raise RepairError("须说明整改情况", field="rectification")
    subject = await load_subject(conn, subject_id, lock=True)
    check_subject_access(actor, subject)
    params = await params_of(conn, subject)
    check_evidence(evidence, params)
    records = await load_records(conn, subject, record_ids, lock=True, actor=actor)
    await _check_repairable(conn, records, params)
    ids = [r.id for r in records]
    if list_kind is not None:
        await list_entry_covering(conn, subject, ids, list_kind)
    open_ones = await RepairApplication.filter(
        subject_id=subject.id, status__in=list(OPEN_REPAIR_STATES)
    ).using_db(conn)
    check_no_open_case(open_ones, ids, "修复申请")
    application = await RepairApplication.create(
        subject_id=subject.id,
        list_kind=list_kind,
        record_ids=ids,
        channel=channel_of(actor),
        applicant_user_id=actor.user_id,
        applicant_name=applicant_name.strip(),
        rectification=rectification.strip(),
        status=RepairStatus.FILED,
        filed_at=clock.now(),
        using_db=conn,
    )
    await store_evidence(conn, actor, "repair", application.id, evidence, params)
    return application


async def _load(conn: BaseDBAsyncClient, application_id: int) -> RepairApplication:
    return await lock_case(conn, RepairApplication, application_id, "修复申请")


@dataclass(frozen=True)
class RepairDecision:
    application: RepairApplication
    notice: Notice
    evaluation: Evaluation
    list_change: ListChangeResult


async def approve_repair(
    conn: BaseDBAsyncClient,
    actor: Actor,
    application_id: int,
    *,
    decision_no: str,
    reason: str = "",
) -> RepairDecision:
    """The removal decision (解除管理决定): records repaired, subject re-evaluated, notice
    and publication, all in this transaction. Refused while a valid complaint stands."""
    decision_no = decision_no.strip()
    if not decision_no:
        raise RepairError("须填写决定文书号", field="decisionNo")
    application = await _load(conn, application_id)
    application.status = REPAIR.next(Step.APPROVE, RepairStatus(application.status))
    subject = await load_subject(conn, application.subject_id, lock=True)
    check_staff_access(actor, subject)
    params = await params_of(conn, subject)
    if (
        await RepairApplication.filter(
            decision_no=decision_no, subject__jurisdiction_id=subject.jurisdiction_id
        )
        .using_db(conn)
        .exists()
    ):
        raise RepairError(f"文书号 {decision_no} 已使用", RepairErrorCode.CONFLICT, "decisionNo")
    records = await load_records(conn, subject, application.record_ids, lock=True)
    await _check_repairable(conn, records, params)
    complaints = await blocking_complaints(conn, subject, records, params)
    if complaints:
        first = complaints[0].report
        pending = first.outcome is None
        raise RepairError(
            f"信用信息 {complaints[0].record_id} 公示期间收到举报（编号{first.id}，"
            f"{first.received_at.astimezone(clock.TZ).date().isoformat()}）"
            + ("尚在核查，核查完毕前不能作出修复决定" if pending else "经核查属实，不予修复"),
            RepairErrorCode.BLOCKED_BY_REPORT,
        )
    withdrawal = await withdraw_records(
        conn,
        actor,
        subject,
        records,
        action=Action.REPAIR,
        reason=f"信用修复（{decision_no}，申请编号{application.id}）",
        change_id=f"repair:{application.id}",
        cause="repaired",
        field="recordIds",
        decision_no=decision_no,
    )
    evaluation, change = withdrawal.evaluation, withdrawal.list_change
    lines, removed = withdrawal.lines, withdrawal.removed_lists
    unit = await issuing_unit_name(conn, actor, subject)
    today = clock.today()
    title, body = texts.repair_approved(
        await policy_text_of(conn, subject),
        subject.name,
        decision_no,
        lines,
        removed,
        reason.strip(),
        unit,
        today,
    )
    notice = await create_notice(
        conn,
        actor,
        subject,
        NoticeKind.REPAIR_APPROVED,
        title,
        body,
        object_type="repair_application",
        object_id=application.id,
        record_ids=application.record_ids,
    )
    application.decided_at, application.decided_by_id = clock.now(), actor.user_id
    application.decision_reason, application.decision_no = reason.strip(), decision_no
    application.decided_on, application.issuing_unit = today, unit
    application.result_notice_id = notice.id
    await application.save(using_db=conn)
    return RepairDecision(application, notice, evaluation, change)


async def reject_repair(
    conn: BaseDBAsyncClient, actor: Actor, application_id: int, *, reason: str
) -> RepairApplication:
    if not reason.strip():
        raise RepairError("须写明不予修复的理由", field="reason")
    application = await _load(conn, application_id)
    application.status = REPAIR.next(Step.REJECT, RepairStatus(application.status))
    subject = await load_subject(conn, application.subject_id)
    check_staff_access(actor, subject)
    unit = await issuing_unit_name(conn, actor, subject)
    title, body = texts.repair_rejected(
        await policy_text_of(conn, subject), subject.name, reason.strip(), unit, clock.today()
    )
    notice = await create_notice(
        conn,
        actor,
        subject,
        NoticeKind.REPAIR_REJECTED,
        title,
        body,
        object_type="repair_application",
        object_id=application.id,
        record_ids=application.record_ids,
    )
    application.decided_at, application.decided_by_id = clock.now(), actor.user_id
    application.decision_reason, application.result_notice_id = reason.strip(), notice.id
    application.decided_on, application.issuing_unit = clock.today(), unit
    await application.save(using_db=conn)
    return application


async def withdraw_repair(
    conn: BaseDBAsyncClient, actor: Actor, application_id: int
) -> RepairApplication:
    application = await _load(conn, application_id)
    application.status = REPAIR.next(Step.WITHDRAW, RepairStatus(application.status))
    check_subject_access(actor, await load_subject(conn, application.subject_id))
    application.decided_at, application.decided_by_id = clock.now(), actor.user_id
    await application.save(using_db=conn)
    return application
