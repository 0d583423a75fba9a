"""WG 五: general dishonesty → oral or written reminder; serious → written reminder or
interview (of the principal, manager in charge or directly responsible person; a natural
person in person); each registered and reported to the bureau office."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.error_codes import CaseError
from credit.casework.testing import freeze_on, local, make_actor, publish, wugang_decision
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.policies.facts import SubjectKind
from credit.policies.params import WUGANG_CODE
from credit.reminders.error_codes import ReminderErrorCode
from credit.reminders.services import (
    list_reminders,
    propose_reminder,
    push_reminder,
    register_reminder,
    register_row,
)
from credit.reminders.states import IntervieweeRole, ReminderMethod
from credit.subjects.models import Subject
from credit.testing import make_place, make_subject

CONTENT = "指出其违反治安管理的失信行为，宣传相关法律法规，督促其诚信守法。"


async def _graded(warnings: int, subject: Subject | None = None) -> Subject:
    subject = subject or await make_subject(name="舞钢某娱乐有限公司", policy_code=WUGANG_CODE)
    for n in range(warnings):
        day = date(2026, 3, 2) + timedelta(days=n)
        await publish(subject, wugang_decision(day), day)
    freeze_on(date(2026, 3, 20), 16)
    return subject


async def test_wugang5_grade_b_gets_an_oral_or_written_reminder(db: str) -> None:
    # given: one warning in the last 12 months → B
    subject = await _graded(1)
    officer = await make_actor(Role.DISTRICT_OFFICER, WUGANG_CODE)
    proposal = await propose_reminder(None, subject.id)

    # when
    with pytest.raises(CaseError) as refused:
        async with in_transaction() as conn:
            await register_reminder(
                conn,
                officer,
                subject_id=subject.id,
                method=ReminderMethod.INTERVIEW,
                held_at=local(date(2026, 3, 20), 9),
                content=CONTENT,
                interviewee_name="李经理",
                interviewee_role=IntervieweeRole.PRINCIPAL,
            )
    async with in_transaction() as conn:
        reminder = await register_reminder(
            conn,
            officer,
            subject_id=subject.id,
            method=ReminderMethod.WRITTEN_REMINDER,
            held_at=local(date(2026, 3, 20), 9),
            content=CONTENT,
            officers="赵警官、钱警官",
        )

    # then
    assert proposal.grade == "B"
    assert proposal.methods == (ReminderMethod.ORAL_REMINDER, ReminderMethod.WRITTEN_REMINDER)
    assert refused.value.code == ReminderErrorCode.INVALID_STATE
    assert "B级（一般失信），适用：口头信用提醒、书面信用提醒" in refused.value.message
    notice = await Notice.get(id=reminder.notice_id)
    assert notice.kind == NoticeKind.WRITTEN_REMINDER and notice.title == "信用提醒书"
    assert "信用等级为B级（一般失信）" in notice.body and CONTENT in notice.body


async def test_wugang5_grade_c_interview_is_held_with_a_responsible_person(db: str) -> None:
    # given: three warnings → C
    subject = await _graded(3)
    officer = await make_actor(Role.DISTRICT_OFFICER, WUGANG_CODE)
    held = local(date(2026, 3, 20), 14)

    # when
    refusals = []
    for role, name in ((IntervieweeRole.SELF, "李四"), (IntervieweeRole.PRINCIPAL, "")):
        with pytest.raises(CaseError) as refused:
            async with in_transaction() as conn:
                await register_reminder(
                    conn,
                    officer,
                    subject_id=subject.id,
                    method=ReminderMethod.INTERVIEW,
                    held_at=held,
                    content=CONTENT,
                    interviewee_name=name,
                    interviewee_role=role,
                )
        refusals.append(refused.value.field)
    async with in_transaction() as conn:
        interview = await register_reminder(
            conn,
            officer,
            subject_id=subject.id,
            method=ReminderMethod.INTERVIEW,
            held_at=held,
            content=CONTENT,
            place="舞钢市公安局治安大队",
            interviewee_name="李四",
            interviewee_role=IntervieweeRole.DIRECTLY_RESPONSIBLE,
            interviewee_title="店长",
        )

    # then
    assert refusals == ["intervieweeRole", "intervieweeName"]
    assert interview.grade == "C" and interview.notice_id is None
    assert len(interview.record_ids) == 3
    assert register_row(interview, subject)["被约谈人"] == "李四（直接责任人，店长）"


async def test_wugang5_a_natural_person_is_interviewed_in_person(db: str) -> None:
    # given
    j, d = await make_place(WUGANG_CODE)
    person = await Subject.create(
        kind=SubjectKind.NATURAL_PERSON, name="张小三", jurisdiction_id=j.id, district_id=d.id
    )
    await _graded(3, person)
    officer = await make_actor(Role.DISTRICT_OFFICER, WUGANG_CODE)

    # when
    async with in_transaction() as conn:
        interview = await register_reminder(
            conn,
            officer,
            subject_id=person.id,
            method=ReminderMethod.INTERVIEW,
            held_at=local(date(2026, 3, 20), 10),
            content=CONTENT,
        )

    # then
    assert (interview.interviewee_role, interview.interviewee_name) == (
        IntervieweeRole.SELF,
        "张小三",
    )


async def test_wugang5_no_reminder_without_dishonesty(db: str) -> None:
    # given: an ungraded Wugang subject and a Shenyang enterprise (no grades)
    ungraded = await make_subject(name="舞钢守信公司", policy_code=WUGANG_CODE)
    shenyang = await make_subject()
    officer = await make_actor(Role.CITY_REVIEWER, WUGANG_CODE)

    # when
    proposal = await propose_reminder(None, ungraded.id)
    with pytest.raises(CaseError) as refused:
        async with in_transaction() as conn:
            await register_reminder(
                conn,
                officer,
                subject_id=ungraded.id,
                method=ReminderMethod.ORAL_REMINDER,
                held_at=local(date(2026, 3, 20)),
                content=CONTENT,
            )
    shenyang_proposal = await propose_reminder(None, shenyang.id)

    # then
    assert proposal.methods == () and shenyang_proposal.methods == ()
    assert "未评级，适用：无需提醒或约谈" in refused.value.message


async def test_wugang5_register_by_period_and_push_to_the_municipal_platform(db: str) -> None:
    # given: reminders in March and April
    subject = await _graded(1)
    officer = await make_actor(Role.DISTRICT_OFFICER, WUGANG_CODE)
    office = await make_actor(Role.CITY_REVIEWER, WUGANG_CODE)
    freeze_on(date(2026, 4, 30))
    ids = []
    for day in (date(2026, 3, 20), date(2026, 3, 31), date(2026, 4, 1)):
        async with in_transaction() as conn:
            r = await register_reminder(
                conn,
                officer,
                subject_id=subject.id,
                method=ReminderMethod.ORAL_REMINDER,
                held_at=local(day, 23),
                content=CONTENT,
            )
            ids.append(r.id)

    # when
    march, total = await list_reminders(start=date(2026, 3, 1), end=date(2026, 3, 31))
    async with in_transaction() as conn:
        await push_reminder(conn, office, ids[0])
    with pytest.raises(CaseError) as twice:
        async with in_transaction() as conn:
            await push_reminder(conn, office, ids[0])

    # then: 23:00 local on 3-31 is still March
    assert total == 2 and [r.id for r in march] == ids[:2]
    assert register_row(march[0], subject)["方式"] == "口头信用提醒"
    (event,) = await OutboxEvent.all()
    assert event.target == "municipal_platform" and event.kind == "reminder.registered"
    assert event.payload["held_on"] == "2026-03-20"
    assert twice.value.code == ReminderErrorCode.INVALID_STATE
