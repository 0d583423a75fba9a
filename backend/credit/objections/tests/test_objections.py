"""SY 第十四条: objections within 30 days of publication, verified within 15 working days
of acceptance, the result notified in writing; upheld → revoked at once."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from tortoise.transactions import in_transaction

from credit.accounts.actor import Actor
from credit.accounts.models import Role
from credit.calendar.services import fill_calendar_year
from credit.casework.error_codes import CaseError
from credit.casework.evidence import EvidenceInput, list_evidence
from credit.casework.testing import freeze_on, make_actor, publish, watch_case
from credit.grades.models import Evaluation
from credit.lists.models import ListEntry
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.objections.deadlines import list_open_objections
from credit.objections.error_codes import ObjectionErrorCode
from credit.objections.models import Objection
from credit.objections.services import accept_objection, decide_objection, file_objection
from credit.objections.states import ObjectionStatus
from credit.outbox.models import OutboxEvent
from credit.policies.facts import ListKind, RecordStatus
from credit.records.models import CreditRecord
from credit.subjects.models import Subject
from credit.testing import make_subject

PDF = b"%PDF-1.7\n" + b"x" * 100


async def _subject_with_cases(*published: date) -> tuple[Subject, list[CreditRecord], Actor]:
    subject = await make_subject()
    records = [await publish(subject, watch_case(d), d) for d in published]
    enterprise = await make_actor(Role.ENTERPRISE, subject=subject)
    return subject, records, enterprise


async def test_article14_objection_filed_on_day_30_is_accepted(db: str) -> None:
    # given: a watch-list case published on Monday 2026-06-01
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 6, 1))
    freeze_on(date(2026, 7, 1))  # the 30th day after publication, a Wednesday

    # when
    async with in_transaction() as conn:
        objection = await file_objection(
            conn,
            enterprise,
            subject_id=subject.id,
            record_ids=[record.id],
            reasons="该投诉系误投，已由用户书面撤回",
            evidence=[EvidenceInput("撤回说明.pdf", "application/pdf", PDF)],
        )

    # then
    assert objection.status == ObjectionStatus.FILED
    assert objection.published_on == date(2026, 6, 1)
    assert objection.filing_deadline == date(2026, 7, 1)
    (evidence,) = await list_evidence(None, "objection", objection.id)
    assert evidence.sha256 == hashlib.sha256(PDF).hexdigest() and evidence.size == len(PDF)


async def test_article14_objection_filed_on_day_31_is_refused_with_the_deadline(db: str) -> None:
    # given
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 6, 1))
    freeze_on(date(2026, 7, 2))

    # when
    with pytest.raises(CaseError) as refused:
        async with in_transaction() as conn:
            await file_objection(
                conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
            )

    # then
    assert refused.value.code == ObjectionErrorCode.DEADLINE_PASSED
    assert refused.value.message == "异议须自公示之日起30日内提出（截止2026-07-01）"
    assert await Objection.all().count() == 0


async def test_article14_window_ending_on_a_saturday_runs_to_monday(db: str) -> None:
    # given: published on 2026-10-01; day 30 is Saturday 10-31 (民法典 第二百零三条)
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 10, 1))
    freeze_on(date(2026, 11, 3))

    # when
    with pytest.raises(CaseError) as refused:
        async with in_transaction() as conn:
            await file_objection(
                conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
            )
    freeze_on(date(2026, 11, 2))
    async with in_transaction() as conn:
        filed = await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
        )

    # then
    assert "截止2026-11-02" in refused.value.message
    assert filed.filing_deadline == date(2026, 11, 2)


async def test_article14_upheld_objection_revokes_and_reevaluates_in_one_transaction(
    db: str,
) -> None:
    # given: five watch-list cases → blacklisted (第十一条) on 2026-03-06
    days = [date(2026, 3, d) for d in (2, 3, 4, 5, 6)]
    subject, records, enterprise = await _subject_with_cases(*days)
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 3, 20))
    async with in_transaction() as conn:
        objection = await file_objection(
            conn,
            enterprise,
            subject_id=subject.id,
            record_ids=[records[4].id],
            list_kind=ListKind.BLACK,
            reasons="第五起案件所涉工程非我单位承建",
        )
        await accept_objection(conn, reviewer, objection.id)
    assert objection.published_on == date(2026, 3, 6)
    assert await ListEntry.filter(subject_id=subject.id, kind=ListKind.BLACK).exists()

    # when: upheld, and inside the same transaction, before commit
    async with in_transaction() as conn:
        decision = await decide_objection(
            conn, reviewer, objection.id, upheld=True, reason="经现场核查，工程非该单位承建"
        )
        inside_status = (await CreditRecord.get(id=records[4].id, using_db=conn)).status
        inside_eval = await Evaluation.get(subject_id=subject.id, using_db=conn)
        inside_black = (
            await ListEntry.filter(subject_id=subject.id, kind=ListKind.BLACK)
            .using_db(conn)
            .exists()
        )

    # then: revoked, no longer blacklisted, in the same transaction as the decision
    assert inside_status == RecordStatus.REVOKED
    assert records[4].id not in inside_eval.payload["counted_record_ids"]
    assert all(e["list"] != "BLACK" for e in inside_eval.payload["list_entries"])
    assert not inside_black
    assert decision.evaluation is not None and decision.list_change is not None
    assert sorted(e["list"] for e in decision.list_change.removed) == ["BLACK", "WATCH"]
    notice = await Notice.get(id=decision.notice.id)
    assert notice.kind == NoticeKind.OBJECTION_RESULT
    assert "异议成立" in notice.body and "不再列入“黑名单”、“警示目录”" in notice.body
    kinds = sorted(map(str, await OutboxEvent.all().values_list("kind", flat=True)))
    assert kinds == ["list.entry_removed"] * 6 + ["records.withdrawn"] * 3


async def test_article14_a_rolled_back_decision_changes_nothing(db: str) -> None:
    # given
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 3, 2))
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 3, 10))
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
        )
        await accept_objection(conn, reviewer, objection.id)

    # when: the transaction fails after the decision
    with pytest.raises(RuntimeError):
        async with in_transaction() as conn:
            await decide_objection(conn, reviewer, objection.id, upheld=True, reason="成立")
            raise RuntimeError("later step failed")

    # then
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.PUBLISHED
    assert (await Objection.get(id=objection.id)).status == ObjectionStatus.ACCEPTED
    assert await ListEntry.filter(subject_id=subject.id, kind=ListKind.WATCH).exists()
    assert await OutboxEvent.all().count() == 0
    assert not await Notice.filter(kind=NoticeKind.OBJECTION_RESULT).exists()


async def test_article14_rejected_objection_keeps_the_record_and_tells_how_to_appeal(
    db: str,
) -> None:
    # given
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 3, 2))
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 3, 10))
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
        )
        await accept_objection(conn, reviewer, objection.id)

    # when
    async with in_transaction() as conn:
        decision = await decide_objection(
            conn, reviewer, objection.id, upheld=False, reason="投诉经核实属实"
        )

    # then
    assert decision.objection.status == ObjectionStatus.REJECTED
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.PUBLISHED
    assert "异议不成立" in decision.notice.body and "第十六条" in decision.notice.body
    assert await OutboxEvent.all().count() == 0


async def test_article14_open_objections_show_working_days_left(db: str) -> None:
    # given: accepted on Monday 2026-09-28 → due 2026-10-23 across National Day
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 9, 10))
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 9, 25))
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
        )
    freeze_on(date(2026, 9, 28))
    async with in_transaction() as conn:
        await accept_objection(conn, reviewer, objection.id)

    # when
    early = await list_open_objections(today=date(2026, 9, 30))
    soon = await list_open_objections(today=date(2026, 10, 20))
    late = await list_open_objections(today=date(2026, 10, 26))

    # then
    assert early[0].due_on == date(2026, 10, 23) and early[0].working_days_left == 13
    assert not early[0].due_soon and not early[0].overdue
    assert soon[0].working_days_left == 3 and soon[0].due_soon and not soon[0].overdue
    assert late[0].overdue and late[0].working_days_left == -1
    accepted = await Notice.get(kind=NoticeKind.OBJECTION_ACCEPTED)
    assert "2026年10月23日前核实完毕" in accepted.body


async def test_article14_provisional_due_date_is_recomputed_once_2027_is_entered(
    db: str,
) -> None:
    # given: accepted on 2026-12-21, due in a year the package does not know
    subject, (record,), enterprise = await _subject_with_cases(date(2026, 12, 1))
    reviewer = await make_actor(Role.CITY_REVIEWER)
    admin = await make_actor(Role.ADMIN)
    freeze_on(date(2026, 12, 21))
    async with in_transaction() as conn:
        objection = await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[record.id], reasons="理由"
        )
        await accept_objection(conn, reviewer, objection.id)
    guessed = await Objection.get(id=objection.id)
    (listed,) = await list_open_objections()

    # when
    async with in_transaction() as conn:
        await fill_calendar_year(conn, admin, 2027, {date(2027, 1, 1): "元旦"}, {})

    # then
    assert (guessed.due_on, guessed.due_provisional) == (date(2027, 1, 11), True)
    assert listed.provisional and "2027年" in listed.warning
    exact = await Objection.get(id=objection.id)
    assert (exact.due_on, exact.due_provisional, exact.due_warning) == (
        date(2027, 1, 12),
        False,
        "",
    )


async def test_article14_an_enterprise_objects_only_for_itself(db: str) -> None:
    # given
    subject, (record,), _ = await _subject_with_cases(date(2026, 3, 2))
    other = await make_subject(name="另一家技防公司")
    stranger = await make_actor(Role.ENTERPRISE, subject=other)
    freeze_on(date(2026, 3, 10))

    # when
    with pytest.raises(CaseError) as refused:
        async with in_transaction() as conn:
            await file_objection(
                conn, stranger, subject_id=subject.id, record_ids=[record.id], reasons="理由"
            )

    # then
    assert refused.value.code == ObjectionErrorCode.OUT_OF_SCOPE


async def test_article14_one_open_objection_per_record_and_evidence_is_checked(db: str) -> None:
    # given
    subject, (first, second), enterprise = await _subject_with_cases(
        date(2026, 3, 2), date(2026, 3, 3)
    )
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(date(2026, 3, 10))
    async with in_transaction() as conn:
        await file_objection(
            conn, enterprise, subject_id=subject.id, record_ids=[first.id], reasons="理由"
        )
    big = EvidenceInput("扫描件.pdf", "application/pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    fake = EvidenceInput("照片.png", "image/png", b"not a png")

    # when
    refusals = []
    for record, files in ((first, []), (second, [big]), (second, [fake])):
        with pytest.raises(CaseError) as refused:
            async with in_transaction() as conn:
                await file_objection(
                    conn,
                    reviewer,
                    subject_id=subject.id,
                    record_ids=[record.id],
                    reasons="书面申请",
                    evidence=files,
                    received_on=date(2026, 3, 9),
                )
        refusals.append(refused.value)

    # then
    assert refusals[0].code == ObjectionErrorCode.CONFLICT
    assert "超过 10 MB 上限" in refusals[1].message
    assert "内容与类型 image/png 不符" in refusals[2].message
    assert await Objection.all().count() == 1
