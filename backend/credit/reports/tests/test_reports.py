"""WG 五: "对举报人信息严格保密". The reporter's identity is ciphertext at rest and only the
assigned handler can read it; a substantiated report can open a draft record."""

from __future__ import annotations

from datetime import date

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from credit.accounts.actor import Actor
from credit.accounts.crypto import decrypt
from credit.accounts.models import Role
from credit.audit.models import AuditEvent
from credit.casework.error_codes import CaseError
from credit.casework.evidence import EvidenceInput, list_evidence, read_evidence
from credit.casework.testing import freeze_on, make_actor
from credit.policies.facts import RecordStatus
from credit.policies.params import WUGANG_CODE
from credit.records.services import RecordInput
from credit.reports.error_codes import ReportErrorCode
from credit.reports.models import PublicReport
from credit.reports.services import (
    close_report,
    open_draft_record,
    reveal_reporter,
    start_investigation,
    submit_report,
    triage_report,
)
from credit.reports.states import ReportOutcome, ReportStatus
from credit.subjects.models import Subject
from credit.testing import decision_no, make_subject

NAME, CONTACT = "王举报", "13800138000"


async def _received_and_triaged() -> tuple[Subject, PublicReport, Actor, Actor]:
    subject = await make_subject()
    triager = await make_actor(Role.CITY_REVIEWER)
    handler = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 5, 6))
    async with in_transaction() as conn:
        report = await submit_report(
            conn,
            Actor(),
            subject_id=subject.id,
            content="该公司在小区违规安装监控",
            reporter_name=NAME,
            reporter_contact=CONTACT,
            evidence=[EvidenceInput("现场.jpg", "image/jpeg", b"\xff\xd8\xff\xe0photo")],
        )
        await triage_report(conn, triager, report.id, handler_user_id=handler.user_id or 0)
    return subject, report, triager, handler


async def test_wugang5_reporter_identity_is_stored_as_ciphertext(db: str) -> None:
    # given/when
    _, report, _, _ = await _received_and_triaged()

    # then: the stored columns are ciphertext that decrypts to the values
    rows = await connections.get("default").execute_query_dict(
        "SELECT * FROM public_report WHERE id = " + str(report.id)
    )
    stored = " ".join(str(v) for v in rows[0].values())
    assert NAME not in stored and CONTACT not in stored
    assert decrypt(rows[0]["reporter_name_cipher"]) == NAME
    assert decrypt(rows[0]["reporter_contact_cipher"]) == CONTACT


async def test_wugang5_only_the_assigned_handler_can_read_the_reporter(db: str) -> None:
    # given
    subject, report, triager, handler = await _received_and_triaged()
    others = [
        triager,  # assigned it, but does not handle it
        await make_actor(Role.ADMIN),
        await make_actor(Role.DISTRICT_OFFICER),
        await make_actor(Role.ENTERPRISE, subject=subject),
        Actor(),  # anonymous
    ]

    # when
    refusals = []
    for actor in others:
        with pytest.raises(CaseError) as refused:
            async with in_transaction() as conn:
                await reveal_reporter(conn, actor, report.id)
        refusals.append(refused.value.code)
    async with in_transaction() as conn:
        identity = await reveal_reporter(conn, handler, report.id, request_id="req-1")

    # then
    assert refusals == [ReportErrorCode.NOT_HANDLER] * len(others)
    assert (identity.name, identity.contact) == (NAME, CONTACT)
    (event,) = await AuditEvent.filter(action="public_report.reveal_reporter")
    assert event.actor_user_id == handler.user_id and event.object_id == str(report.id)
    assert NAME not in str(event.after) and CONTACT not in str(event.after)
    # the evidence (which may identify the reporter) follows the same rule
    (photo,) = await list_evidence(None, "report", report.id)
    assert (await read_evidence(None, handler, photo.id)).content.startswith(b"\xff\xd8")
    with pytest.raises(CaseError):
        await read_evidence(None, triager, photo.id)


async def test_wugang5_substantiated_report_opens_a_draft_record(db: str) -> None:
    # given
    subject, report, triager, handler = await _received_and_triaged()

    # when: only the handler investigates and closes it
    with pytest.raises(CaseError) as not_handler:
        async with in_transaction() as conn:
            await start_investigation(conn, triager, report.id)
    async with in_transaction() as conn:
        await start_investigation(conn, handler, report.id)
        closed = await close_report(conn, handler, report.id, substantiated=True, note="属实")
        record = await open_draft_record(
            conn,
            handler,
            report.id,
            RecordInput(
                type="watch_list_case",
                occurred_on=date(2026, 5, 6),
                summary="擅自在社会公共区域安装技防系统",
                situation_code="s09",
                decision_no=decision_no(),
                decision_date=date(2026, 5, 6),
                issuing_unit="公安局",
            ),
        )

    # then
    assert not_handler.value.code == ReportErrorCode.NOT_HANDLER
    assert (closed.status, closed.outcome) == (ReportStatus.CLOSED, ReportOutcome.SUBSTANTIATED)
    assert record.status == RecordStatus.DRAFT and record.subject_id == subject.id
    assert NAME not in record.internal_note and f"举报（编号{report.id}）" in record.internal_note
    assert (await PublicReport.get(id=report.id)).record_id == record.id


async def test_wugang5_reassigning_moves_the_confidentiality_with_the_case(db: str) -> None:
    # given: under investigation by the first handler
    _, report, triager, first = await _received_and_triaged()
    second = await make_actor(Role.CITY_REVIEWER)
    elsewhere = await make_actor(Role.CITY_REVIEWER, WUGANG_CODE)
    async with in_transaction() as conn:
        await start_investigation(conn, first, report.id)

    # when
    with pytest.raises(CaseError) as out_of_area:
        async with in_transaction() as conn:
            await triage_report(conn, triager, report.id, handler_user_id=elsewhere.user_id or 0)
    async with in_transaction() as conn:
        moved = await triage_report(conn, triager, report.id, handler_user_id=second.user_id or 0)

    # then
    assert "本辖区" in out_of_area.value.message
    assert moved.status == ReportStatus.INVESTIGATING
    with pytest.raises(CaseError):
        async with in_transaction() as conn:
            await reveal_reporter(conn, first, report.id)
    async with in_transaction() as conn:
        assert (await reveal_reporter(conn, second, report.id)).name == NAME
