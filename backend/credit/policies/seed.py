"""The first two policies and the jurisdictions that apply them (reference data, loaded
idempotently after the migrations by `credit migrate`, the bureau set-up and the tests)."""

from __future__ import annotations

from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.policies.models import Policy
from credit.policies.params import POLICY_DEFAULTS

POLICIES = (
    {
        "code": "shenyang-jifang-2018",
        "version": 1,
        "name": "沈阳市安全技术防范行业信用监管规定（试行）",
        "document_no": "沈公发〔2018〕4号",
        "effective_from": date(2018, 1, 1),
    },
    {
        "code": "wugang-2021",
        "version": 1,
        "name": "舞钢市公安局信用分级分类监管制度",
        "document_no": "舞公〔2021〕394号",
        "effective_from": date(2021, 12, 25),
    },
)


async def ensure_policies(conn: BaseDBAsyncClient | None = None) -> None:
    for p in POLICIES:
        if not await Policy.filter(code=p["code"], version=p["version"]).using_db(conn).exists():
            await Policy.create(**p, params=dict(POLICY_DEFAULTS[str(p["code"])]), using_db=conn)
