"""Reminders through the API (舞公 五): the proposal for the grade, the registration (a
written reminder writes its notice), the register for the bureau office, and the push to
the municipal platform through the outbox."""

from __future__ import annotations

from datetime import date, datetime

from credit.accounts.models import Unit, UnitKind, User
from credit.casework.testing import freeze_on, local, wugang_decision
from credit.conftest import gql, sign_in
from credit.policies.params import WUGANG_CODE
from credit.records.services import create_published
from credit.testing import make_place, make_subject, make_user

PROPOSAL = """query($s: ID!) { reminderProposal(subjectId: $s) {
  grade gradeName methods reasons recordIds } }"""
REGISTER = """
mutation($input: ReminderRegisterInput!) {
  reminderRegister(input: $input) {
    reminder { id method methodName grade heldAt officers unitName notice { kind title body } }
    errors { code field message }
  }
}
"""
BOOK = """query($a: Date!, $b: Date!) { reminders(start: $a, end: $b) {
  totalCount edges { node { id subject { name } methodName gradeName content pushedAt } } } }"""
PUSH = """mutation($id: ID!) { reminderPush(id: $id) {
  reminder { pushedAt } errors { code message } } }"""
EVENTS = """{ outboxEvents { totalCount edges { node { kind target status payload } } } }"""
NOTICES = "{ notices { edges { node { kind title body } } } }"
CONTENT = "指出其违反治安管理的失信行为，宣传相关法律法规，督促其诚信守法。"


async def wugang_user(username: str, role: str, **kw: object) -> User:
    """A user of a unit of the Wugang jurisdiction (make_user places users in Shenyang)."""
    j, d = await make_place(WUGANG_CODE)
    district_unit = role in ("DISTRICT_OFFICER", "ENTERPRISE")
    kind = UnitKind.DISTRICT_BUREAU if district_unit else UnitKind.CITY_BUREAU
    unit, _ = await Unit.get_or_create(
        code=f"WG-{kind}",
        defaults={
            "name": "舞钢市公安局",
            "kind": kind,
            "jurisdiction_id": j.id,
            "district_id": d.id if district_unit else None,
        },
    )
    user = await make_user(username, role, **kw)  # type: ignore[arg-type]
    assert isinstance(user, User)
    user.unit_id = unit.id
    await user.save(update_fields=["unit_id"])
    return user


async def test_written_reminder_is_registered_reported_and_pushed(make_client) -> None:
    # given: one warning in the last 12 months → grade B
    subject = await make_subject(name="舞钢某娱乐有限公司", policy_code=WUGANG_CODE)
    await create_published(subject, wugang_decision(date(2026, 3, 2)), date(2026, 3, 2), None)
    freeze_on(date(2026, 3, 20), 16)
    await wugang_user("officer", "DISTRICT_OFFICER")
    await wugang_user("office", "CITY_REVIEWER")
    await make_user("sy-reviewer", "CITY_REVIEWER")
    await make_user("ent", "ENTERPRISE", subject=subject)
    officer, office, elsewhere, enterprise = (make_client() for _ in range(4))
    for client, name in ((officer, "officer"), (office, "office"), (elsewhere, "sy-reviewer")):
        await sign_in(client, name)
    await sign_in(enterprise, "ent")
    written = {
        "subjectId": str(subject.id),
        "method": "WRITTEN_REMINDER",
        "heldAt": "2026-03-20T09:00:00",
        "content": CONTENT,
        "officers": "赵警官、钱警官",
    }

    # when
    proposal = await gql(officer, PROPOSAL, {"s": str(subject.id)})
    refused = await gql(
        officer, REGISTER, {"input": written | {"method": "INTERVIEW", "intervieweeName": "李"}}
    )
    registered = await gql(officer, REGISTER, {"input": written})
    book = await gql(office, BOOK, {"a": "2026-03-01", "b": "2026-03-31"})
    other_book = await gql(elsewhere, BOOK, {"a": "2026-03-01", "b": "2026-03-31"})
    reminder_id = registered["data"]["reminderRegister"]["reminder"]["id"]
    pushed = await gql(office, PUSH, {"id": reminder_id})
    pushed_twice = await gql(office, PUSH, {"id": reminder_id})
    events = await gql(office, EVENTS)
    notices = await gql(enterprise, NOTICES)

    # then
    assert proposal["data"]["reminderProposal"]["grade"] == "B"
    assert proposal["data"]["reminderProposal"]["methods"] == ["ORAL_REMINDER", "WRITTEN_REMINDER"]
    (error,) = refused["data"]["reminderRegister"]["errors"]
    assert (error["code"], error["field"]) == ("INVALID_STATE", "method")
    assert "适用：口头信用提醒、书面信用提醒" in error["message"]
    reminder = registered["data"]["reminderRegister"]["reminder"]
    assert reminder["methodName"] == "书面信用提醒" and reminder["grade"] == "B"
    assert datetime.fromisoformat(reminder["heldAt"]) == local(date(2026, 3, 20), 9)
    assert reminder["notice"]["title"] == "信用提醒书" and CONTENT in reminder["notice"]["body"]
    (row,) = [e["node"] for e in book["data"]["reminders"]["edges"]]
    assert (row["id"], row["gradeName"], row["content"]) == (
        reminder_id,
        "B级（一般失信）",
        CONTENT,
    )
    assert other_book["data"]["reminders"]["totalCount"] == 0
    assert pushed["data"]["reminderPush"]["reminder"]["pushedAt"]
    assert pushed_twice["data"]["reminderPush"]["errors"][0]["code"] == "INVALID_STATE"
    (event,) = [e["node"] for e in events["data"]["outboxEvents"]["edges"]]
    assert (event["kind"], event["target"], event["status"]) == (
        "reminder.registered",
        "municipal_platform",
        "PENDING",
    )
    assert event["payload"]["content"] == CONTENT
    kinds = [e["node"]["kind"] for e in notices["data"]["notices"]["edges"]]
    assert kinds == ["WRITTEN_REMINDER"]
