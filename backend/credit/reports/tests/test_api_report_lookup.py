"""The reporter's lookup (举报受理编号查询): the acknowledgement number and the query code
shown once at filing give the status and the public outcome; a number alone, a wrong
code and an unknown number answer alike; the lookup is rate-limited; nothing internal
(content, notes, handler, reporter, subject) is in the answer."""

from __future__ import annotations

import json
from datetime import date

from credit.casework.testing import freeze_on
from credit.conftest import gql, sign_in
from credit.reports.lookup import QUERY_CODE_LENGTH
from credit.reports.models import PublicReport
from credit.testing import make_subject, make_user

FILE = """mutation($u: String!) {
  publicReportFile(uscc: $u, content: "夜间违规施工安装探头", reporterName: "举报人丙",
    reporterContact: "13800000000") { acknowledgementNo queryCode errors { code message } } }"""
PROGRESS = """query($a: String!, $c: String!) { publicReportProgress(acknowledgementNo: $a,
  queryCode: $c) { acknowledgementNo receivedOn status statusName closedOn outcome
  outcomeName } }"""
TRIAGE = """mutation($id: ID!, $h: ID!) { reportTriage(id: $id, handlerUserId: $h,
  note: "分办意见甲") { errors { code } } }"""
DISMISS = """mutation($id: ID!) { reportDismiss(id: $id, note: "承办人内部意见乙") {
  errors { code } } }"""


async def test_the_reporter_sees_status_and_outcome_with_the_right_code_only(
    make_client,
) -> None:
    # given: a filed report
    freeze_on(date(2026, 5, 6))
    subject = await make_subject()
    public = make_client()
    filed = (await gql(public, FILE, {"u": subject.uscc}))["data"]["publicReportFile"]
    ack, code = filed["acknowledgementNo"], filed["queryCode"]
    row = await PublicReport.get()

    # when: the reporter looks it up, with the code and with wrong ones
    received = await gql(public, PROGRESS, {"a": ack, "c": code})
    lowercase = await gql(public, PROGRESS, {"a": ack.lower(), "c": code.lower()})
    wrong = await gql(public, PROGRESS, {"a": ack, "c": "ABCDEFGHJKMN"})
    unknown = await gql(public, PROGRESS, {"a": "JB20260506-999999", "c": code})
    other_day = await gql(public, PROGRESS, {"a": ack.replace("20260506", "20260505"), "c": code})
    malformed = await gql(public, PROGRESS, {"a": "12", "c": ""})
    # … and after a reviewer dismisses it with an internal note
    await make_user("reviewer", "CITY_REVIEWER")
    staff = make_client()
    await sign_in(staff, "reviewer")
    me = (await gql(staff, "{ publicReportHandlers { edges { node { id } } } }"))["data"]
    handler = me["publicReportHandlers"]["edges"][0]["node"]["id"]
    await gql(staff, TRIAGE, {"id": str(row.id), "h": handler})
    await gql(staff, DISMISS, {"id": str(row.id)})
    closed = await gql(public, PROGRESS, {"a": ack, "c": code})

    # then: the code is shown once, random, and stored only as its digest
    assert filed["errors"] == [] and len(code) == QUERY_CODE_LENGTH
    await row.refresh_from_db()
    assert row.query_code_hash and code not in row.query_code_hash
    # the right code gives the status; every other answer is the same null
    assert received["data"]["publicReportProgress"] == {
        "acknowledgementNo": ack,
        "receivedOn": "2026-05-06",
        "status": "RECEIVED",
        "statusName": "已接收",
        "closedOn": None,
        "outcome": None,
        "outcomeName": None,
    }
    assert lowercase["data"]["publicReportProgress"]["status"] == "RECEIVED"
    for body in (wrong, unknown, other_day, malformed):
        assert body == {"data": {"publicReportProgress": None}}
    # the outcome is public, the handler's notes and everything else are not
    assert closed["data"]["publicReportProgress"]["outcomeName"] == "不予受理"
    assert closed["data"]["publicReportProgress"]["statusName"] == "已办结"
    text = json.dumps(closed, ensure_ascii=False)
    for secret in ("分办意见甲", "承办人内部意见乙", "夜间违规", "举报人丙", "13800000000"):
        assert secret not in text
    assert subject.name not in text and str(subject.uscc) not in text


async def test_the_lookup_is_rate_limited_per_address(
    make_client,
) -> None:
    # given: a client guessing codes
    freeze_on(date(2026, 5, 6))
    public = make_client()

    # when: it asks more often than the limit allows
    from credit.reports.lookup_queries import REPORT_LOOKUPS_PER_MINUTE

    answers = [
        await gql(public, PROGRESS, {"a": "JB20260506-000001", "c": f"GUESS{i:07d}"})
        for i in range(REPORT_LOOKUPS_PER_MINUTE + 1)
    ]

    # then: the last one is refused with a coded error, the others answer null
    assert all(a == {"data": {"publicReportProgress": None}} for a in answers[:-1])
    error = answers[-1]["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED" and "频繁" in error["message"]
