"""The batch lookup in one SQL statement (credit.subjects.public_batch) answers byte for
byte what the resolvers of `subjects(usccs:)` answer, on the demo data set, in the order
given, with null for unknown codes; what it cannot answer exactly goes to the resolvers.
PostgreSQL only (on SQLite the resolvers answer every batch)."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from credit.demo.load import load_demo
from credit.subjects import public_batch, queries
from credit.subjects.models import Subject
from credit.subjects.public_batch import batch_plan
from credit.subjects.tests.test_public_sql import _both, _same
from credit.subjects.tests.test_public_sql import answered as answered  # the fixture
from credit.testing import make_subject, make_uscc

# What bench/phases.py sends.
BENCH_BATCH = """query Batch($usccs: [String!]!) {
  subjects(usccs: $usccs) {
    uscc name kind
    grade { level }
    lists { list since until decisionNo }
  }
}"""
EVERYTHING = """query All($codes: [String!]!, $day: Date) {
  found: subjects(usccs: $codes, asOf: $day) {
    records(first: 2) { totalCount edges { cursor node { id typeName publicUntil } } }
    measures { code name } lists { recordIds until list } grade { level reasons { rule } }
    reasons { summary } district { code } asOf isForecast kind label: name uscc
  }
}"""
UNKNOWN = make_uscc(987_654)


async def test_a_batch_is_answered_as_the_resolvers_do(
    db: str, app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, answered: Counter
) -> None:
    if db != "postgres":
        pytest.skip("the one-statement lookup is PostgreSQL's; SQLite uses the resolvers")
    await load_demo()
    codes = [s.uscc for s in await Subject.exclude(uscc=None).order_by("-id") if s.uscc]
    codes = codes[: public_batch.MAX_BATCH - 3]
    unknown = make_uscc(987_653)
    # in a given order, with a duplicate, lower case and codes no subject has
    batch = [codes[-1], *codes, codes[0].lower(), unknown]
    for query, variables in ((BENCH_BATCH, {"usccs": batch}), (EVERYTHING, {"codes": batch})):
        fast, normal = await _both(app_client, monkeypatch, query, variables)
        _same(fast, normal)
    assert answered == Counter(sql=2)
    found = fast.json()["data"]["found"]
    assert [s and s["uscc"] for s in found][: len(codes) + 1] == [codes[-1], *codes]


async def test_what_the_statement_cannot_answer_goes_to_the_resolvers(
    db: str, app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, answered: Counter
) -> None:
    if db != "postgres":
        pytest.skip("the one-statement lookup is PostgreSQL's; SQLite uses the resolvers")
    await load_demo()
    bare = await make_subject("沈阳新设技防有限公司")  # no evaluation yet
    code = (await Subject.exclude(uscc=None).exclude(id=bare.id).first()).uscc  # type: ignore[union-attr]
    cases: list[dict[str, list[str | None]]] = [
        {"usccs": [code, bare.uscc]},  # an evaluation to compute
        {"usccs": [code, "not a code"]},  # an error at its position
        {"usccs": []},
        {"usccs": [code] * (public_batch.MAX_BATCH + 1)},  # the resolver's error
    ]
    for variables in cases:
        fast, normal = await _both(app_client, monkeypatch, BENCH_BATCH, variables)
        assert fast.content == normal.content
    assert answered == Counter(resolvers=4)


@pytest.mark.parametrize(
    "query",
    [
        "query($u: [String!]) { subjects(usccs: $u) { uscc } }",  # nullable list
        "query($u: [String]!) { subjects(usccs: $u) { uscc } }",
        'query { subjects(usccs: ["' + UNKNOWN + '"]) { uscc } }',  # written in the query
        "query($u: [String!]!, $d: Date) { subjects(usccs: $u, asOf: $d) { idNumber } }",
        'query($u: [String!]!) { subjects(usccs: $u) { uscc } subject(uscc: "x") { uscc } }',
        "query($u: [String!]!) { subjects(usccs: $u) { ...F } }"
        " fragment F on PublicSubject { uscc }",
    ],
)
def test_other_shapes_are_left_to_the_resolvers(query: str) -> None:
    assert batch_plan(query, None) is None


def test_the_common_shapes_are_planned() -> None:
    assert batch_plan(BENCH_BATCH, "Batch") is not None
    assert batch_plan(EVERYTHING, None) is not None
    assert public_batch.MAX_BATCH == queries.MAX_BATCH


def test_the_cost_is_the_cost_limiters() -> None:
    # per subject 1 (uscc) + records 1 + 20 × (edges 1 + node 1 + id 1) = 62: the limiter
    # (credit.api.limits, budget 5,000) takes 80 codes (4,961) and refuses 81 (5,023)
    found = batch_plan(
        "query($u: [String!]!) { subjects(usccs: $u) { uscc records(first: 20)"
        " { edges { node { id } } } } }",
        None,
    )
    assert found is not None
    assert public_batch.batch_codes(found, {"u": [UNKNOWN] * 80}) is not None
    assert public_batch.batch_codes(found, {"u": [UNKNOWN] * 81}) is None
