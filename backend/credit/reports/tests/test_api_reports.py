"""Public reports through the API (舞公 五 "对举报人信息严格保密"): anyone files one and gets
only an acknowledgement number; the reporter's name and contact reach the assigned
handler through `publicReportReporter` and nowhere else: no other response of any role,
no audit event, no table in plain text, no log line."""

from __future__ import annotations

import base64
import json
import logging
from datetime import date
from typing import Any

import httpx
import pytest
from tortoise import Tortoise, connections

from credit.audit.models import AuditEvent
from credit.casework.testing import freeze_on
from credit.conftest import gql, sign_in
from credit.reports.models import PublicReport
from credit.testing import make_subject, make_user

NAME, CONTACT = "保密举报人甲乙", "jubao.secret@example.cn"
CONTENT = "该公司在居民小区违规安装监控探头"
PHOTO = b"\xff\xd8\xff\xe0" + b"jpeg-bytes" * 10

FILE = """
mutation($u: String!, $c: String!, $n: String!, $t: String!, $e: [EvidenceFileInput!]) {
  publicReportFile(uscc: $u, content: $c, reporterName: $n, reporterContact: $t, evidence: $e) {
    acknowledgementNo errors { code field message }
  }
}
"""
REPORTS = """{ publicReports { totalCount edges { node {
  id acknowledgementNo subjectId status statusName handlerUserId handlerName handledByMe
  content evidence { id name size } triagedAt triageNote investigationStartedAt closedAt
  outcome outcomeNote recordId subject { name uscc address } } } } }"""
REVEAL = "query($id: ID!) { publicReportReporter(id: $id) { name contact } }"
TRIAGE = """mutation($id: ID!, $h: ID!) { reportTriage(id: $id, handlerUserId: $h, note: "转承办") {
  publicReport { status handlerName content } errors { code message } } }"""
INVESTIGATE = """mutation($id: ID!) { reportInvestigationStart(id: $id) {
  publicReport { status } errors { code message } } }"""
CLOSE = """mutation($id: ID!) { reportClose(id: $id, substantiated: true, note: "经核查属实") {
  publicReport { status outcome content } errors { code message } } }"""
OPEN_RECORD = """mutation($id: ID!, $i: ReportRecordInput!) { reportRecordOpen(id: $id, input: $i) {
  publicReport { recordId } creditRecord { id status summary internalNote providerPerson }
  errors { code field message } } }"""
EVIDENCE = "query($id: ID!) { evidenceFile(id: $id) { name base64 } }"
HANDLERS = "{ publicReportHandlers { edges { node { id displayName unitName } } } }"
SWEEP = {
    "reports": REPORTS,
    "objections": "{ objections(first: 100) { edges { node { reasons applicantName } } } }",
    "repairs": "{ repairApplications(first: 100) { edges { node { rectification } } } }",
    "notices": "{ notices(first: 100) { edges { node { title body } } } }",
    "outbox": """{ outboxEvents(status: [PENDING, DELIVERED, FAILED], first: 100) {
      edges { node { key kind payload lastError } } } }""",
    "audit": """{ auditEvents(first: 100) { edges { node {
      action actorUsername objectType objectId before after requestId clientAddr } } } }""",
    "records": """{ creditRecords(first: 100) { edges { node {
      summary internalNote providerPerson transitions { reason } } } } }""",
    "register": """{ reminders(start: "2026-01-01", end: "2026-12-31") {
      edges { node { content } } } }""",
}
PUBLIC = "query($u: String!) { subject(uscc: $u) { name records { edges { node { summary } } } } }"


class Transcript:
    """Every response body of the test, by who asked what."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    async def ask(
        self,
        who: str,
        client: httpx.AsyncClient,
        query: str,
        variables: dict[str, Any] | None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        body = await gql(client, query, variables, headers=headers)
        self.seen.append((who, json.dumps(body, ensure_ascii=False)))
        return body


async def test_reporter_identity_reaches_the_handler_and_nowhere_else(
    make_client,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given: a subject, two reviewers (one triages, one handles), and other roles
    caplog.set_level(logging.DEBUG)
    freeze_on(date(2026, 5, 6))
    subject = await make_subject()
    users = {
        "triager": await make_user("triager", "CITY_REVIEWER"),
        "handler": await make_user("handler", "CITY_REVIEWER"),
        "bystander": await make_user("bystander", "CITY_REVIEWER"),
        "admin": await make_user("admin", "ADMIN"),
        "officer": await make_user("officer", "DISTRICT_OFFICER"),
        "enterprise": await make_user("enterprise", "ENTERPRISE", subject=subject),
    }
    clients = {"public": make_client()}
    for name in users:
        clients[name] = make_client()
        await sign_in(clients[name], name)
    t = Transcript()

    # when: the public files a report naming itself, with a photo
    photo = {
        "name": "现场.jpg",
        "contentType": "image/jpeg",
        "base64": base64.b64encode(PHOTO).decode(),
    }
    filed = await t.ask(
        "public",
        clients["public"],
        FILE,
        {
            "u": subject.uscc,
            "c": CONTENT,
            "n": NAME,
            "t": CONTACT,
            "e": [photo],
        },
    )
    # … the triager sees the case but not its content, and assigns the handler
    before_triage = await t.ask("triager", clients["triager"], REPORTS, None)
    report_id = before_triage["data"]["publicReports"]["edges"][0]["node"]["id"]
    handlers = await t.ask("triager", clients["triager"], HANDLERS, None)
    handler_id = str(users["handler"].id)  # type: ignore[attr-defined]
    triaged = await t.ask("triager", clients["triager"], TRIAGE, {"id": report_id, "h": handler_id})
    # … the handler reads the content and the evidence, and (only it) the reporter
    handled = await t.ask("handler", clients["handler"], REPORTS, None)
    file_id = handled["data"]["publicReports"]["edges"][0]["node"]["evidence"][0]["id"]
    photo_for_handler = await t.ask("handler", clients["handler"], EVIDENCE, {"id": file_id})
    photo_for_triager = await t.ask("triager", clients["triager"], EVIDENCE, {"id": file_id})
    forged = await t.ask(
        "handler", clients["handler"], REVEAL, {"id": report_id}, {"x-csrf-token": "forged"}
    )
    revealed = await gql(clients["handler"], REVEAL, {"id": report_id})
    refusals = {
        who: await t.ask(who, clients[who], REVEAL, {"id": report_id})
        for who in ("public", "triager", "bystander", "admin", "officer", "enterprise")
    }
    not_handler = await t.ask("triager", clients["triager"], INVESTIGATE, {"id": report_id})
    await t.ask("handler", clients["handler"], INVESTIGATE, {"id": report_id})
    await t.ask("handler", clients["handler"], CLOSE, {"id": report_id})
    opened = await t.ask(
        "handler",
        clients["handler"],
        OPEN_RECORD,
        {
            "id": report_id,
            "i": {
                "type": "watch_list_case",
                "occurredOn": "2026-05-06",
                "summary": "擅自在社会公共区域安装技防系统",
                "situationCode": "s09",
                "decisionNo": "沈公技防警〔2026〕509号",
                "decisionDate": "2026-05-06",
                "issuingUnit": "沈阳市公安局",
            },
        },
    )
    # … and everyone asks everything they can
    for who, client in clients.items():
        for query in SWEEP.values():
            await t.ask(who, client, query, None)
        await t.ask(who, client, PUBLIC, {"u": subject.uscc})

    # then: the public got an acknowledgement number only
    payload = filed["data"]["publicReportFile"]
    assert payload["errors"] == [] and payload["acknowledgementNo"].startswith("JB20260506-")
    # the content and evidence are the handler's only
    node = before_triage["data"]["publicReports"]["edges"][0]["node"]
    assert (node["content"], node["evidence"], node["handledByMe"]) == (None, None, False)
    assert [e["node"]["id"] for e in handlers["data"]["publicReportHandlers"]["edges"]]
    assert triaged["data"]["reportTriage"]["publicReport"]["content"] is None
    mine = handled["data"]["publicReports"]["edges"][0]["node"]
    assert mine["content"] == CONTENT and mine["handledByMe"] is True
    assert base64.b64decode(photo_for_handler["data"]["evidenceFile"]["base64"]) == PHOTO
    assert photo_for_triager["data"]["evidenceFile"] is None
    # the reporter: to the handler, audited without the values; refused to everyone else
    assert revealed["data"]["publicReportReporter"] == {"name": NAME, "contact": CONTACT}
    assert forged["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    codes = {who: b["errors"][0]["extensions"] for who, b in refusals.items()}
    assert codes["public"]["code"] == "UNAUTHENTICATED"
    for who in ("triager", "bystander"):
        assert (codes[who]["code"], codes[who]["reason"]) == ("PERMISSION_DENIED", "NOT_HANDLER")
    assert {codes[w]["code"] for w in ("admin", "officer", "enterprise")} == {"PERMISSION_DENIED"}
    (reveal,) = await AuditEvent.filter(action="public_report.reveal_reporter")
    assert reveal.actor_username == "handler" and reveal.object_id == str(report_id)
    assert not_handler["data"]["reportInvestigationStart"]["errors"][0]["code"] == "NOT_HANDLER"
    record = opened["data"]["reportRecordOpen"]["creditRecord"]
    assert record["status"] == "DRAFT" and f"举报（编号{report_id}）" in record["internalNote"]
    # the filing is not attributed: no account, no address, no request id
    (filing,) = await AuditEvent.filter(action="public_report.file")
    assert (filing.actor_user_id, filing.client_addr, filing.request_id) == (None, "", "")
    # and the identity appears in no other response (the sweep did see the cases) …
    swept = " ".join(text for who, text in t.seen if who == "bystander")
    assert "public_report.reveal_reporter" in swept and "举报（编号" in swept
    leaks = [(who, text) for who, text in t.seen if NAME in text or CONTACT in text]
    assert leaks == []
    # … in no table in plain text …
    found = await _tables_containing(NAME, CONTACT)
    assert found == []
    assert await PublicReport.filter(reporter_name_cipher__isnull=False).count() == 1
    # … and in no log line
    logged = [r for r in caplog.records if NAME in r.getMessage() or CONTACT in r.getMessage()]
    assert logged == [] and NAME not in caplog.text and CONTACT not in caplog.text


async def _tables_containing(*needles: str) -> list[str]:
    conn = connections.get("default")
    found = []
    for model in Tortoise.apps.get_models_iterable():
        table = model._meta.db_table
        for row in await conn.execute_query_dict(f'SELECT * FROM "{table}"'):
            for value in row.values():
                if isinstance(value, bytes | bytearray | memoryview):
                    raw = bytes(value)
                    hit = any(n.encode() in raw for n in needles)
                else:
                    hit = any(n in str(value) for n in needles)
                if hit:
                    found.append(table)
    return found


async def test_public_report_filing_is_rate_limited_per_address(make_client) -> None:
    # given
    subject = await make_subject()
    public = make_client()
    variables = {"u": subject.uscc, "c": CONTENT, "n": "", "t": "", "e": None}

    # when: one more than the hourly allowance
    bodies = [await gql(public, FILE, variables) for _ in range(6)]

    # then
    assert [b["data"]["publicReportFile"]["errors"] for b in bodies[:5]] == [[]] * 5
    (error,) = bodies[5]["data"]["publicReportFile"]["errors"]
    assert error["code"] == "RATE_LIMITED"
    assert bodies[5]["data"]["publicReportFile"]["acknowledgementNo"] is None
    assert await PublicReport.all().count() == 5


async def test_public_report_about_an_unknown_or_malformed_code_is_a_typed_error(
    make_client,
) -> None:
    # given
    public = make_client()
    base = {"c": CONTENT, "n": NAME, "t": CONTACT, "e": None}

    # when
    malformed = await gql(public, FILE, base | {"u": "91110000600037341X"})
    unknown = await gql(public, FILE, base | {"u": "91110000600037341L"})

    # then
    bad, missing = (b["data"]["publicReportFile"]["errors"][0] for b in (malformed, unknown))
    assert (bad["code"], bad["field"]) == ("INVALID", "uscc")
    assert (missing["code"], missing["field"]) == ("NOT_FOUND", "uscc")
    for body in (malformed, unknown):
        text = json.dumps(body, ensure_ascii=False)
        assert NAME not in text and CONTACT not in text
    assert await PublicReport.all().count() == 0
