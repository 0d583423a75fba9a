"""The record lifecycle through the API: officer enters and submits, reviewer verifies and
publishes, the public sees it at once; wrong states and scopes are typed errors."""

from __future__ import annotations

from typing import Any

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.core.orm import flat
from credit.records.models import CreditRecord
from credit.testing import make_place, make_subject, make_user

CREATE = """
mutation Create($input: CreditRecordCreateInput!) {
  creditRecordCreate(input: $input) {
    creditRecord { id status type situationCode }
    errors { field message code }
  }
}
"""
STEP = """
mutation Step($id: ID!) {
  submit: creditRecordSubmit(id: $id) { creditRecord { status } errors { code message } }
}
"""
VERIFY = """mutation($id: ID!) {
  creditRecordVerify(id: $id) { creditRecord { status } errors { code message } } }"""
PUBLISH = """mutation($id: ID!) {
  creditRecordPublish(id: $id) { creditRecord { status } errors { code message } } }"""
PUBLIC = "query($u: String!) { subject(uscc: $u) { lists { list } records { totalCount } } }"


def watch_input(subject_id: int, **over: Any) -> dict[str, Any]:
    today = clock.today().isoformat()
    return {
        "subjectId": str(subject_id),
        "type": "watch_list_case",
        "occurredOn": today,
        "summary": "未履行服务承诺",
        "situationCode": "s07",
        "decisionNo": "沈公技防警〔2026〕9号",
        "decisionDate": today,
        "issuingUnit": "沈阳市公安局",
        **over,
    }


async def test_officer_enters_reviewer_publishes_public_sees_at_once(make_client) -> None:
    # given
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(reviewer, "reviewer")
    before = await gql(public, PUBLIC, {"u": subject.uscc})
    # when
    created = await gql(officer, CREATE, {"input": watch_input(subject.id)})
    record_id = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    submitted = await gql(officer, STEP, {"id": record_id})
    verified = await gql(reviewer, VERIFY, {"id": record_id})
    published = await gql(reviewer, PUBLISH, {"id": record_id})
    after = await gql(public, PUBLIC, {"u": subject.uscc})
    # then
    assert before["data"]["subject"]["lists"] == []
    assert submitted["data"]["submit"]["creditRecord"]["status"] == "SUBMITTED"
    assert verified["data"]["creditRecordVerify"]["errors"] == []
    assert published["data"]["creditRecordPublish"]["errors"] == []
    assert after["data"]["subject"]["lists"] == [{"list": "WATCH"}]
    assert after["data"]["subject"]["records"]["totalCount"] == 1
    actions = [e.action for e in await AuditEvent.all().order_by("id")]
    assert actions[-4:] == [
        "credit_record.create",
        "credit_record.submit",
        "credit_record.verify",
        "credit_record.publish",
    ]


async def test_validation_error_names_the_field_and_writes_nothing(make_client) -> None:
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    officer = make_client()
    await sign_in(officer, "officer")
    body = await gql(officer, CREATE, {"input": watch_input(subject.id, situationCode="s99")})
    payload = body["data"]["creditRecordCreate"]
    assert payload["creditRecord"] is None
    assert payload["errors"][0]["field"] == "situationCode"
    assert payload["errors"][0]["code"] == "INVALID"
    assert await CreditRecord.all().count() == 0
    assert not await AuditEvent.filter(action="credit_record.create").exists()


async def test_wrong_state_is_invalid_state(make_client) -> None:
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, reviewer = make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(reviewer, "reviewer")
    created = await gql(officer, CREATE, {"input": watch_input(subject.id)})
    record_id = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    # a draft cannot be published
    body = await gql(reviewer, PUBLISH, {"id": record_id})
    (error,) = body["data"]["creditRecordPublish"]["errors"]
    assert error["code"] == "INVALID_STATE"
    assert "草稿" in error["message"]


async def test_mutation_without_csrf_header_is_refused(make_client) -> None:
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    officer = make_client()
    await sign_in(officer, "officer")
    del officer.headers["x-csrf-token"]
    body = await gql(officer, CREATE, {"input": watch_input(subject.id)})
    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    assert await CreditRecord.all().count() == 0


async def test_publishing_a_listing_writes_a_notice_and_publication_events(make_client) -> None:
    # given a verified watch-list record
    from credit.notices.models import Notice
    from credit.outbox.models import OutboxEvent

    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, reviewer = make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(reviewer, "reviewer")
    created = await gql(officer, CREATE, {"input": watch_input(subject.id)})
    record_id = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    await gql(officer, STEP, {"id": record_id})
    await gql(reviewer, VERIFY, {"id": record_id})
    assert not await Notice.exists() and not await OutboxEvent.exists()
    # when it is published
    await gql(reviewer, PUBLISH, {"id": record_id})
    # then the enterprise gets a listing notice and the public sites get events (第十二条)
    notice = await Notice.get(subject_id=subject.id)
    assert notice.kind == "LISTING" and subject.name in notice.body
    targets = sorted(await flat(OutboxEvent.all().values_list("target", flat=True)))
    assert targets == ["credit_shenyang", "municipal_platform", "shenyang_police_web"]
