"""Change events of watched subjects: one for each public change, written in the
transaction of the change (or by the sweep for changes made by time alone), carrying only
what the public lookup shows."""

from __future__ import annotations

import json
from datetime import date, timedelta

from credit.casework.testing import freeze_on, wugang_decision
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import current_evaluation, sweep
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord
from credit.records.services import RecordInput, create_published, transition
from credit.testing import make_place, make_subject, make_user
from credit.watches.models import WatchEvent, WatchSnapshot
from credit.watches.queries import events_for_token
from credit.watches.tests.helpers import change, kinds, watch


def _watch_case(day: date, note: str = "", n: int = 7) -> RecordInput:
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary="未履行服务承诺",
        situation_code="s03",
        decision_no=f"沈公技防警〔2026〕{n}号",
        decision_date=day,
        issuing_unit="沈阳市公安局",
        internal_note=note,
    )


async def test_publication_writes_record_published_and_list_entry_added(db: str) -> None:
    # given: a watched subject with nothing public
    s = await make_subject()
    token = await watch(s)
    today = clock.today()
    # when: a record that lists it is published (with an internal note about an informant)
    await change(lambda c: create_published(s, _watch_case(today, "举报人张三"), today, c))
    # then
    events = await events_for_token(token, None, 100)
    assert [e.kind for e in events] == ["RECORD_PUBLISHED", "LIST_ENTRY_ADDED"]
    first, second = events
    assert first.position < second.position and first.event_id != second.event_id
    assert first.uscc == s.uscc and first.effective_date == today
    assert first.before == {"grade": None, "gradeReasons": [], "lists": [], "records": []}
    assert [e["list"] for e in second.after["lists"]] == ["WATCH"]
    assert second.after["records"][0]["decisionNo"] == "沈公技防警〔2026〕7号"
    assert "列入警示目录" in second.reasons[0]["summary"]
    # only public fields: the bureau's note never leaves
    assert "张三" not in json.dumps([e.before for e in events] + [e.after for e in events])


async def test_a_subject_nobody_watches_gets_no_event_and_no_snapshot(db: str) -> None:
    s = await make_subject()
    today = clock.today()
    await change(lambda c: create_published(s, _watch_case(today), today, c))
    assert await WatchEvent.all().count() == 0
    assert await WatchSnapshot.all().count() == 0


async def test_revocation_and_repair_say_why_the_record_left(db: str) -> None:
    a, b = await make_subject(), await make_subject()
    today = clock.today()
    ra = await create_published(a, _watch_case(today), today, None)
    rb = await create_published(b, _watch_case(today, n=8), today, None)
    await watch(a)
    await watch(b)
    await change(lambda c: transition(ra, Action.REVOKE, c, reason="经核实撤销"))
    await change(lambda c: transition(rb, Action.REPAIR, c, reason="信用修复"))
    assert await kinds(a) == ["RECORD_REVOKED", "LIST_ENTRY_ENDED"]
    assert await kinds(b) == ["RECORD_REPAIRED", "LIST_ENTRY_ENDED"]


async def test_expiry_found_by_the_sweep_at_a_later_clock(db: str) -> None:
    # given: a watched subject whose one-year watch-list window ends tomorrow
    s = await make_subject()
    published = clock.today() - timedelta(days=364)
    await create_published(s, _watch_case(published), published, None)
    await watch(s)
    stored = await Evaluation.get(subject_id=s.id)
    ends = stored.next_change_at
    assert ends is not None
    # when: time passes and only the sweep runs
    clock.freeze(ends + timedelta(days=2))
    await sweep()
    # then: both changes, dated the day they took effect, not the day they were found
    events = await WatchEvent.filter(subject_id=s.id).order_by("position")
    assert sorted(e.kind for e in events) == ["LIST_ENTRY_ENDED", "RECORD_PUBLIC_WINDOW_ENDED"]
    assert {e.effective_date for e in events} == {ends.astimezone(clock.TZ).date()}
    assert events[0].after["lists"] == [] and events[0].after["records"] == []
    # a second sweep finds nothing new
    await sweep()
    assert await WatchEvent.filter(subject_id=s.id).count() == 2


async def test_expiry_recomputed_by_a_read_is_recorded_once(db: str) -> None:
    s = await make_subject()
    published = clock.today() - timedelta(days=364)
    await create_published(s, _watch_case(published), published, None)
    await watch(s)
    ends = (await Evaluation.get(subject_id=s.id)).next_change_at
    assert ends is not None
    clock.freeze(ends + timedelta(seconds=1))
    await current_evaluation(s)  # a public lookup recomputes first
    await sweep()
    assert sorted(await kinds(s)) == ["LIST_ENTRY_ENDED", "RECORD_PUBLIC_WINDOW_ENDED"]


async def test_sweep_catches_up_a_change_no_transaction_recorded(db: str) -> None:
    s = await make_subject()
    await watch(s)
    today = clock.today()
    await create_published(s, _watch_case(today), today, None)  # outside any recording
    assert await kinds(s) == []
    clock.freeze(clock.now() + timedelta(minutes=1))
    await sweep()
    assert await kinds(s) == ["RECORD_PUBLISHED", "LIST_ENTRY_ADDED"]


async def test_grade_change(db: str) -> None:
    # given: a Wugang subject, watched while it has no record
    day = date(2026, 3, 2)
    freeze_on(day, 9)
    s = await make_subject("舞钢某娱乐有限公司", policy_code="wugang-2021")
    await change(lambda c: current_evaluation(s))
    await watch(s)
    before = (await WatchSnapshot.get(subject_id=s.id)).snapshot["grade"]
    # when: a warning is published
    freeze_on(day, 13)
    await change(lambda c: create_published(s, wugang_decision(day), day, c))
    # then
    [event] = await WatchEvent.filter(subject_id=s.id, kind="GRADE_CHANGED")
    assert event.before["grade"] == before and event.after["grade"] == "B"
    assert event.reasons[0]["summary"].startswith("信用等级由")
    assert len(event.reasons) > 1  # the grade's own reasons follow


async def test_order_per_subject_and_positions_only_grow(db: str) -> None:
    s = await make_subject()
    await watch(s)
    today = clock.today()
    r = await change(lambda c: create_published(s, _watch_case(today), today, c))
    await change(lambda c: transition(r, Action.REVOKE, c, reason="撤销"))
    r2 = await change(lambda c: create_published(s, _watch_case(today), today, c))
    await change(lambda c: transition(r2, Action.REPAIR, c, reason="修复"))
    events = await WatchEvent.filter(subject_id=s.id).order_by("id")
    assert [e.position for e in events] == sorted(e.position for e in events)
    assert [e.kind for e in events] == [
        "RECORD_PUBLISHED",
        "LIST_ENTRY_ADDED",
        "RECORD_REVOKED",
        "LIST_ENTRY_ENDED",
        "RECORD_PUBLISHED",
        "LIST_ENTRY_ADDED",
        "RECORD_REPAIRED",
        "LIST_ENTRY_ENDED",
    ]
    # each event's `before` is the previous event's `after`, per transaction
    assert events[2].before == events[1].after


CREATE = """mutation($input: CreditRecordCreateInput!) {
  creditRecordCreate(input: $input) { creditRecord { id } errors { code } } }"""
SUBMIT = """mutation($id: ID!) { creditRecordSubmit(id: $id) { errors { code } } }"""
VERIFY = """mutation($id: ID!) { creditRecordVerify(id: $id) { errors { code } } }"""
PUBLISH = """mutation($id: ID!) { creditRecordPublish(id: $id) { errors { code } } }"""
REVOKE = """mutation($id: ID!) { creditRecordRevoke(id: $id, reason: "经核实撤销") {
  errors { code } } }"""


async def test_the_mutations_record_events_in_their_own_transaction(make_client) -> None:
    _, district = await make_place()
    s = await make_subject()
    await watch(s)
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    await make_user("reviewer", "CITY_REVIEWER")
    officer, reviewer = make_client(), make_client()
    await sign_in(officer, "officer")
    await sign_in(reviewer, "reviewer")
    today = clock.today().isoformat()
    record = {
        "subjectId": str(s.id),
        "type": "watch_list_case",
        "occurredOn": today,
        "summary": "未履行服务承诺",
        "situationCode": "s07",
        "decisionNo": "沈公技防警〔2026〕9号",
        "decisionDate": today,
        "issuingUnit": "沈阳市公安局",
    }
    created = await gql(officer, CREATE, {"input": record})
    rid = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    await gql(officer, SUBMIT, {"id": rid})
    await gql(reviewer, VERIFY, {"id": rid})
    assert await kinds(s) == []  # nothing public yet
    await gql(reviewer, PUBLISH, {"id": rid})
    assert await kinds(s) == ["RECORD_PUBLISHED", "LIST_ENTRY_ADDED"]
    # a refused mutation writes no event (the same record cannot be published twice)
    again = await gql(reviewer, PUBLISH, {"id": rid})
    assert again["data"]["creditRecordPublish"]["errors"][0]["code"] == "INVALID_STATE"
    await gql(reviewer, REVOKE, {"id": rid})
    assert (await CreditRecord.get(id=int(rid))).status == "revoked"
    assert await kinds(s) == [
        "RECORD_PUBLISHED",
        "LIST_ENTRY_ADDED",
        "RECORD_REVOKED",
        "LIST_ENTRY_ENDED",
    ]


async def test_after_the_last_watch_is_removed_no_event_and_a_new_watch_starts_fresh(
    db: str,
) -> None:
    from credit.watches.models import Watch

    s = await make_subject()
    token = await watch(s)
    await Watch.filter(subject_id=s.id).delete()
    today = clock.today()
    await change(lambda c: create_published(s, _watch_case(today), today, c))
    assert await kinds(s) == []
    # watched again later: only what changes from then on
    await watch(s, token)
    r = await CreditRecord.get(subject_id=s.id)
    await change(lambda c: transition(r, Action.REVOKE, c, reason="撤销"))
    assert await kinds(s) == ["RECORD_REVOKED", "LIST_ENTRY_ENDED"]
