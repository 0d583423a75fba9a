"""SY 第十五条 (removal after verified rectification and no valid complaint during
publication), WG 五 and NDRC Order No. 36 (repair only after the minimum period)."""

from __future__ import annotations

from datetime import date

import pytest
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.casework.error_codes import CaseError
from credit.casework.testing import freeze_on, make_actor, publish, watch_case, wugang_decision
from credit.grades.models import Evaluation
from credit.lists.models import ListEntry
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.policies.facts import GradeLevel, ListKind, RecordStatus
from credit.policies.params import WUGANG_CODE
from credit.records.models import CreditRecord
from credit.repairs.error_codes import RepairErrorCode
from credit.repairs.services import approve_repair, file_repair
from credit.repairs.states import RepairStatus
from credit.reports.services import close_report, start_investigation, submit_report, triage_report
from credit.subjects.models import Subject
from credit.testing import make_subject


async def _report(subject: Subject, on: date, *, outcome: bool | None) -> None:
    """A public report received on `on`: closed with `outcome`, or left open (None)."""
    reviewer = await make_actor(Role.CITY_REVIEWER)
    freeze_on(on)
    async with in_transaction() as conn:
        report = await submit_report(
            conn, reviewer, subject_id=subject.id, content="该公司安装的监控长期无法使用"
        )
        await triage_report(conn, reviewer, report.id, handler_user_id=reviewer.user_id or 0)
        await start_investigation(conn, reviewer, report.id)
        if outcome is not None:
            await close_report(conn, reviewer, report.id, substantiated=outcome, note="核查结论")


async def _apply(subject: Subject, record: CreditRecord, on: date) -> int:
    enterprise = await make_actor(Role.ENTERPRISE, subject=subject)
    freeze_on(on)
    async with in_transaction() as conn:
        application = await file_repair(
            conn,
            enterprise,
            subject_id=subject.id,
            record_ids=[record.id],
            list_kind=ListKind.WATCH,
            rectification="已对投诉用户系统全部返修并通过验收",
        )
    return application.id


async def test_article15_repair_blocked_by_a_substantiated_report_during_publication(
    db: str,
) -> None:
    # given: a watch-list case published on 2026-03-02, a substantiated report on 04-10
    subject = await make_subject()
    record = await publish(subject, watch_case(date(2026, 3, 2)), date(2026, 3, 2))
    await _report(subject, date(2026, 4, 10), outcome=True)
    application_id = await _apply(subject, record, date(2026, 5, 1))
    reviewer = await make_actor(Role.CITY_REVIEWER)

    # when
    with pytest.raises(CaseError) as blocked:
        async with in_transaction() as conn:
            await approve_repair(
                conn, reviewer, application_id, decision_no="沈公技防解〔2026〕1号"
            )

    # then
    assert blocked.value.code == RepairErrorCode.BLOCKED_BY_REPORT
    assert "公示期间收到举报" in blocked.value.message and "经核查属实" in blocked.value.message
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.PUBLISHED
    assert await ListEntry.filter(subject_id=subject.id, kind=ListKind.WATCH).exists()


async def test_article15_a_report_still_under_investigation_also_blocks(db: str) -> None:
    # given
    subject = await make_subject()
    record = await publish(subject, watch_case(date(2026, 3, 2)), date(2026, 3, 2))
    await _report(subject, date(2026, 4, 10), outcome=None)
    application_id = await _apply(subject, record, date(2026, 5, 1))
    reviewer = await make_actor(Role.CITY_REVIEWER)

    # when
    with pytest.raises(CaseError) as blocked:
        async with in_transaction() as conn:
            await approve_repair(
                conn, reviewer, application_id, decision_no="沈公技防解〔2026〕1号"
            )

    # then
    assert "尚在核查" in blocked.value.message


async def test_article15_repair_approved_removes_the_entry_at_once(db: str) -> None:
    # given: reports before publication or found unsubstantiated do not count
    subject = await make_subject()
    await _report(subject, date(2026, 2, 20), outcome=True)
    record = await publish(subject, watch_case(date(2026, 3, 2)), date(2026, 3, 2))
    await _report(subject, date(2026, 4, 10), outcome=False)
    application_id = await _apply(subject, record, date(2026, 5, 1))
    reviewer = await make_actor(Role.CITY_REVIEWER)

    # when
    async with in_transaction() as conn:
        decision = await approve_repair(
            conn,
            reviewer,
            application_id,
            decision_no="沈公技防解〔2026〕1号",
            reason="经现场核查整改到位。",
        )

    # then
    assert decision.application.status == RepairStatus.APPROVED
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.REPAIRED
    assert not await ListEntry.filter(subject_id=subject.id).exists()
    stored = await Evaluation.get(subject_id=subject.id)
    assert record.id not in stored.payload["public_record_ids"]
    notice = await Notice.get(kind=NoticeKind.REPAIR_APPROVED)
    assert notice.title == "解除管理决定书"
    assert "沈公技防解〔2026〕1号" in notice.body and "解除对你单位的“警示目录”管理" in notice.body
    events = await OutboxEvent.all().order_by("id")
    assert {e.target for e in events} == {
        "credit_shenyang",
        "shenyang_police_web",
        "municipal_platform",
    }
    withdrawn = [e for e in events if e.kind == "records.withdrawn"]
    assert withdrawn[0].payload["decision_no"] == "沈公技防解〔2026〕1号"
    assert withdrawn[0].payload["cause"] == "repaired"


async def test_order36_wugang_general_dishonesty_repairable_after_3_months(db: str) -> None:
    # given: a warning decided and published on 2026-03-02 → grade B
    subject = await make_subject(name="舞钢某商行", policy_code=WUGANG_CODE)
    record = await publish(subject, wugang_decision(date(2026, 3, 2)), date(2026, 3, 2))
    assert (await Evaluation.get(subject_id=subject.id)).grade == GradeLevel.B
    enterprise = await make_actor(Role.ENTERPRISE, WUGANG_CODE, subject=subject)
    reviewer = await make_actor(Role.CITY_REVIEWER, WUGANG_CODE)

    # when: too early, then on the first allowed day
    freeze_on(date(2026, 6, 1))
    with pytest.raises(CaseError) as early:
        async with in_transaction() as conn:
            await file_repair(
                conn,
                enterprise,
                subject_id=subject.id,
                record_ids=[record.id],
                rectification="已整改",
            )
    freeze_on(date(2026, 6, 2))
    async with in_transaction() as conn:
        application = await file_repair(
            conn,
            enterprise,
            subject_id=subject.id,
            record_ids=[record.id],
            rectification="已整改",
        )
        decision = await approve_repair(
            conn, reviewer, application.id, decision_no="舞公信修〔2026〕1号"
        )

    # then
    assert early.value.code == RepairErrorCode.TOO_EARLY
    assert "最短公示期为3个月，2026-06-02起方可申请修复" in early.value.message
    assert decision.evaluation.grade == GradeLevel.UNGRADED
    assert decision.notice.title == "信用修复决定书"
    assert {e.target for e in await OutboxEvent.all()} == {"municipal_platform"}
