"""Factories for tests: small, explicit builders of reference data and subjects."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import uscc_check_digit
from credit.subjects.models import District, Jurisdiction, Subject

_seq = itertools.count(1)


_decisions = itertools.count(1)


def decision_no() -> str:
    """A decision number no other test record uses (a record that lists, sanctions or
    counts needs one: credit.records.rules)."""
    return f"测试决定〔2026〕{next(_decisions)}号"


def make_uscc(n: int | None = None) -> str:
    body = f"91210102TQ{(n if n is not None else next(_seq)):07d}"
    return body + uscc_check_digit(body)


async def make_place(policy_code: str = "shenyang-jifang-2018") -> tuple[Jurisdiction, District]:
    code = "sy" if policy_code.startswith("shenyang") else "wg"
    j = await Jurisdiction.get_or_none(code=code)
    if j is None:
        j = await Jurisdiction.create(code=code, name=code, policy_code=policy_code)
    d = await District.get_or_none(code=f"{code}-d1")
    if d is None:
        d = await District.create(code=f"{code}-d1", name="和平区", jurisdiction_id=j.id)
    return j, d


async def make_subject(
    name: str = "沈阳测试技防有限公司",
    policy_code: str = "shenyang-jifang-2018",
    kind: SubjectKind = SubjectKind.ENTERPRISE,
    uscc: str | None = None,
    district: District | None = None,
) -> Subject:
    j, d = await make_place(policy_code)
    return await Subject.create(
        kind=kind,
        uscc=uscc or make_uscc(),
        name=name,
        jurisdiction_id=j.id,
        district_id=(district or d).id,
    )


def days_ago(today: date, n: int) -> date:
    from datetime import timedelta

    return today - timedelta(days=n)


async def make_user(
    username: str,
    role: str,
    *,
    district: District | None = None,
    subject: Subject | None = None,
    password: str = "Correct-Horse-1",
    unit_kind: str | None = None,
) -> object:
    """A user in a unit of the Shenyang jurisdiction (district unit for district roles)."""
    from credit.accounts.models import Role, Unit, UnitKind, User
    from credit.accounts.passwords import hash_password

    j, d = await make_place()
    kind = (
        unit_kind
        or {
            "ADMIN": UnitKind.CITY_BUREAU,
            "CITY_REVIEWER": UnitKind.CITY_BUREAU,
            "DISTRICT_OFFICER": UnitKind.DISTRICT_BUREAU,
            "ENTERPRISE": UnitKind.DISTRICT_BUREAU,
            "ASSOCIATION": UnitKind.ASSOCIATION,
        }[role]
    )
    unit_district = district or d if kind == UnitKind.DISTRICT_BUREAU else None
    code = f"U-{kind}-{unit_district.id if unit_district else 0}"
    unit = await Unit.get_or_none(code=code)
    if unit is None:
        unit = await Unit.create(
            code=code,
            name=code,
            kind=kind,
            jurisdiction_id=j.id,
            district_id=unit_district.id if unit_district else None,
        )
    return await User.create(
        username=username,
        password_hash=_hash_cache(password, hash_password),
        display_name=username,
        role=Role(role),
        unit_id=unit.id,
        subject_id=subject.id if subject else None,
    )


_hashes: dict[str, str] = {}


def _hash_cache(password: str, fn: Callable[[str], str]) -> str:
    # argon2 is deliberately slow; tests reuse one hash per password.
    if password not in _hashes:
        _hashes[password] = fn(password)
    return _hashes[password]


async def make_partner_token(scopes: list[str] | None = None, rate_limit: int = 600) -> str:
    from datetime import timedelta

    from credit.accounts.auth import create_api_token
    from credit.accounts.models import Unit, UnitKind
    from credit.accounts.permissions import Permission
    from credit.core import clock

    j, _ = await make_place()
    unit = await Unit.get_or_none(code="PARTNER")
    if unit is None:
        unit = await Unit.create(
            code="PARTNER", name="政府采购中心", kind=UnitKind.PARTNER, jurisdiction_id=j.id
        )
    new = await create_api_token(
        name="test",
        unit_id=unit.id,
        scopes=[Permission(s) for s in scopes or []],
        expires_at=clock.now() + timedelta(days=30),
        rate_limit_per_minute=rate_limit,
        conn=None,
    )
    return new.secret
