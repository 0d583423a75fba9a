"""SY 第十二条: every listing decision is notified to the enterprise and published to the
public sites (信用沈阳, 沈阳警网) and the municipal platform: the `on_list_change` hook."""

from __future__ import annotations

from datetime import date

from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.filing import list_entries_now
from credit.casework.testing import freeze_on, make_actor, publish, watch_case
from credit.grades.models import Evaluation
from credit.notices.models import Notice
from credit.notices.services import diff_entries, on_list_change
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.policies.facts import SubjectKind
from credit.policies.params import WUGANG_CODE
from credit.records.lifecycle import Action
from credit.records.services import RecordInput, create_record, transition
from credit.subjects.models import Subject
from credit.testing import decision_no, make_place, make_subject


def _entry(kind: str, rule: str, ids: list[int], since: str = "2026-03-02") -> dict[str, object]:
    return {"list": kind, "rule": rule, "since": since, "until": None, "record_ids": ids}


def test_a_threshold_blacklisting_stays_the_same_listing_as_its_cases_change() -> None:
    # given: five cases, then a sixth, then one case revoked
    five = _entry("BLACK", "watch_list_threshold", [1, 2, 3, 4, 5])
    six = _entry("BLACK", "watch_list_threshold", [1, 2, 3, 4, 5, 6], since="2026-03-01")
    watch6 = _entry("WATCH", "watch_list_case", [6])

    # when
    diff = diff_entries([five], [six, watch6])

    # then: only the new watch entry is a change
    assert diff.added == (watch6,) and diff.removed == ()
    assert diff_entries([six, watch6], [watch6]).removed == (six,)


async def _publish_through_the_hook(subject: Subject, data: RecordInput, on: date) -> int:
    """What a publish mutation does: before, transition, after, hook — one transaction."""
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(on)
    record = await create_record(subject, data, None)
    for action in (Action.SUBMIT, Action.VERIFY):
        await transition(record, action, None)
    async with in_transaction() as conn:
        before = await list_entries_now(conn, subject)
        await transition(record, Action.PUBLISH, conn)
        after = (await Evaluation.get(subject_id=subject.id, using_db=conn)).payload
        for _ in range(2):  # announced twice by mistake: written once
            await on_list_change(
                conn,
                reviewer,
                subject,
                before,
                after["list_entries"],
                change_id=f"record:{record.id}:publish",
            )
    return record.id


async def test_article12_watch_listing_is_notified_and_published(db: str) -> None:
    # given
    subject = await make_subject()

    # when
    record_id = await _publish_through_the_hook(
        subject, watch_case(date(2026, 3, 2)), date(2026, 3, 2)
    )

    # then
    (notice,) = await Notice.filter(subject_id=subject.id)
    assert notice.kind == NoticeKind.LISTING and notice.title == "列入“警示目录”告知书"
    assert "第九条" in notice.body and "自2026年3月2日起向社会公布" in notice.body
    assert "自公示之日起30日内" in notice.body and "第十六条" in notice.body
    events = await OutboxEvent.all().order_by("target")
    assert [e.target for e in events] == [
        "credit_shenyang",
        "municipal_platform",
        "shenyang_police_web",
    ]
    payload = events[0].payload
    assert payload["list"] == "WATCH" and payload["records"][0]["id"] == record_id
    assert "internal_note" not in payload["records"][0]


async def test_article12_the_fifth_case_blacklists_and_is_notified(db: str) -> None:
    # given: four cases published earlier
    subject = await make_subject()
    for d in (2, 3, 4, 5):
        await publish(subject, watch_case(date(2026, 3, d)), date(2026, 3, d))

    # when
    await _publish_through_the_hook(subject, watch_case(date(2026, 3, 6)), date(2026, 3, 6))

    # then
    titles = sorted(n.title for n in await Notice.filter(subject_id=subject.id))
    assert titles == ["列入“警示目录”告知书", "列入“黑名单”告知书"]
    black = await Notice.get(title="列入“黑名单”告知书")
    assert "第十一条" in black.body and black.body.count("因服务受到用户投诉") == 5


async def test_article8_red_listing_is_published_but_not_notified(db: str) -> None:
    # given: a passed inspection (第十条)
    subject = await make_subject()
    data = RecordInput(
        type="inspection",
        occurred_on=date(2026, 3, 2),
        summary="年度检查合格",
        inspection_passed=True,
        decision_no=decision_no(),
        decision_date=date(2026, 3, 2),
        issuing_unit="公安局",
    )

    # when
    await _publish_through_the_hook(subject, data, date(2026, 3, 2))

    # then
    assert await Notice.filter(subject_id=subject.id).count() == 0
    events = await OutboxEvent.all()
    assert len(events) == 3 and {e.payload["list"] for e in events} == {"RED"}


async def test_wugang_blacklisting_of_a_person_is_published_masked(db: str) -> None:
    # given: a natural person under the Wugang policy, on a joint-punishment blacklist
    j, d = await make_place(WUGANG_CODE)
    person = await Subject.create(
        kind=SubjectKind.NATURAL_PERSON, name="张小三", jurisdiction_id=j.id, district_id=d.id
    )
    data = RecordInput(
        type="blacklist",
        occurred_on=date(2026, 3, 2),
        summary="被列入失信被执行人名单",
        decision_no="（2026）豫0481执123号",
        decision_date=date(2026, 3, 2),
        issuing_unit="舞钢市人民法院",
    )

    # when
    await _publish_through_the_hook(person, data, date(2026, 3, 2))

    # then
    (notice,) = await Notice.filter(subject_id=person.id)
    assert notice.title == "列入“黑名单”告知书" and "你单位" not in notice.body
    (event,) = await OutboxEvent.all()
    assert event.target == "municipal_platform"
    assert event.payload["subject"]["name"] == "张*三" and event.payload["subject"]["uscc"] is None
