"""Public reports (举报, WG 五): anyone reports a subject; the reporter stays confidential.

Invariants:
- The reporter's name and contact are stored only encrypted (accounts.crypto). Only the
  assigned handler can read them (`reveal_reporter`), and every reading is audited
  without the values. No other function returns them, and no audit payload, notice or
  outbox event carries them.
- The reporter's network address is not kept with the report (the API layer rate-limits
  before calling `submit_report`, and must not log the address beside the report id).
- A report is received → triaged (a handler assigned) → investigating → closed with an
  outcome; triage may dismiss it. A substantiated report can open a draft record, and a
  substantiated one received during the publication of records blocks their repair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.accounts.crypto import decrypt, encrypt
from credit.accounts.models import Role, Unit, User
from credit.accounts.permissions import ROLE_PERMISSIONS, Permission
from credit.audit.services import record_event
from credit.casework.access import check_staff_access, load_subject, lock_case
from credit.casework.evidence import EvidenceInput, store_evidence
from credit.casework.policy import params_of
from credit.casework.states import Step
from credit.core import clock
from credit.records.models import CreditRecord
from credit.records.services import RecordInput, RecordInputError, create_record
from credit.reports.error_codes import ReportError, ReportErrorCode
from credit.reports.lookup import query_code_digest
from credit.reports.models import PublicReport
from credit.reports.states import OPEN_REPORT_STATES, REPORT, ReportOutcome, ReportStatus

MAX_CONTENT = 5000
MAX_IDENTITY = 200


async def submit_report(
    conn: BaseDBAsyncClient,
    actor: Actor,
    *,
    subject_id: int,
    content: str,
    reporter_name: str = "",
    reporter_contact: str = "",
    evidence: Sequence[EvidenceInput] = (),
    query_code: str = "",
) -> PublicReport:
    """Anyone (anonymous included) reports a subject. Name and contact are optional.
    `query_code` (from `report_lookup.new_query_code`) is stored only as its digest."""
    content = content.strip()
    if not content:
        raise ReportError("须填写举报内容", field="content")
    if len(content) > MAX_CONTENT:
        raise ReportError(f"举报内容不超过{MAX_CONTENT}字", field="content")
    name, contact = reporter_name.strip(), reporter_contact.strip()
    if len(name) > MAX_IDENTITY or len(contact) > MAX_IDENTITY:
        raise ReportError("姓名或联系方式过长", field="reporterContact")
    subject = await load_subject(conn, subject_id)
    report = await PublicReport.create(
        subject_id=subject.id,
        content=content,
        reporter_name_cipher=encrypt(name) if name else None,
        reporter_contact_cipher=encrypt(contact) if contact else None,
        query_code_hash=query_code_digest(query_code) if query_code else None,
        received_at=clock.now(),
        status=ReportStatus.RECEIVED,
        using_db=conn,
    )
    # Uploaded by the public: not attributed to any account.
    anonymous = Actor()
    await store_evidence(
        conn, anonymous, "report", report.id, evidence, await params_of(conn, subject)
    )
    return report


async def _load(conn: BaseDBAsyncClient, report_id: int) -> PublicReport:
    return await lock_case(conn, PublicReport, report_id, "举报")


def _require_handler(actor: Actor, report: PublicReport) -> None:
    if actor.user_id is None or report.handler_user_id != actor.user_id:
        raise ReportError("仅该举报的承办人可办理", ReportErrorCode.NOT_HANDLER, "id")


async def triage_report(
    conn: BaseDBAsyncClient,
    actor: Actor,
    report_id: int,
    *,
    handler_user_id: int,
    note: str = "",
) -> PublicReport:
    """Assign the handler (triage), or re-assign it later, also during the investigation:
    an active user whose role handles reports, of the subject's jurisdiction. Only the
    handler can read the reporter's identity."""
    report = await _load(conn, report_id)
    current = ReportStatus(report.status)
    if current != ReportStatus.INVESTIGATING:
        report.status = REPORT.next(Step.TRIAGE, current)
    subject = await load_subject(conn, report.subject_id)
    check_staff_access(actor, subject)
    handler = await User.get_or_none(id=handler_user_id, is_active=True, using_db=conn)
    unit = await Unit.get_or_none(id=handler.unit_id, using_db=conn) if handler else None
    if (
        handler is None
        or unit is None
        or Permission.HANDLE_REPORTS not in ROLE_PERMISSIONS[Role(handler.role)]
        or unit.jurisdiction_id not in (None, subject.jurisdiction_id)
    ):
        raise ReportError("承办人须为本辖区有举报办理权限的在岗用户", field="handlerUserId")
    report.handler_user_id = handler.id
    report.triaged_at = clock.now()
    report.triage_note = note.strip()
    await report.save(using_db=conn)
    return report


async def dismiss_report(
    conn: BaseDBAsyncClient, actor: Actor, report_id: int, *, note: str
) -> PublicReport:
    """Close at triage without investigation (不予受理), with the reason."""
    if not note.strip():
        raise ReportError("须写明不予受理的理由", field="note")
    report = await _load(conn, report_id)
    report.status = REPORT.next(Step.DISMISS, ReportStatus(report.status))
    check_staff_access(actor, await load_subject(conn, report.subject_id))
    report.outcome, report.outcome_note, report.closed_at = (
        ReportOutcome.DISMISSED,
        note.strip(),
        clock.now(),
    )
    await report.save(using_db=conn)
    return report


async def start_investigation(
    conn: BaseDBAsyncClient, actor: Actor, report_id: int
) -> PublicReport:
    report = await _load(conn, report_id)
    _require_handler(actor, report)
    report.status = REPORT.next(Step.INVESTIGATE, ReportStatus(report.status))
    report.investigation_started_at = clock.now()
    await report.save(using_db=conn)
    return report


async def close_report(
    conn: BaseDBAsyncClient,
    actor: Actor,
    report_id: int,
    *,
    substantiated: bool,
    note: str,
) -> PublicReport:
    """Close an investigation as substantiated (属实) or not (不属实)."""
    if not note.strip():
        raise ReportError("须写明核查结论", field="note")
    report = await _load(conn, report_id)
    _require_handler(actor, report)
    report.status = REPORT.next(Step.CLOSE, ReportStatus(report.status))
    report.outcome = ReportOutcome.SUBSTANTIATED if substantiated else ReportOutcome.UNSUBSTANTIATED
    report.outcome_note, report.closed_at = note.strip(), clock.now()
    await report.save(using_db=conn)
    return report


@dataclass(frozen=True)
class ReporterIdentity:
    name: str
    contact: str


async def reveal_reporter(
    conn: BaseDBAsyncClient | None,
    actor: Actor,
    report_id: int,
    *,
    request_id: str = "",
    client_addr: str = "",
) -> ReporterIdentity:
    """The reporter's name and contact, for the assigned handler only. Writes an audit
    event (who read it, never what) in `conn`: call it inside a transaction."""
    report = await PublicReport.get_or_none(id=report_id, using_db=conn)
    if report is None:
        raise ReportError("举报不存在", ReportErrorCode.NOT_FOUND, "id")
    _require_handler(actor, report)
    if not actor.can(Permission.HANDLE_REPORTS):
        raise ReportError("无举报办理权限", ReportErrorCode.NOT_HANDLER, "id")
    await record_event(
        conn,
        actor,
        "public_report.reveal_reporter",
        object_type="public_report",
        object_id=report.id,
        request_id=request_id,
        client_addr=client_addr,
    )
    return ReporterIdentity(
        name=decrypt(report.reporter_name_cipher) if report.reporter_name_cipher else "",
        contact=decrypt(report.reporter_contact_cipher) if report.reporter_contact_cipher else "",
    )


async def open_draft_record(
    conn: BaseDBAsyncClient, actor: Actor, report_id: int, data: RecordInput
) -> CreditRecord:
    """From a substantiated report, a draft record of its subject (then the ordinary
    submit → verify → publish path). The draft never names the reporter."""
    report = await _load(conn, report_id)
    _require_handler(actor, report)
    if report.outcome != ReportOutcome.SUBSTANTIATED:
        raise ReportError("仅经核查属实的举报可转为信用信息", ReportErrorCode.INVALID_STATE)
    if report.record_id is not None:
        raise ReportError(f"该举报已生成信用信息 {report.record_id}", ReportErrorCode.CONFLICT)
    subject = await load_subject(conn, report.subject_id, lock=True)
    data = replace(
        data,
        internal_note=(data.internal_note + f"\n来源：举报（编号{report.id}）").strip(),
        provider_unit_id=data.provider_unit_id or actor.unit_id,
    )
    try:
        record = await create_record(subject, data, conn, by_user_id=actor.user_id)
    except RecordInputError as exc:
        raise ReportError(str(exc), ReportErrorCode.INVALID, exc.field) from exc
    report.record_id = record.id
    await report.save(using_db=conn, update_fields=["record_id", "updated_at"])
    return record


async def reports_received_between(
    conn: BaseDBAsyncClient | None,
    subject_id: int,
    start: datetime,
    end: datetime,
    *,
    open_or_substantiated: bool = True,
) -> list[PublicReport]:
    """Reports about the subject received in [start, end): the substantiated ones and
    (by default) those still open, for the repair check (SY 第十五条)."""
    rows = (
        await PublicReport.filter(
            subject_id=subject_id, received_at__gte=start, received_at__lt=end
        )
        .using_db(conn)
        .order_by("received_at")
    )
    return [
        r
        for r in rows
        if r.outcome == ReportOutcome.SUBSTANTIATED
        or (open_or_substantiated and r.status in OPEN_REPORT_STATES)
    ]
