"""The correction loop through the API: a rejected record is reopened, fixed and
resubmitted with its history kept; a draft is edited by its unit and deleted by its
author only; the officer sees returned records and the reviewer the warnings."""

from __future__ import annotations

from typing import Any

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core.orm import flat
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord, Decision, RecordTransition
from credit.records.tests.test_lifecycle_mutations import CREATE, STEP, VERIFY, watch_input
from credit.subjects.models import District
from credit.testing import make_place, make_subject, make_user

REJECT = """mutation($id: ID!, $r: String!) {
  creditRecordReject(id: $id, reason: $r) { creditRecord { status } errors { code } } }"""
REOPEN = """mutation($id: ID!) {
  creditRecordReopen(id: $id) { creditRecord { status returnReason } errors { code message } } }"""
UPDATE = """mutation($id: ID!, $i: RecordFieldsInput!) {
  creditRecordUpdate(id: $id, input: $i) {
    creditRecord { id status decisionNo decision { documentNo } }
    errors { field code message } } }"""
DELETE = """mutation($id: ID!) {
  creditRecordDelete(id: $id) { creditRecord { status } errors { code message } } }"""
RETURNED = """{ dashboard { returnedRecords }
  creditRecords(status: [REJECTED]) { totalCount edges { node { id returnReason } } } }"""


def fields(subject_id: int, **over: Any) -> dict[str, Any]:
    data = watch_input(subject_id, **over)
    del data["subjectId"]
    return data


async def _setup(make_client) -> tuple[Any, Any, Any, Any]:
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("colleague", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, colleague, reviewer = make_client(), make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(colleague, "colleague")
    await sign_in(reviewer, "reviewer")
    return subject, officer, colleague, reviewer


async def _create(client: Any, subject_id: int, **over: Any) -> str:
    body = await gql(client, CREATE, {"input": watch_input(subject_id, **over)})
    payload = body["data"]["creditRecordCreate"]
    assert payload["errors"] == [], payload
    return str(payload["creditRecord"]["id"])


async def test_rejected_record_is_reopened_fixed_and_resubmitted(make_client) -> None:
    # given a submitted record the reviewer returns with a reason
    subject, officer, _, reviewer = await _setup(make_client)
    rid = await _create(officer, subject.id)
    await gql(officer, STEP, {"id": rid})
    await gql(reviewer, REJECT, {"id": rid, "r": "文书号有误，请核对"})
    # when the officer looks at the dashboard and the list of returned records
    seen = await gql(officer, RETURNED)
    # then the count and the reason are there
    assert seen["data"]["dashboard"]["returnedRecords"] == 1
    assert seen["data"]["creditRecords"]["edges"][0]["node"] == {
        "id": rid,
        "returnReason": "文书号有误，请核对",
    }
    # when the officer reopens, fixes the decision number and resubmits
    reopened = await gql(officer, REOPEN, {"id": rid})
    corrected = fields(subject.id, decisionNo="沈公技防警〔2026〕10号")
    fixed = await gql(officer, UPDATE, {"id": rid, "i": corrected})
    resubmitted = await gql(officer, STEP, {"id": rid})
    # then
    assert reopened["data"]["creditRecordReopen"]["creditRecord"] == {
        "status": "DRAFT",
        "returnReason": "文书号有误，请核对",
    }
    record = fixed["data"]["creditRecordUpdate"]["creditRecord"]
    assert record["decisionNo"] == record["decision"]["documentNo"] == "沈公技防警〔2026〕10号"
    assert resubmitted["data"]["submit"]["creditRecord"]["status"] == "SUBMITTED"
    steps = [
        (t.from_status, t.to_status, t.reason)
        for t in await RecordTransition.filter(record_id=int(rid)).order_by("at", "id")
    ]
    assert steps == [
        (None, "draft", ""),
        ("draft", "submitted", ""),
        ("submitted", "rejected", "文书号有误，请核对"),
        ("rejected", "draft", ""),
        ("draft", "submitted", ""),
    ]
    # the old number's decision, owned by the draft alone, was rewritten, not left behind
    assert await flat(Decision.all().values_list("document_no", flat=True)) == [
        "沈公技防警〔2026〕10号"
    ]
    actions = await flat(AuditEvent.filter(object_id=rid).values_list("action", flat=True))
    assert "credit_record.reopen" in actions and "credit_record.update" in actions


async def test_resubmitting_a_rejected_record_without_reopening_is_refused(make_client) -> None:
    subject, officer, _, reviewer = await _setup(make_client)
    rid = await _create(officer, subject.id)
    await gql(officer, STEP, {"id": rid})
    await gql(reviewer, REJECT, {"id": rid, "r": "缺少证据"})
    update = await gql(officer, UPDATE, {"id": rid, "i": fields(subject.id)})
    (error,) = update["data"]["creditRecordUpdate"]["errors"]
    assert error["code"] == "INVALID_STATE" and "重新编辑" in error["message"]


async def test_an_edit_meets_the_same_rules_and_writes_nothing_when_refused(make_client) -> None:
    subject, officer, _, _ = await _setup(make_client)
    rid = await _create(officer, subject.id)
    body = await gql(officer, UPDATE, {"id": rid, "i": fields(subject.id, issuingUnit="")})
    (error,) = body["data"]["creditRecordUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("issuingUnit", "DECISION_REQUIRED")
    record = await CreditRecord.get(id=int(rid))
    assert record.issuing_unit == "沈阳市公安局"


async def test_a_colleague_in_scope_may_edit_but_only_the_author_deletes(make_client) -> None:
    # given a draft of the officer
    subject, officer, colleague, _ = await _setup(make_client)
    rid = await _create(officer, subject.id)
    # when a colleague of the same district edits it, then tries to delete it
    edited = await gql(colleague, UPDATE, {"id": rid, "i": fields(subject.id, summary="补充说明")})
    refused = await gql(colleague, DELETE, {"id": rid})
    # then the edit is kept and the deletion refused
    assert edited["data"]["creditRecordUpdate"]["errors"] == []
    (error,) = refused["data"]["creditRecordDelete"]["errors"]
    assert error["code"] == "OUT_OF_SCOPE"
    # when the author deletes it
    deleted = await gql(officer, DELETE, {"id": rid})
    # then it is gone from the lists but its history and audit trail remain
    assert deleted["data"]["creditRecordDelete"]["creditRecord"]["status"] == "DELETED"
    listed = await gql(officer, "{ creditRecords { totalCount } }")
    assert listed["data"]["creditRecords"]["totalCount"] == 0
    last = await RecordTransition.filter(record_id=int(rid)).order_by("-id").first()
    assert last is not None and last.to_status == RecordStatus.DELETED
    assert await AuditEvent.filter(action="credit_record.delete", object_id=rid).exists()


async def test_only_drafts_are_deleted(make_client) -> None:
    subject, officer, _, _ = await _setup(make_client)
    rid = await _create(officer, subject.id)
    await gql(officer, STEP, {"id": rid})
    body = await gql(officer, DELETE, {"id": rid})
    assert body["data"]["creditRecordDelete"]["errors"][0]["code"] == "INVALID_STATE"


async def test_another_district_cannot_touch_the_draft(make_client) -> None:
    subject, officer, _, _ = await _setup(make_client)
    rid = await _create(officer, subject.id)
    jurisdiction, _ = await make_place()
    other = await District.create(code="sy-d2", name="沈河区", jurisdiction_id=jurisdiction.id)
    await make_user("stranger", "DISTRICT_OFFICER", district=other)
    stranger = make_client()
    await sign_in(stranger, "stranger")
    body = await gql(stranger, UPDATE, {"id": rid, "i": fields(subject.id, summary="x")})
    assert body["data"]["creditRecordUpdate"]["errors"][0]["code"] == "NOT_FOUND"


async def test_reviewer_sees_a_reused_decision_number(make_client) -> None:
    # given two records of the subject under one decision number
    subject, officer, _, reviewer = await _setup(make_client)
    first = await _create(officer, subject.id)
    second = await _create(officer, subject.id, situationCode="s08")
    for rid in (first, second):
        await gql(officer, STEP, {"id": rid})
    # when the reviewer opens the queue
    body = await gql(
        reviewer,
        "{ reviewQueue { edges { node { id reviewWarnings { code message } } } } }",
    )
    # then each card warns, in Chinese
    nodes = body["data"]["reviewQueue"]["edges"]
    assert len(nodes) == 2
    for node in nodes:
        (warning,) = node["node"]["reviewWarnings"]
        assert warning["code"] == "DUPLICATE_DECISION_NO"
        assert "另有 1 条" in warning["message"]
    verified = await gql(reviewer, VERIFY, {"id": first})
    assert verified["data"]["creditRecordVerify"]["errors"] == []


async def test_one_record_is_read_inside_the_scope_only(make_client) -> None:
    subject, officer, _, _ = await _setup(make_client)
    rid = await _create(officer, subject.id)
    jurisdiction, _ = await make_place()
    other = await District.create(code="sy-d3", name="大东区", jurisdiction_id=jurisdiction.id)
    await make_user("outsider", "DISTRICT_OFFICER", district=other)
    outsider = make_client()
    await sign_in(outsider, "outsider")
    query = "query($id: ID!) { creditRecord(id: $id) { id summary } }"
    mine = await gql(officer, query, {"id": rid})
    theirs = await gql(outsider, query, {"id": rid})
    assert mine["data"]["creditRecord"]["id"] == rid
    assert theirs["data"]["creditRecord"] is None
