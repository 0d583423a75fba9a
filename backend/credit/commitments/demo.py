"""Demo data of the commitments register: a Wugang hotel's licence commitment (许可承诺书)
with a published breach that counts in its grade (一般失信), a credit commitment of the
A-graded Wugang company, a Shenyang enterprise's commitment, and one withdrawn in error."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.commitments.models import Commitment, CommitmentBreach, CommitmentState
from credit.commitments.services import KINDS_BY_CODE
from credit.core.clock import TZ
from credit.records.services import RecordInput, create_published
from credit.subjects.models import Subject


async def _commit(
    conn: BaseDBAsyncClient,
    subject: Subject,
    kind: str,
    matter: str,
    signed: date,
    unit: str,
    **kw: Any,
) -> Commitment:
    return await Commitment.create(
        subject_id=subject.id,
        kind=kind,
        matter=matter,
        content=KINDS_BY_CODE[kind].template.format(matter=matter),
        from_template=True,
        signed_on=signed,
        receiving_unit=unit,
        using_db=conn,
        **kw,
    )


async def load(
    conn: BaseDBAsyncClient,
    today: date,
    shenyang: list[Subject],
    wugang: list[Subject],
    unit_id: int,
) -> int:
    """Returns the number of records it published (the breach)."""
    hotel, clean_a = wugang[2], wugang[0]
    licence = await _commit(
        conn,
        hotel,
        "licence",
        "旅馆业特种行业许可证（告知承诺办理）",
        today - timedelta(days=300),
        "舞钢市公安局治安管理大队",
        valid_until=today + timedelta(days=800),
    )
    day = today - timedelta(days=100)
    record = await create_published(
        hotel,
        RecordInput(
            type="licence_commitment_violation",
            occurred_on=day,
            summary="未在承诺期限内补齐消防安全检查合格证明",
            decision_no=f"舞公（治）承诺字〔{day.year}〕7号",
            decision_date=day,
            issuing_unit="舞钢市公安局",
            provider_unit_id=unit_id,
            provider_person="李警官",
        ),
        day + timedelta(days=1),
        conn,
        reevaluate_subject=False,
    )
    await CommitmentBreach.create(commitment_id=licence.id, record_id=record.id, using_db=conn)
    await _commit(
        conn, clean_a, "credit", "物流寄递安全管理", today - timedelta(days=45), "舞钢市公安局"
    )
    await _commit(
        conn,
        shenyang[1],
        "credit",
        "安全技术防范系统设计施工维修资格",
        today - timedelta(days=120),
        "沈阳市公安局沈河分局",
    )
    await _commit(
        conn,
        shenyang[1],
        "notification",
        "技防工程竣工验收备案",
        today - timedelta(days=60),
        "沈阳市公安局沈河分局",
        state=CommitmentState.WITHDRAWN,
        withdrawn_at=datetime.combine(today - timedelta(days=50), time(10), tzinfo=TZ),
        withdraw_reason="登记有误：该事项不适用告知承诺",
    )
    return 1
