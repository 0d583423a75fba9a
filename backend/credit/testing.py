"""Factories for tests: small, explicit builders of reference data and subjects."""

from __future__ import annotations

import itertools
from datetime import date

from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import uscc_check_digit
from credit.subjects.models import District, Jurisdiction, Subject

_seq = itertools.count(1)


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
