"""The name search in one SQL statement (credit.subjects.public_search) answers byte for
byte what the resolvers of `subjectSearch` answer, on the demo data set: counts, the cap,
pages, cursors, aliases; what it cannot answer exactly goes to the resolvers. PostgreSQL
only (on SQLite the resolvers answer every search)."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from credit.demo.load import load_demo
from credit.subjects import queries, search
from credit.subjects.models import Subject
from credit.subjects.public_search import search_plan
from credit.subjects.tests.test_public_sql import _both, _same
from credit.subjects.tests.test_public_sql import answered as answered  # the fixture
from credit.testing import make_subject

# What bench/phases.py sends.
BENCH_SEARCH = """query Search($name: String!) {
  subjectSearch(name: $name, first: 20) {
    totalCount
    edges { node { uscc name kind grade { level } } }
  }
}"""
EVERYTHING = """query All($term: String!) {
  found: subjectSearch(name: $term, first: 3) {
    pageInfo { endCursor hasNextPage startCursor hasPreviousPage }
    edges { node { lists { list until } label: name uscc measures { code } asOf } cursor }
    count: totalCount
  }
}"""
EMPTY_PAGE = """query($term: String!) { subjectSearch(name: $term, first: 0) {
  totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor } } }"""
DEFAULT_PAGE = """{ subjectSearch(name: "技防") { totalCount edges { node { name } } } }"""


@pytest.fixture
async def demo(db: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    if db != "postgres":
        pytest.skip("the one-statement search is PostgreSQL's; SQLite uses the resolvers")
    monkeypatch.setattr(search, "WALK_FROM", 2.0)  # every term few names contain
    await load_demo()
    for n in range(25):
        await make_subject(name=f"沈阳翻页测试{n:02d}技防有限公司")
    # the demo subjects are evaluated; the new ones are stale until a lookup evaluates them
    return [s.uscc for s in await Subject.exclude(uscc=None).order_by("id") if s.uscc]


async def test_searches_are_answered_as_the_resolvers_do(
    demo: list[str],
    app_client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    answered: Counter,
) -> None:
    terms = ["技防", "沈阳", "舞钢", "有限公司", "ABC", "没有这个名字", demo[0]]
    for term in terms:  # evaluate the new subjects first: the resolvers store evaluations
        await _both(app_client, monkeypatch, BENCH_SEARCH, {"name": term, "first": 1})
    answered.clear()
    for term in terms:
        for query, variables in ((BENCH_SEARCH, {"name": term}), (EVERYTHING, {"term": term})):
            fast, normal = await _both(app_client, monkeypatch, query, variables)
            _same(fast, normal)
        fast, normal = await _both(app_client, monkeypatch, EMPTY_PAGE, {"term": term})
        _same(fast, normal)
    fast, normal = await _both(app_client, monkeypatch, DEFAULT_PAGE, {})
    _same(fast, normal)
    assert answered == Counter(sql=len(terms) * 3 + 1)
    page = fast.json()["data"]["subjectSearch"]
    assert page["totalCount"] >= 25 and len(page["edges"]) == 20


async def test_the_cap_is_the_resolvers(
    demo: list[str],
    app_client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    answered: Counter,
) -> None:
    await _both(app_client, monkeypatch, BENCH_SEARCH, {"name": "翻页测试", "first": 1})
    monkeypatch.setattr(queries, "SEARCH_RESULT_CAP", 2)
    answered.clear()
    fast, normal = await _both(app_client, monkeypatch, EVERYTHING, {"term": "翻页测试"})
    _same(fast, normal)
    found = fast.json()["data"]["found"]
    assert found["count"] == 2 and not found["pageInfo"]["hasNextPage"]
    assert len(found["edges"]) == 2  # no page goes beyond the cap
    assert answered == Counter(sql=1)


async def test_what_the_statement_cannot_answer_goes_to_the_resolvers(
    demo: list[str],
    app_client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    answered: Counter,
) -> None:
    cases = [
        {"name": "翻页测试"},  # evaluations to compute (the new subjects)
        {"name": "110105194912310021"},  # an ID number's shape
        {"name": "  "},  # the resolver's error
    ]
    for variables in cases:
        fast, normal = await _both(app_client, monkeypatch, BENCH_SEARCH, variables)
        assert fast.content == normal.content
    monkeypatch.setattr(search, "WALK_FROM", 0.0)  # every term common: the walk
    fast, normal = await _both(app_client, monkeypatch, BENCH_SEARCH, {"name": "技防"})
    _same(fast, normal)
    assert answered == Counter(resolvers=4)


@pytest.mark.parametrize(
    "query",
    [
        'query { subjectSearch(name: "x", after: "bzox") { totalCount } }',
        "query($n: String) { subjectSearch(name: $n) { totalCount } }",
        "query($n: String!, $f: Int) { subjectSearch(name: $n, first: $f) { totalCount } }",
        'query { subjectSearch(name: "x", first: 101) { totalCount } }',
        'query { subjectSearch(name: "x") { edges { node { idNumber } } } }',
        'query { subjectSearch(name: "x") { totalCount __typename } }',
    ],
)
def test_other_shapes_are_left_to_the_resolvers(query: str) -> None:
    assert search_plan(query, None) is None


def test_the_alias_limit_counts_the_whole_document() -> None:
    # 27 aliases in the node and 4 in the connection: 31, over the limiter's 30
    node = " ".join(f"a{i}: uscc" for i in range(27))
    query = (
        'query { subjectSearch(name: "x") { t: totalCount e: edges { n: node { '
        + node
        + " } } p: pageInfo { hasNextPage } } }"
    )
    assert search_plan(query, None) is None
    assert search_plan(query.replace("p: pageInfo", "pageInfo"), None) is not None


def test_the_common_shapes_are_planned() -> None:
    for query in (BENCH_SEARCH, EVERYTHING, EMPTY_PAGE, DEFAULT_PAGE):
        assert search_plan(query, None) is not None
