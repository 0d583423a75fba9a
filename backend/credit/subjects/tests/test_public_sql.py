"""The public lookup in one SQL statement (credit.subjects.public_sql) answers byte for byte
what the normal resolvers answer, on the demo data set: every list, every grade, masked
fields, subjects with no records, aliases, pagination. PostgreSQL only: on SQLite the
normal path answers every lookup (the statement is PostgreSQL's), which the rest of the
suite covers."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from credit.conftest import gql
from credit.demo.load import load_demo
from credit.grades.models import Evaluation
from credit.policies.facts import SubjectKind
from credit.subjects import public_sql
from credit.subjects.models import Subject
from credit.subjects.public_plan import plan
from credit.testing import make_subject

# What bench/workload.py sends (the partners' contract and the public search page).
BENCH_LOOKUP = """query Lookup($uscc: String!) {
  subject(uscc: $uscc) {
    uscc name kind idNumberMasked asOf
    district { code name }
    grade { level reasons { article rule summary } }
    lists { list since until decisionNo article }
    reasons { article rule summary }
    measures { code name article kind }
    records(first: 10) {
      totalCount
      edges { node { id category type typeName summary decisionNo decisionDate
                     occurredOn publishedOn issuingUnit publicUntil } }
    }
  }
}"""
# Every field the statement covers, in another order, with aliases and a short page.
EVERYTHING = """query Everything($code: String!, $day: Date) {
  found: subject(uscc: $code, asOf: $day) {
    records(first: 3) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { publicUntil id typeName category type summary decisionNo
                            decisionDate occurredOn publishedOn issuingUnit } }
      count: totalCount
    }
    measures { kind article name code }
    lists { recordIds article decisionDate decisionNo until since list }
    grade { reasons { summary rule article } level }
    reasons { summary }
    district { name code }
    asOf isForecast kind idNumberMasked label: name uscc
  }
}"""
# docs/partners.md §2, the code written in the query.
PARTNERS = """{ subject(uscc: "%s") { uscc name kind grade { level reasons { article summary } }
  lists { list since until decisionNo } measures { code name } } }"""
EMPTY_PAGE = """query($u: String!) { subject(uscc: $u) { records(first: 0) {
  totalCount pageInfo { hasNextPage startCursor endCursor } edges { cursor } } } }"""


@pytest.fixture
async def answered(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the lookups the statement answered and those it left to the resolvers."""
    counts: Counter[str] = Counter()
    respond = public_sql.respond

    async def spy(scope: Any, body: Any) -> Any:
        response = await respond(scope, body)
        counts["sql" if response is not None else "resolvers"] += 1
        return response

    monkeypatch.setattr(public_sql, "respond", spy)
    return counts


async def _both(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, query: str, variables: dict
) -> tuple[httpx.Response, httpx.Response]:
    """The answer of the one-statement path and the resolvers' (the bodies differ by an
    unused variable, so the public cache answers neither)."""
    fast = await client.post(
        "/graphql", json={"query": query, "variables": {**variables, "n": "sql"}}
    )
    with monkeypatch.context() as m:
        m.setattr(public_sql, "respond", _never)
        normal = await client.post(
            "/graphql", json={"query": query, "variables": {**variables, "n": "resolvers"}}
        )
    return fast, normal


async def _never(scope: Any, body: bytes) -> None:
    return None


def _same(fast: httpx.Response, normal: httpx.Response) -> None:
    assert fast.status_code == normal.status_code == 200
    assert fast.headers["content-type"] == normal.headers["content-type"]
    assert fast.content == normal.content


async def test_the_statement_answers_the_demo_subjects_as_the_resolvers_do(
    db: str, app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, answered: Counter
) -> None:
    if db != "postgres":
        pytest.skip("the one-statement lookup is PostgreSQL's; SQLite uses the resolvers")
    # given: the demo data set, and a subject with no evaluation yet and no records
    await load_demo()
    bare = await make_subject("沈阳新设技防有限公司")
    subjects = await Subject.exclude(uscc=None).order_by("id")
    evaluations = {e.subject_id: e for e in await Evaluation.all()}
    # when / then
    seen: Counter[str] = Counter()
    for s in subjects:
        assert s.uscc is not None
        for query, variables in (
            (BENCH_LOOKUP, {"uscc": s.uscc}),
            (EVERYTHING, {"code": s.uscc.lower(), "day": None}),
            (PARTNERS % s.uscc, {}),
            (EMPTY_PAGE, {"u": s.uscc}),
        ):
            fast, normal = await _both(app_client, monkeypatch, query, variables)
            _same(fast, normal)
        e = evaluations.get(s.id)
        data = fast.json()["data"]["subject"]
        assert data is not None
        payload = e.payload if e else {}
        seen.update(f"list:{x['list']}" for x in payload.get("list_entries", []))
        seen[f"grade:{e.grade if e else None}"] += 1
        seen["no public records" if not payload.get("public_record_ids") else "records"] += 1
        seen["derived records" if payload.get("derived_records") else "none derived"] += 1
        seen["measures" if payload.get("measures") else "no measures"] += 1
        seen["masked id" if s.id_number_masked else "no masked id"] += 1
    assert {"list:RED", "list:WATCH", "list:BLACK"} <= set(seen), seen
    assert {"grade:A", "grade:B", "grade:C", "grade:UNGRADED", "grade:None"} <= set(seen), seen
    assert seen["no public records"] and seen["derived records"] and seen["measures"], seen
    # the statement answered every one of them but the subject with no evaluation, which the
    # resolvers evaluated first (and then the statement answered it too)
    assert answered["resolvers"] == 1, answered
    assert answered["sql"] == 4 * len(subjects) - 1
    assert bare.id in {e.subject_id for e in await Evaluation.all()}


async def test_unknown_and_malformed_codes(
    db: str, app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, answered: Counter
) -> None:
    if db != "postgres":
        pytest.skip("the one-statement lookup is PostgreSQL's; SQLite uses the resolvers")
    for code in ("91310115MA1K3BTP2B", "91310115MA1K3BTP2C", "x", ""):
        fast, normal = await _both(app_client, monkeypatch, BENCH_LOOKUP, {"uscc": code})
        _same(fast, normal)
    assert answered == Counter(sql=1, resolvers=3)  # a well-formed unknown code: null


async def test_a_natural_person_is_masked_by_the_resolvers(
    db: str, app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, answered: Counter
) -> None:
    if db != "postgres":
        pytest.skip("the one-statement lookup is PostgreSQL's; SQLite uses the resolvers")
    person = await make_subject(
        "张小三", policy_code="wugang-2021", kind=SubjectKind.NATURAL_PERSON
    )
    await gql(app_client, BENCH_LOOKUP, {"uscc": person.uscc})  # evaluated
    fast, normal = await _both(app_client, monkeypatch, BENCH_LOOKUP, {"uscc": person.uscc})
    _same(fast, normal)
    assert fast.json()["data"]["subject"]["name"] == "张*三"
    assert answered["sql"] == 0


@pytest.mark.parametrize(
    "query",
    [
        'query($u: String!) { subject(uscc: $u, asOf: "2026-01-01") { name } }',
        "query($u: String!) { subject(uscc: $u) { name ...F } }"
        " fragment F on PublicSubject { kind }",
        "query($u: String!) { subject(uscc: $u) { __typename name } }",
        "query($u: String!) { subject(uscc: $u) { name @include(if: true) } }",
        "query($u: String!) { subject(uscc: $u) { idNumber } }",
        "query($u: String!) { subject(uscc: $u) { lists { basis { decisionNo } } } }",
        "query($u: String!) { subject(uscc: $u) { commitments { totalCount } } }",
        'query($u: String!) { subject(uscc: $u) { records(after: "bzow") { totalCount } } }',
        "query($u: String!) { subject(uscc: $u) { records(first: 101) { totalCount } } }",
        "query($u: String) { subject(uscc: $u) { name } }",
        "query($u: String!, $v: Int) { subject(uscc: $u) { name } }",
        "query($u: String!) { subject(uscc: $u) { name name: kind } }",
        "query($u: String!) { subject(uscc: $u) { nosuchfield } }",
        "query($u: String!) { subject(uscc: $u) { name } districts { code } }",
        "mutation($u: String!) { subject(uscc: $u) { name } }",
    ],
)
def test_other_shapes_are_left_to_the_resolvers(query: str) -> None:
    assert plan(query, None) is None


def test_the_limits_are_the_cost_limiters() -> None:
    from credit.api import limits
    from credit.subjects import plan_ast

    assert plan_ast.COST_BUDGET == limits.PUBLIC_COST_BUDGET
    assert plan_ast.DEFAULT_PAGE == limits.DEFAULT_PAGE
    node = "id category type typeName summary decisionNo decisionDate occurredOn publishedOn"
    records = f"records(first: 100) {{ edges {{ node {{ {node} }} }} }}"  # cost 1 + 100 * 11
    three = " ".join(f"r{i}: {records}" for i in range(3))
    five = " ".join(f"r{i}: {records}" for i in range(5))
    assert plan(f'{{ subject(uscc: "x") {{ {three} }} }}', None) is not None  # 3,304
    assert plan(f'{{ subject(uscc: "x") {{ {five} }} }}', None) is None  # 5,506: over 5,000


def test_the_common_shapes_are_planned() -> None:
    assert plan(BENCH_LOOKUP, "Lookup") is not None
    assert plan(BENCH_LOOKUP, "Other") is None
    assert plan(EVERYTHING, None) is not None
    assert plan(PARTNERS % "91310115MA1K3BTP2B", None) is not None
