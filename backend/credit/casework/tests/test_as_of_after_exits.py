"""Revoked and repaired records never come back through `asOf` (issue 11 item 4): the
public `subject(uscc:, asOf:)`, the PDF report `/reports/<uscc>.pdf?asOf=` and its
verification all apply today's revocations and repairs to a date before them."""

from __future__ import annotations

from datetime import date

import httpx
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.testing import freeze_on, make_actor, publish, watch_case
from credit.conftest import gql, sign_in
from credit.core import dataversion
from credit.creditreport.tests.test_report import VERIFY, flat, pdf_text
from credit.objections.tests.test_api_objections import ACCEPT, DECIDE, FILE, file_input
from credit.records.models import CreditRecord
from credit.repairs.services import approve_repair, file_repair
from credit.subjects.models import Subject
from credit.testing import make_subject, make_user

PUBLISHED = date(2026, 6, 1)
BEFORE_EXIT = date(2026, 6, 5)  # the case was public and listed on that day
PUBLIC = """query($u: String!, $d: Date) { subject(uscc: $u, asOf: $d) {
  asOf lists { list recordIds } measures { code } reasons { summary }
  records { totalCount edges { node { id summary decisionNo } } } } }"""


async def _public_case() -> tuple[Subject, CreditRecord]:
    subject = await make_subject()
    record = await publish(subject, watch_case(PUBLISHED), PUBLISHED)
    freeze_on(date(2026, 6, 10))
    return subject, record


async def _as_of(client: httpx.AsyncClient, subject: Subject) -> dict:
    body = await gql(client, PUBLIC, {"u": subject.uscc, "d": BEFORE_EXIT.isoformat()})
    assert "errors" not in body, body
    return body["data"]["subject"]


async def _pdf(client: httpx.AsyncClient, subject: Subject) -> tuple[str, str]:
    response = await client.get(
        f"/reports/{subject.uscc}.pdf", params={"asOf": BEFORE_EXIT.isoformat()}
    )
    assert response.status_code == 200, response.text
    return flat(pdf_text(response.content)), response.headers["x-verification-code"]


async def _verifies(client: httpx.AsyncClient, subject: Subject, code: str) -> bool:
    body = await gql(
        client, VERIFY, {"uscc": subject.uscc, "asOf": BEFORE_EXIT.isoformat(), "code": code}
    )
    return bool(body["data"]["verifyCreditReport"]["valid"])


async def test_a_record_revoked_by_an_upheld_objection_is_gone_from_as_of_and_the_pdf(
    make_client,
) -> None:
    # given: a watch-list case public on BEFORE_EXIT, seen as of that date (and cached)
    subject, record = await _public_case()
    await make_user("ent", "ENTERPRISE", subject=subject)
    await make_user("reviewer", "CITY_REVIEWER")
    enterprise, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(enterprise, "ent")
    await sign_in(reviewer, "reviewer")
    before = await _as_of(public, subject)
    before_text, old_code = await _pdf(public, subject)
    assert [e["list"] for e in before["lists"]] == ["WATCH"]  # the test can fail
    assert before["records"]["totalCount"] == 1 and record.summary[:8] in before_text
    assert await _verifies(public, subject, old_code)

    # when: the enterprise objects and the reviewer upholds it (the record is revoked)
    filed = await gql(enterprise, FILE, {"input": file_input(subject, record)})
    objection_id = filed["data"]["objectionFile"]["objection"]["id"]
    await gql(reviewer, ACCEPT, {"id": objection_id})
    decided = await gql(
        reviewer, DECIDE, {"id": objection_id, "upheld": True, "reason": "投诉已由投诉人撤回"}
    )
    assert decided["data"]["objectionDecide"]["errors"] == []

    # then: as of the date before the revocation, neither the record nor its listing
    after = await _as_of(public, subject)
    assert after["asOf"] == BEFORE_EXIT.isoformat()
    assert after["lists"] == [] and after["measures"] == []
    assert after["records"] == {"totalCount": 0, "edges": []}
    assert str(record.id) not in str(after) and record.summary not in str(after)
    text, new_code = await _pdf(public, subject)
    assert record.summary[:8] not in text
    assert (record.decision_no or "") not in text
    assert "不在红名单、警示目录或黑名单中" in text
    # the report issued before the revocation no longer verifies: it shows a revoked record
    assert new_code != old_code
    assert not await _verifies(public, subject, old_code)
    assert await _verifies(public, subject, new_code)


async def test_a_repaired_record_is_gone_from_as_of_and_the_pdf(
    app_client: httpx.AsyncClient,
) -> None:
    # given: the case public on BEFORE_EXIT, then repaired (SY 第十五条) on 2026-06-10
    subject, record = await _public_case()
    before = await _as_of(app_client, subject)
    assert before["records"]["totalCount"] == 1
    enterprise = await make_actor(Role.ENTERPRISE, subject=subject)
    reviewer = await make_actor(Role.CITY_REVIEWER)
    async with in_transaction() as conn:
        application = await file_repair(
            conn,
            enterprise,
            subject_id=subject.id,
            record_ids=[record.id],
            rectification="已对投诉用户系统全部返修并通过验收",
        )
        await approve_repair(
            conn, reviewer, application.id, decision_no="沈公技防解〔2026〕9号", reason="整改到位"
        )
        await dataversion.bump(conn)  # as the repair mutation does in its transaction

    # when
    after = await _as_of(app_client, subject)
    text, _ = await _pdf(app_client, subject)

    # then
    assert after["lists"] == [] and after["records"]["totalCount"] == 0
    assert record.summary not in str(after)
    assert record.summary[:8] not in text
