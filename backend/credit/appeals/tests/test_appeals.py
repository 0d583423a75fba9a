"""SY 第十六条: reconsideration and litigation are recorded on the decision; an annulled
decision's records are revoked at once."""

from __future__ import annotations

from datetime import date

import pytest
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.appeals.error_codes import AppealErrorCode
from credit.appeals.services import AppealKind, AppealOutcome, record_appeal, set_appeal_outcome
from credit.casework.error_codes import CaseError
from credit.casework.testing import freeze_on, make_actor, publish, watch_case
from credit.lists.models import ListEntry
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord, Decision
from credit.testing import make_subject


async def test_article16_reconsideration_annulling_the_listing_revokes_it(db: str) -> None:
    # given: a watch-list case and its decision, under reconsideration
    subject = await make_subject()
    record = await publish(subject, watch_case(date(2026, 3, 2)), date(2026, 3, 2))
    reviewer = await make_actor(Role.CITY_REVIEWER)
    assert record.decision_id is not None
    freeze_on(date(2026, 4, 20))
    async with in_transaction() as conn:
        await record_appeal(
            conn,
            reviewer,
            record.decision_id,
            kind=AppealKind.RECONSIDERATION,
            filed_on=date(2026, 3, 10),
            authority="沈阳市人民政府",
            case_no="沈政复〔2026〕8号",
        )

    # when
    async with in_transaction() as conn:
        result = await set_appeal_outcome(
            conn,
            reviewer,
            record.decision_id,
            0,
            outcome=AppealOutcome.REVOKED,
            decided_on=date(2026, 4, 18),
        )
    with pytest.raises(CaseError) as again:
        async with in_transaction() as conn:
            await set_appeal_outcome(
                conn,
                reviewer,
                record.decision_id,
                0,
                outcome=AppealOutcome.UPHELD,
                decided_on=date(2026, 4, 19),
            )

    # then
    (appeal,) = (await Decision.get(id=record.decision_id)).appeals
    assert appeal["kind"] == "reconsideration" and appeal["outcome"] == "revoked"
    assert appeal["filed_on"] == "2026-03-10" and appeal["decided_on"] == "2026-04-18"
    assert result.revoked_record_ids == (record.id,)
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.REVOKED
    assert not await ListEntry.filter(subject_id=subject.id).exists()
    removal = await Notice.get(kind=NoticeKind.REMOVAL)
    assert "因行政复议撤销原决定" in removal.body
    kinds = sorted(map(str, await OutboxEvent.all().values_list("kind", flat=True)))
    assert kinds == ["list.entry_removed"] * 3 + ["records.withdrawn"] * 3
    assert again.value.code == AppealErrorCode.INVALID_STATE
