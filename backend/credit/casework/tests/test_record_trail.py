"""A record revoked by an upheld objection, or repaired (by an approved application or a
list removal), shows that change in its own trail: its history (record_transition) and
the audit events filed under the record, not only under the objection or application."""

from __future__ import annotations

from datetime import date
from typing import Any

from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.testing import freeze_on, make_actor, watch_case
from credit.conftest import gql, sign_in
from credit.objections.services import accept_objection, file_objection
from credit.records.models import CreditRecord, RecordTransition
from credit.records.services import create_published
from credit.repairs.services import file_repair
from credit.testing import make_subject, make_user

TRAIL = """query($id: String!) { auditEvents(objectType: "credit_record", objectId: $id) {
  edges { node { action actorUsername after } } } }"""
DECIDE = """mutation($id: ID!) { objectionDecide(id: $id, upheld: true, reason: "投诉已撤回") {
  errors { code message } } }"""
APPROVE = """mutation($id: ID!) { repairApprove(id: $id, decisionNo: "沈公技防解〔2026〕9号") {
  errors { code message } } }"""
REMOVE = """mutation($s: ID!) { listEntryRemove(subjectId: $s, list: WATCH, reason: "整改到位") {
  errors { code message } } }"""


async def _reviewer(make_client):
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "reviewer")
    return client


async def _trail(client, record: CreditRecord) -> tuple[list[RecordTransition], list[Any]]:
    history = await RecordTransition.filter(record_id=record.id).order_by("at", "id")
    body = await gql(client, TRAIL, {"id": str(record.id)})
    return history, [e["node"] for e in body["data"]["auditEvents"]["edges"]]


async def test_a_record_revoked_by_an_upheld_objection_shows_it_in_its_own_trail(
    make_client,
) -> None:
    freeze_on(date(2026, 6, 10))
    subject = await make_subject()
    record = await create_published(subject, watch_case(date(2026, 6, 1)), date(2026, 6, 1), None)
    clerk = await make_actor(Role.CITY_REVIEWER)
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, clerk, subject_id=subject.id, record_ids=[record.id], reasons="书面异议"
        )
        await accept_objection(conn, clerk, objection.id)
    reviewer = await _reviewer(make_client)

    body = await gql(reviewer, DECIDE, {"id": str(objection.id)})

    assert body["data"]["objectionDecide"]["errors"] == []
    history, events = await _trail(reviewer, record)
    assert history[-1].to_status == "revoked" and f"异议编号{objection.id}" in history[-1].reason
    (event,) = [e for e in events if e["action"] == "credit_record.revoke"]
    assert event["actorUsername"] == "reviewer"
    assert event["after"]["status"] == "revoked"
    assert event["after"]["cause"] == {"type": "objection", "id": objection.id}


async def test_a_repaired_record_shows_the_repair_in_its_own_trail(make_client) -> None:
    freeze_on(date(2026, 6, 22))
    subject = await make_subject()
    published = date(2026, 5, 4)
    record = await create_published(subject, watch_case(published), published, None)
    clerk = await make_actor(Role.CITY_REVIEWER)
    async with in_transaction() as conn:
        application = await file_repair(
            conn, clerk, subject_id=subject.id, record_ids=[record.id], rectification="已整改"
        )
    reviewer = await _reviewer(make_client)

    body = await gql(reviewer, APPROVE, {"id": str(application.id)})

    assert body["data"]["repairApprove"]["errors"] == []
    history, events = await _trail(reviewer, record)
    assert history[-1].to_status == "repaired" and "沈公技防解〔2026〕9号" in history[-1].reason
    (event,) = [e for e in events if e["action"] == "credit_record.repair"]
    assert event["after"]["cause"] == {"type": "repair_application", "id": application.id}


async def test_records_repaired_by_a_list_removal_show_it_in_their_own_trail(
    make_client,
) -> None:
    freeze_on(date(2026, 6, 22))
    subject = await make_subject()
    records = [
        await create_published(subject, watch_case(date(2026, 5, d)), date(2026, 5, d), None)
        for d in (4, 5)
    ]
    reviewer = await _reviewer(make_client)

    body = await gql(reviewer, REMOVE, {"s": str(subject.id)})

    assert body["data"]["listEntryRemove"]["errors"] == []
    for record in records:
        history, events = await _trail(reviewer, record)
        assert history[-1].to_status == "repaired" and history[-1].reason == "整改到位"
        (event,) = [e for e in events if e["action"] == "credit_record.repair"]
        assert event["after"]["cause"] == {"type": "list_entry_remove", "id": subject.id}
