"""Objections through the API (SY 第十四条): the enterprise files with evidence, the
reviewer accepts and upholds, the record is revoked and the public profile loses the list
entry at once; late filings, scope and evidence access are typed errors or nulls."""

from __future__ import annotations

import base64
import hashlib
import logging
from datetime import date
from typing import Any

import httpx
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.audit.models import AuditEvent
from credit.casework.evidence import EvidenceInput
from credit.casework.testing import freeze_on, make_actor, watch_case
from credit.conftest import gql, sign_in
from credit.objections.models import Objection
from credit.objections.services import accept_objection, file_objection
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord
from credit.records.services import create_published
from credit.subjects.models import Subject
from credit.testing import make_subject, make_user

PDF = b"%PDF-1.7\n" + b"x" * 100
PUBLISHED = date(2026, 6, 1)  # a Monday

FILE = """
mutation($input: ObjectionFileInput!) {
  objectionFile(input: $input) {
    objection {
      id status filingDeadline publishedOn channel
      evidence { id name contentType size sha256 }
    }
    errors { field message code }
  }
}
"""
ACCEPT = """mutation($id: ID!) { objectionAccept(id: $id) {
  objection { status dueOn dueProvisional } errors { code message } } }"""
DECIDE = """
mutation($id: ID!, $upheld: Boolean!, $reason: String!) {
  objectionDecide(id: $id, upheld: $upheld, reason: $reason) {
    objection {
      status revokedRecordIds decisionReason
      resultNotice { kind title body }
      records { id status }
    }
    errors { code message field }
  }
}
"""
OPEN = """{ openObjections { totalCount edges { node {
  objection { id status } dueOn workingDaysLeft overdue dueSoon provisional warning } } } }"""
MINE = "{ objections { totalCount edges { node { id status subject { name } } } } }"
PUBLIC = "query($u: String!) { subject(uscc: $u) { lists { list } records { totalCount } } }"
NOTICES = "{ notices { edges { node { kind kindName title body subjectId } } } }"
EVIDENCE = "query($id: ID!) { evidenceFile(id: $id) { name size sha256 base64 } }"


def pdf_input(name: str = "撤回说明.pdf") -> dict[str, str]:
    return {
        "name": name,
        "contentType": "application/pdf",
        "base64": base64.b64encode(PDF).decode(),
    }


def file_input(subject: Subject, record: CreditRecord, **over: Any) -> dict[str, Any]:
    return {
        "subjectId": str(subject.id),
        "recordIds": [str(record.id)],
        "reasons": "该投诉系误投，已由用户书面撤回",
        "evidence": [pdf_input()],
        **over,
    }


async def _published_case(today: date) -> tuple[Subject, CreditRecord]:
    freeze_on(today)
    subject = await make_subject()
    record = await create_published(subject, watch_case(PUBLISHED), PUBLISHED, None)
    return subject, record


async def test_objection_upheld_revokes_the_record_and_the_public_sees_it_at_once(
    make_client,
) -> None:
    # given: a watch-list case published on 2026-06-01, ten days ago
    subject, record = await _published_case(date(2026, 6, 10))
    await make_user("ent", "ENTERPRISE", subject=subject)
    await make_user("reviewer", "CITY_REVIEWER")
    enterprise, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(enterprise, "ent")
    await sign_in(reviewer, "reviewer")
    before = await gql(public, PUBLIC, {"u": subject.uscc})

    # when
    filed = await gql(enterprise, FILE, {"input": file_input(subject, record)})
    objection = filed["data"]["objectionFile"]["objection"]
    accepted = await gql(reviewer, ACCEPT, {"id": objection["id"]})
    open_list = await gql(reviewer, OPEN)
    decided = await gql(
        reviewer,
        DECIDE,
        {"id": objection["id"], "upheld": True, "reason": "经核实，该投诉已由投诉人撤回"},
    )
    after = await gql(public, PUBLIC, {"u": subject.uscc})
    notices = await gql(enterprise, NOTICES)
    mine = await gql(enterprise, MINE)

    # then
    assert before["data"]["subject"]["lists"] == [{"list": "WATCH"}]
    assert filed["data"]["objectionFile"]["errors"] == []
    assert objection["status"] == "FILED" and objection["channel"] == "ONLINE"
    assert objection["filingDeadline"] == "2026-07-01"
    (evidence,) = objection["evidence"]
    assert evidence["size"] == len(PDF) and evidence["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert accepted["data"]["objectionAccept"]["objection"]["status"] == "ACCEPTED"
    (row,) = [e["node"] for e in open_list["data"]["openObjections"]["edges"]]
    assert row["objection"]["id"] == objection["id"] and row["dueOn"]
    assert (row["workingDaysLeft"], row["overdue"], row["dueSoon"]) == (15, False, False)
    assert (row["provisional"], row["warning"]) == (False, "")
    payload = decided["data"]["objectionDecide"]
    assert payload["errors"] == []
    assert payload["objection"]["status"] == "UPHELD"
    assert payload["objection"]["revokedRecordIds"] == [str(record.id)]
    assert payload["objection"]["records"] == [{"id": str(record.id), "status": "REVOKED"}]
    assert payload["objection"]["resultNotice"]["kind"] == "OBJECTION_RESULT"
    assert after["data"]["subject"]["lists"] == []
    assert after["data"]["subject"]["records"]["totalCount"] == 0
    kinds = {e["node"]["kind"] for e in notices["data"]["notices"]["edges"]}
    assert {"OBJECTION_ACCEPTED", "OBJECTION_RESULT"} <= kinds
    assert mine["data"]["objections"]["edges"][0]["node"]["status"] == "UPHELD"
    actions = [e.action for e in await AuditEvent.filter(object_type="objection").order_by("id")]
    assert actions == ["objection.file", "objection.accept", "objection.decide"]


async def test_objection_on_day_31_is_refused_with_the_deadline(make_client) -> None:
    # given: published 2026-06-01, today is 2026-07-02 (day 31)
    subject, record = await _published_case(date(2026, 7, 2))
    await make_user("ent", "ENTERPRISE", subject=subject)
    enterprise = make_client()
    await sign_in(enterprise, "ent")

    # when
    body = await gql(enterprise, FILE, {"input": file_input(subject, record)})

    # then
    payload = body["data"]["objectionFile"]
    assert payload["objection"] is None
    (error,) = payload["errors"]
    assert (error["code"], error["field"]) == ("DEADLINE_PASSED", "recordIds")
    assert "30日" in error["message"] and "2026-07-01" in error["message"]
    assert await Objection.all().count() == 0
    assert not await AuditEvent.filter(action="objection.file").exists()


async def test_reviewer_enters_a_paper_objection_with_its_receipt_date(make_client) -> None:
    # given: received on day 30 by post, entered on day 33
    subject, record = await _published_case(date(2026, 7, 4))
    await make_user("reviewer", "CITY_REVIEWER")
    reviewer = make_client()
    await sign_in(reviewer, "reviewer")

    # when
    body = await gql(
        reviewer,
        FILE,
        {
            "input": file_input(
                subject, record, receivedOn="2026-07-01", applicantName="张经理", evidence=[]
            )
        },
    )

    # then
    payload = body["data"]["objectionFile"]
    assert payload["errors"] == []
    assert payload["objection"]["channel"] == "PAPER"


async def test_an_enterprise_objects_only_for_itself_and_sees_only_its_own(make_client) -> None:
    # given: two enterprises; the first has filed an objection with evidence
    subject, record = await _published_case(date(2026, 6, 10))
    other = await make_subject("另一家技防公司")
    await make_user("ent", "ENTERPRISE", subject=subject)
    await make_user("rival", "ENTERPRISE", subject=other)
    await make_user("officer", "DISTRICT_OFFICER")
    owner, rival, officer = make_client(), make_client(), make_client()
    await sign_in(owner, "ent")
    await sign_in(rival, "rival")
    await sign_in(officer, "officer")
    filed = await gql(owner, FILE, {"input": file_input(subject, record)})
    evidence_id = filed["data"]["objectionFile"]["objection"]["evidence"][0]["id"]

    # when
    foreign = await gql(rival, FILE, {"input": file_input(subject, record)})
    rival_list = await gql(rival, MINE)
    rival_file = await gql(rival, EVIDENCE, {"id": evidence_id})
    owner_file = await gql(owner, EVIDENCE, {"id": evidence_id})
    officer_list = await gql(officer, MINE)

    # then
    assert foreign["data"]["objectionFile"]["errors"] == [
        {"field": "subjectId", "message": "主体不存在", "code": "NOT_FOUND"}
    ]
    assert rival_list["data"]["objections"]["totalCount"] == 0
    assert rival_file["data"]["evidenceFile"] is None
    assert base64.b64decode(owner_file["data"]["evidenceFile"]["base64"]) == PDF
    (error,) = officer_list["errors"]
    assert error["extensions"]["code"] == "PERMISSION_DENIED"
    assert await Objection.all().count() == 1


async def test_evidence_of_the_wrong_type_or_encoding_is_refused_before_anything_is_written(
    make_client,
) -> None:
    # given
    subject, record = await _published_case(date(2026, 6, 10))
    await make_user("ent", "ENTERPRISE", subject=subject)
    enterprise = make_client()
    await sign_in(enterprise, "ent")
    not_a_pdf = {"name": "a.pdf", "contentType": "application/pdf", "base64": "aGVsbG8="}
    not_base64 = {"name": "b.pdf", "contentType": "application/pdf", "base64": "%%%"}
    exe = {"name": "c.exe", "contentType": "application/x-msdownload", "base64": "TVo="}

    # when
    errors = []
    for bad in (not_a_pdf, not_base64, exe):
        body = await gql(
            enterprise, FILE, {"input": file_input(subject, record, evidence=[pdf_input(), bad])}
        )
        errors.append(body["data"]["objectionFile"]["errors"][0])

    # then
    assert [(e["code"], e["field"]) for e in errors] == [("INVALID", "evidence[1]")] * 3
    assert "内容与类型" in errors[0]["message"] and "base64" in errors[1]["message"]
    assert "不支持的文件类型" in errors[2]["message"]
    assert await Objection.all().count() == 0
    assert record.status == RecordStatus.PUBLISHED


PAGE = """
query($n: Int!) { objections(first: $n) { totalCount edges { node {
  id status subject { name } records { status decision { documentNo } } handlingUnit
  evidence { name size } resultNotice { title }
} } } }
"""


async def test_a_page_of_objections_costs_the_same_queries_whatever_its_size(
    make_client,
) -> None:
    # given: eight accepted objections, each with evidence
    freeze_on(date(2026, 6, 10))
    clerk = await make_actor(Role.CITY_REVIEWER)
    for i in range(8):
        subject = await make_subject(f"计数公司{i}")
        record = await create_published(subject, watch_case(PUBLISHED), PUBLISHED, None)
        async with in_transaction() as conn:
            objection = await file_objection(
                conn,
                clerk,
                subject_id=subject.id,
                record_ids=[record.id],
                reasons="书面异议",
                evidence=[EvidenceInput("a.pdf", "application/pdf", PDF)],
            )
            await accept_objection(conn, clerk, objection.id)
    await make_user("reviewer", "CITY_REVIEWER")
    reviewer = make_client()
    await sign_in(reviewer, "reviewer")

    # when
    small = await _count(reviewer, PAGE, {"n": 2})
    large = await _count(reviewer, PAGE, {"n": 8})

    # then
    assert large == small, f"{small} statements for 2 objections, {large} for 8"


async def _count(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> int:
    seen: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = seen.append  # type: ignore[method-assign,assignment]
    logger = logging.getLogger("tortoise.db_client")
    old = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        body = await gql(client, query, variables)
        assert "errors" not in body, body
        assert len(body["data"]["objections"]["edges"]) == variables["n"]
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
    return len(seen)
