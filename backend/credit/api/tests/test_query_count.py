"""Every relation goes through a DataLoader: the number of SQL statements of a page does
not grow with the page size."""

from __future__ import annotations

import logging
from datetime import timedelta

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.grades.services import reevaluate
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
)
from credit.testing import make_subject, make_user

PAGE = """
query($n: Int!) {
  internalSubjects(first: $n) { totalCount edges { node {
    name uscc district { name } nextChangeAt
    evaluation { grade { level } lists { list since } measures { code } }
    records(first: 10) { edges { node {
      type status providerUnit subjectName
      transitions { toStatus at }
      decision { documentNo violations { seq sanctions { kind } } } } } }
  } } }
}
"""
PUBLIC_BATCH = """
query($u: [String!]!) { subjects(usccs: $u) { name district { name } lists { list }
  records(first: 10) { edges { node { summary } } } } }
"""


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def _seed(n: int) -> list[str]:
    today = clock.today()
    usccs = []
    for i in range(n):
        s = await make_subject(f"计数公司{i:03d}")
        day = today - timedelta(days=10)
        await create_published(
            s,
            RecordInput(
                type="watch_list_case",
                occurred_on=day,
                summary="情形",
                situation_code="s05",
                decision_no=f"沈公技防警〔2026〕{i}号",
                decision_date=day,
                violations=[ViolationInput("v", "tech_prevention", "", [SanctionInput("warning")])],
                issuing_unit="公安局",
            ),
            day,
            None,
            reevaluate_subject=False,
        )
        await reevaluate(s, None)
        usccs.append(s.uscc or "")
    return usccs


async def _count(client, query: str, variables: dict) -> int:
    logger = logging.getLogger("tortoise.db_client")
    handler = _Counter()
    old = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        body = await gql(client, query, variables)
        assert "errors" not in body, body
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
    return handler.count


async def test_internal_page_of_50_costs_the_same_queries_as_a_page_of_5(make_client) -> None:
    await _seed(50)
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "reviewer")
    small = await _count(client, PAGE, {"n": 5})
    large = await _count(client, PAGE, {"n": 50})
    assert large == small, f"{small} statements for 5 subjects, {large} for 50"
    assert 0 < small < 20


async def test_public_batch_lookup_of_50_costs_the_same_as_5(make_client) -> None:
    usccs = await _seed(50)
    client = make_client(headers={"x-no-cache": "1"})
    small = await _count(client, PUBLIC_BATCH, {"u": usccs[:5]})
    large = await _count(client, PUBLIC_BATCH, {"u": usccs})
    assert large == small, f"{small} statements for 5 subjects, {large} for 50"
    assert small > 0
