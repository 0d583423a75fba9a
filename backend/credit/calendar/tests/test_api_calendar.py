"""The working-day calendar through the API: filling a year makes a provisional deadline
final."""

from __future__ import annotations

from datetime import date

from credit.casework.testing import freeze_on, watch_case
from credit.conftest import gql, sign_in
from credit.records.services import create_published
from credit.testing import make_subject, make_user

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
