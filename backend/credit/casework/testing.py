"""Test helpers of the case domains: actors, subjects with published records, a frozen
clock. (The outbox's HTTP receiver is credit/outbox/tests/conftest.py.)"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from decimal import Decimal

from credit.accounts.actor import Actor, ActorKind
from credit.accounts.models import Role, Unit, UnitKind, User
from credit.accounts.permissions import ROLE_PERMISSIONS
from credit.core import clock
from credit.policies.params import SHENYANG_CODE
from credit.records.models import CreditRecord
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
)
from credit.subjects.models import Subject
from credit.testing import make_place

_seq = itertools.count(1)


def local(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=clock.TZ)


def freeze_on(day: date, hour: int = 10) -> datetime:
    at = local(day, hour)
    clock.freeze(at)
    return at


async def make_actor(
    role: Role,
    policy_code: str = SHENYANG_CODE,
    *,
    subject: Subject | None = None,
    name: str = "",
) -> Actor:
    """A signed-in user of `role` in a unit of the policy's jurisdiction."""
    j, d = await make_place(policy_code)
    kind = {
        Role.DISTRICT_OFFICER: UnitKind.DISTRICT_BUREAU,
        Role.ENTERPRISE: UnitKind.DISTRICT_BUREAU,
    }.get(role, UnitKind.CITY_BUREAU)
    code = f"{j.code}-{kind}"
    unit = await Unit.get_or_none(code=code)
    if unit is None:
        unit = await Unit.create(
            code=code,
            name=f"{j.name}公安局" if kind == UnitKind.CITY_BUREAU else f"{d.name}分局",
            kind=kind,
            jurisdiction_id=j.id,
            district_id=d.id if kind == UnitKind.DISTRICT_BUREAU else None,
        )
    n = next(_seq)
    user = await User.create(
        username=name or f"{role.value.lower()}-{n}",
        password_hash="x",
        display_name=name or f"{role.value}{n}",
        role=role,
        unit_id=unit.id,
        subject_id=subject.id if subject else None,
    )
    return Actor(
        kind=ActorKind.USER,
        user_id=user.id,
        username=user.username,
        role=role.value,
        unit_id=unit.id,
        unit_code=unit.code,
        jurisdiction_id=j.id,
        district_id=d.id if role == Role.DISTRICT_OFFICER else None,
        subject_id=subject.id if role == Role.ENTERPRISE and subject else None,
        permissions=ROLE_PERMISSIONS[role],
    )


def watch_case(day: date, situation: str = "s08") -> RecordInput:
    n = next(_seq)
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=f"因服务受到用户投诉（案{n}）",
        situation_code=situation,
        decision_no=f"沈公技防警〔{day.year}〕{n:03d}号",
        decision_date=day,
        issuing_unit="沈阳市公安局",
    )


def wugang_decision(day: date, kind: str = "warning", amount: int = 0) -> RecordInput:
    n = next(_seq)
    return RecordInput(
        type="administrative_decision",
        occurred_on=day,
        summary=f"违反治安管理（决定{n}）",
        decision_no=f"舞公行决字〔{day.year}〕{n:04d}号",
        decision_date=day,
        issuing_unit="舞钢市公安局",
        violations=[
            ViolationInput(
                type_code="public_order_x",
                domain="public_order",
                sanctions=[SanctionInput(kind, Decimal(amount))],
            )
        ],
    )


async def publish(subject: Subject, data: RecordInput, on: date) -> CreditRecord:
    """A record published on `on`; the clock is left frozen on that day at 13:00 (after
    the publication), so a test moves it on explicitly."""
    freeze_on(on, 13)
    return await create_published(subject, data, on, None)
