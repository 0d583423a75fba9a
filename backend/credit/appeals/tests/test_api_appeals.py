"""Appeals on a decision (第十六条) through the API, and the outbox they feed."""

from __future__ import annotations

from datetime import date

from credit.casework.testing import freeze_on, watch_case
from credit.conftest import gql, sign_in
from credit.outbox.models import OutboxEvent
from credit.outbox.states import OutboxStatus
from credit.records.services import create_published
from credit.testing import make_subject, make_user

APPEAL = """
mutation($d: ID!, $on: Date!) {
  decisionAppealRecord(decisionId: $d, kind: RECONSIDERATION, filedOn: $on,
                       authority: "沈阳市人民政府", caseNo: "沈政复〔2026〕12号") {
    decision { documentNo appeals } revokedRecordIds errors { code field message }
  }
}
"""
OUTCOME = """
mutation($d: ID!, $on: Date!) {
  decisionAppealOutcomeSet(decisionId: $d, index: 0, outcome: REVOKED, decidedOn: $on) {
    decision { appeals } revokedRecordIds errors { code field message }
  }
}
"""
PUBLIC = "query($u: String!) { subject(uscc: $u) { lists { list } } }"
EVENTS = """query($s: [OutboxStatus!]) { outboxEvents(status: $s, first: 100) {
  totalCount edges { node { id kind target targetName status attempts lastError } } } }"""
REQUEUE = """mutation($ids: [ID!]!) { outboxRequeue(ids: $ids) {
  outboxEvents { id status attempts } errors { code field message } } }"""


async def test_appeal_annulling_a_decision_revokes_its_records_and_feeds_the_outbox(
    make_client,
) -> None:
    # given: a watch-list case decided and published on 2026-06-01
    freeze_on(date(2026, 8, 3))
    subject = await make_subject()
    record = await create_published(subject, watch_case(date(2026, 6, 1)), date(2026, 6, 1), None)
    await make_user("reviewer", "CITY_REVIEWER")
    await make_user("ent", "ENTERPRISE", subject=subject)
    reviewer, enterprise, public = make_client(), make_client(), make_client()
    await sign_in(reviewer, "reviewer")
    await sign_in(enterprise, "ent")
    decision_id = str(record.decision_id)

    # when: reconsideration is filed, and the decision is annulled
    filed = await gql(reviewer, APPEAL, {"d": decision_id, "on": "2026-06-20"})
    annulled = await gql(reviewer, OUTCOME, {"d": decision_id, "on": "2026-08-01"})
    after = await gql(public, PUBLIC, {"u": subject.uscc})
    pending = await gql(reviewer, EVENTS, {"s": ["PENDING"]})
    # … one delivery fails for good and the operator requeues it
    failed_event = await OutboxEvent.filter(kind="list.entry_removed").order_by("id").first()
    assert failed_event is not None
    await OutboxEvent.filter(id=failed_event.id).update(
        status=OutboxStatus.FAILED, attempts=10, last_error="HTTP 400: bad"
    )
    failed = await gql(reviewer, EVENTS, {"s": ["FAILED"]})
    requeued = await gql(reviewer, REQUEUE, {"ids": [str(failed_event.id)]})
    again = await gql(reviewer, REQUEUE, {"ids": [str(failed_event.id)]})
    unknown = await gql(reviewer, REQUEUE, {"ids": ["987654"]})
    denied = await gql(enterprise, EVENTS, {"s": None})

    # then
    assert filed["data"]["decisionAppealRecord"]["errors"] == []
    (appeal,) = filed["data"]["decisionAppealRecord"]["decision"]["appeals"]
    assert (appeal["kind"], appeal["outcome"]) == ("reconsideration", "pending")
    assert annulled["data"]["decisionAppealOutcomeSet"]["revokedRecordIds"] == [str(record.id)]
    assert after["data"]["subject"]["lists"] == []
    kinds = {
        (e["node"]["kind"], e["node"]["target"]) for e in pending["data"]["outboxEvents"]["edges"]
    }
    assert ("list.entry_removed", "credit_shenyang") in kinds
    assert ("records.withdrawn", "municipal_platform") in kinds
    (row,) = [e["node"] for e in failed["data"]["outboxEvents"]["edges"]]
    assert (row["status"], row["attempts"], row["lastError"]) == ("FAILED", 10, "HTTP 400: bad")
    assert requeued["data"]["outboxRequeue"]["outboxEvents"] == [
        {"id": str(failed_event.id), "status": "PENDING", "attempts": 0}
    ]
    assert again["data"]["outboxRequeue"]["errors"][0]["code"] == "INVALID_STATE"
    assert unknown["data"]["outboxRequeue"]["errors"][0]["code"] == "NOT_FOUND"
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
