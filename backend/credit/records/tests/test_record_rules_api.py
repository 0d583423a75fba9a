"""A record that is not legally complete is refused at create, submit and publish, and by
the import, with the same code on the same field."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.policies.facts import RecordStatus
from credit.records.importer import import_rows
from credit.records.models import CreditRecord, RecordTransition
from credit.records.tests.test_lifecycle_mutations import (
    CREATE,
    PUBLISH,
    STEP,
    VERIFY,
    watch_input,
)
from credit.testing import make_place, make_subject, make_user

INCOMPLETE = {"decisionNo": None, "decisionDate": None, "issuingUnit": ""}


def backwards() -> dict[str, Any]:
    today = clock.today()
    return {
        "occurredOn": today.isoformat(),
        "decisionDate": (today - timedelta(days=3)).isoformat(),
    }


async def _actors(make_client) -> tuple[Any, Any, Any]:
    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, reviewer = make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(reviewer, "reviewer")
    return subject, officer, reviewer


async def test_incomplete_watch_list_case_is_refused_at_create(make_client) -> None:
    # given
    subject, officer, _ = await _actors(make_client)
    # when
    body = await gql(officer, CREATE, {"input": watch_input(subject.id, **INCOMPLETE)})
    # then
    payload = body["data"]["creditRecordCreate"]
    assert payload["creditRecord"] is None
    (error,) = payload["errors"]
    assert error["code"] == "DECISION_REQUIRED" and error["field"] == "decisionNo"
    assert "决定文书号" in error["message"]
    assert await CreditRecord.all().count() == 0
    assert not await AuditEvent.filter(action="credit_record.create").exists()


async def test_decision_before_occurrence_is_refused_at_create(make_client) -> None:
    subject, officer, _ = await _actors(make_client)
    body = await gql(officer, CREATE, {"input": watch_input(subject.id, **backwards())})
    (error,) = body["data"]["creditRecordCreate"]["errors"]
    assert (error["code"], error["field"]) == ("DATE_ORDER", "decisionDate")
    assert "不能早于发生日期" in error["message"]


async def test_a_future_date_is_refused(make_client) -> None:
    subject, officer, _ = await _actors(make_client)
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    body = await gql(officer, CREATE, {"input": watch_input(subject.id, occurredOn=tomorrow)})
    (error,) = body["data"]["creditRecordCreate"]["errors"]
    assert (error["code"], error["field"]) == ("FUTURE_DATE", "occurredOn")


async def _legacy(subject_id: int, status: RecordStatus, **over: Any) -> CreditRecord:
    """A record stored before the rules existed (as the incident's): no decision at all."""
    today = clock.today()
    record = await CreditRecord.create(
        subject_id=subject_id,
        category="hint",
        type="watch_list_case",
        situation_code="s07",
        summary="未履行服务承诺",
        status=status,
        occurred_on=today,
        **over,
    )
    path = [None, RecordStatus.DRAFT, RecordStatus.SUBMITTED, RecordStatus.VERIFIED]
    for before, after in itertools.pairwise(path):
        await RecordTransition.create(
            record_id=record.id, from_status=before, to_status=after, at=clock.now()
        )
        if after == status:
            break
    return record


async def test_incomplete_records_cannot_be_submitted_or_published(make_client) -> None:
    # given a draft and a verified record stored without their decision (legacy data)
    subject, officer, reviewer = await _actors(make_client)
    draft = await _legacy(subject.id, RecordStatus.DRAFT)
    verified = await _legacy(subject.id, RecordStatus.VERIFIED)
    # when
    submitted = await gql(officer, STEP, {"id": str(draft.id)})
    published = await gql(reviewer, PUBLISH, {"id": str(verified.id)})
    # then both are refused with the rule's code, and nothing moved
    (s_error,) = submitted["data"]["submit"]["errors"]
    (p_error,) = published["data"]["creditRecordPublish"]["errors"]
    assert s_error["code"] == p_error["code"] == "DECISION_REQUIRED"
    await draft.refresh_from_db()
    await verified.refresh_from_db()
    assert (draft.status, verified.status) == (RecordStatus.DRAFT, RecordStatus.VERIFIED)


async def test_decision_before_occurrence_cannot_be_submitted_or_published(make_client) -> None:
    subject, officer, reviewer = await _actors(make_client)
    today = clock.today()
    wrong = {
        "decision_no": "沈公技防警〔2026〕77号",
        "decision_date": today - timedelta(days=5),
        "issuing_unit": "沈阳市公安局",
    }
    draft = await _legacy(subject.id, RecordStatus.DRAFT, **wrong)
    verified = await _legacy(subject.id, RecordStatus.VERIFIED, **wrong)
    submitted = await gql(officer, STEP, {"id": str(draft.id)})
    published = await gql(reviewer, PUBLISH, {"id": str(verified.id)})
    assert submitted["data"]["submit"]["errors"][0]["code"] == "DATE_ORDER"
    assert published["data"]["creditRecordPublish"]["errors"][0]["code"] == "DATE_ORDER"
    verify = await gql(reviewer, VERIFY, {"id": str(draft.id)})
    assert verify["data"]["creditRecordVerify"]["errors"][0]["code"] == "INVALID_STATE"


async def test_the_import_refuses_them_with_the_same_codes(db: str) -> None:
    # given the places of the import tests
    from credit.records.tests.test_importer import make_places, subject_row, watch_row

    await make_places()
    watch = watch_row(1, 1, days=10)
    no_decision = {
        "kind": "record",
        "external_key": "SY-WL-1",
        "uscc": watch["uscc"],
        "type": "watch_list_case",
        "situation_code": "s06",
        "occurred_on": watch["decided_on"],
        "summary": "工程质量检测不合格",
        "published_on": watch["published_on"],
        "provider_unit": watch["provider_unit"],
    }
    before = watch_row(1, 2, days=10)
    before["occurred_on"] = watch["published_on"]
    # when
    report = await import_rows([subject_row(1), no_decision, before])
    # then
    codes = {(e.line, e.field, e.code) for e in report.errors}
    assert codes == {(2, "document_no", "DECISION_REQUIRED"), (3, "decided_on", "DATE_ORDER")}
    assert await CreditRecord.all().count() == 0
