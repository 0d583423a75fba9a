"""The office's tools through the API: appeals on a decision (第十六条) and the outbox they
feed, the working-day calendar that makes provisional deadlines final, and notices within
the caller's scope."""

from __future__ import annotations

from datetime import date

from credit.casework.testing import freeze_on, watch_case
from credit.conftest import gql, sign_in
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.outbox.states import OutboxStatus
from credit.records.services import create_published
from credit.subjects.models import District
from credit.testing import make_place, make_subject, make_user

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
FILE = """mutation($input: ObjectionFileInput!) { objectionFile(input: $input) {
  objection { id } errors { code message } } }"""
ACCEPT = """mutation($id: ID!) { objectionAccept(id: $id) {
  objection { dueOn dueProvisional dueWarning } errors { code message } } }"""
OPEN = "{ openObjections { edges { node { dueOn provisional warning workingDaysLeft } } } }"
DAYS = "query($y: Int!) { calendarDays(year: $y) { date isWorkingDay source note } }"
FILL = """
mutation($y: Int!, $rest: [CalendarNoteInput!]!, $work: [CalendarNoteInput!]!) {
  calendarYearFill(year: $y, restDays: $rest, makeUpDays: $work) {
    calendarDays { date isWorkingDay source note } errors { code field message }
  }
}
"""
SET = """mutation($days: [CalendarDayInput!]!) { calendarDaysSet(days: $days) {
  calendarDays { date isWorkingDay source note } errors { code field message } } }"""
NOTICES = "query($s: ID) { notices(subjectId: $s) { totalCount edges { node { subjectId } } } }"


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


async def test_filling_the_calendar_makes_a_provisional_deadline_final(make_client) -> None:
    # given: an objection accepted on Monday 2026-12-21; its 15 working days reach into
    # 2027, a year the statutory calendar does not know yet
    freeze_on(date(2026, 12, 21))
    subject = await make_subject()
    record = await create_published(subject, watch_case(date(2026, 12, 1)), date(2026, 12, 1), None)
    await make_user("reviewer", "CITY_REVIEWER")
    await make_user("admin", "ADMIN")
    reviewer, admin = make_client(), make_client()
    await sign_in(reviewer, "reviewer")
    await sign_in(admin, "admin")
    paper = {"subjectId": str(subject.id), "recordIds": [str(record.id)], "reasons": "书面异议"}
    filed = await gql(reviewer, FILE, {"input": paper})
    accepted = await gql(
        reviewer, ACCEPT, {"id": filed["data"]["objectionFile"]["objection"]["id"]}
    )
    guessed = await gql(admin, DAYS, {"y": 2027})
    before = await gql(reviewer, OPEN)

    # when: the admin enters 2027 from the State Council notice (1 January a holiday)
    filled = await gql(
        admin, FILL, {"y": 2027, "rest": [{"date": "2027-01-01", "note": "元旦"}], "work": []}
    )
    after = await gql(reviewer, OPEN)
    corrected = await gql(
        admin, SET, {"days": [{"date": "2027-02-06", "isWorkingDay": True, "note": "调休上班"}]}
    )
    denied = await gql(reviewer, DAYS, {"y": 2027})

    # then
    objection = accepted["data"]["objectionAccept"]["objection"]
    assert (objection["dueOn"], objection["dueProvisional"]) == ("2027-01-11", True)
    assert "2027年" in objection["dueWarning"]
    assert {d["source"] for d in guessed["data"]["calendarDays"]} == {"GUESS"}
    (open_before,) = [e["node"] for e in before["data"]["openObjections"]["edges"]]
    assert open_before["provisional"] is True and "暂定" in open_before["warning"]
    days = filled["data"]["calendarYearFill"]["calendarDays"]
    assert len(days) == 365 and {d["source"] for d in days} == {"TABLE"}
    assert days[0] == {
        "date": "2027-01-01",
        "isWorkingDay": False,
        "source": "TABLE",
        "note": "元旦",
    }
    (open_after,) = [e["node"] for e in after["data"]["openObjections"]["edges"]]
    assert (open_after["dueOn"], open_after["provisional"], open_after["warning"]) == (
        "2027-01-12",
        False,
        "",
    )
    assert corrected["data"]["calendarDaysSet"]["calendarDays"] == [
        {"date": "2027-02-06", "isWorkingDay": True, "source": "TABLE", "note": "调休上班"}
    ]
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_notices_are_read_only_within_the_callers_scope(make_client) -> None:
    # given: notices for subjects in two districts (listings write them)
    freeze_on(date(2026, 6, 10))
    j, d1 = await make_place()
    d2 = await District.create(code="sy-d2", name="铁西区", jurisdiction_id=j.id)
    mine = await make_subject("和平区甲公司", district=d1)
    theirs = await make_subject("铁西区乙公司", district=d2)
    for s in (mine, theirs):
        await Notice.create(subject_id=s.id, kind=NoticeKind.LISTING, title="告知书", body="正文")
    await make_user("ent", "ENTERPRISE", subject=mine)
    await make_user("officer", "DISTRICT_OFFICER", district=d2)
    enterprise, officer, public = make_client(), make_client(), make_client()
    await sign_in(enterprise, "ent")
    await sign_in(officer, "officer")

    # when
    own = await gql(enterprise, NOTICES, {"s": None})
    asked_for_other = await gql(enterprise, NOTICES, {"s": str(theirs.id)})
    district = await gql(officer, NOTICES, {"s": None})
    anonymous = await gql(public, NOTICES, {"s": None})

    # then
    assert [e["node"]["subjectId"] for e in own["data"]["notices"]["edges"]] == [str(mine.id)]
    assert asked_for_other["data"]["notices"]["totalCount"] == 0
    assert [e["node"]["subjectId"] for e in district["data"]["notices"]["edges"]] == [
        str(theirs.id)
    ]
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_deliveries_are_scoped_to_the_admins_jurisdiction(make_client) -> None:
    # given one failed event of 沈阳 and one of 舞钢
    from credit.outbox.models import OutboxEvent as Event
    from credit.outbox.services import enqueue

    sy, _ = await make_place()
    wg, _ = await make_place("wugang-2021")
    for j in (sy, wg):
        event = await enqueue(
            None,
            key=f"k{j.id}",
            target="municipal_platform",
            kind="t",
            payload={},
            jurisdiction_id=j.id,
        )
        await Event.filter(id=event.id).update(status="FAILED")
    await make_user("sy.admin", "ADMIN")
    client = make_client()
    await sign_in(client, "sy.admin")
    # when the 沈阳 admin lists and requeues
    listed = await gql(client, "{ outboxEvents(status: [FAILED]) { edges { node { id key } } } }")
    keys = [e["node"]["key"] for e in listed["data"]["outboxEvents"]["edges"]]
    other = await Event.get(jurisdiction_id=wg.id)
    requeue = await gql(
        client,
        "mutation($i: [ID!]!) { outboxRequeue(ids: $i) { errors { code } } }",
        {"i": [str(other.id)]},
    )
    # then only 沈阳's event is visible, and 舞钢's cannot be touched
    assert keys == [f"k{sy.id}"]
    assert requeue["data"]["outboxRequeue"]["errors"] == [{"code": "NOT_FOUND"}]
