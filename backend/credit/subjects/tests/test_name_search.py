"""Name search (issue 16 item 2): a term of one character or more finds the names that
contain it, literally (no wildcard), served on PostgreSQL by the character-pair index of
migration 0021; results and their count stop at a cap."""

from __future__ import annotations

from typing import Any

import pytest
from tortoise.transactions import in_transaction

from credit.conftest import gql
from credit.subjects import queries, search
from credit.subjects.search import named_statement, subjects_named
from credit.testing import make_subject

SEARCH = """query($n: String!, $after: String) {
  subjectSearch(name: $n, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name } }
  }
}"""

NAMES = [
    "沈阳北辰技防系统有限公司",
    "辰星安防科技有限公司",
    "北京ABC安防有限公司",
    "100%安全科技有限公司",
]


async def names_found(client: Any, term: str) -> list[str]:
    found: list[str] = []
    after = None
    for _ in range(10):
        body = await gql(client, SEARCH, {"n": term, "after": after})
        assert "errors" not in body, body
        page = body["data"]["subjectSearch"]
        found += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return sorted(found)
        after = page["pageInfo"]["endCursor"]
    raise AssertionError("more pages than expected")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("北辰", ["沈阳北辰技防系统有限公司"]),
        ("辰", ["沈阳北辰技防系统有限公司", "辰星安防科技有限公司"]),
        ("abc", ["北京ABC安防有限公司"]),  # letters in any case
        ("AbC安防", ["北京ABC安防有限公司"]),
        ("%", ["100%安全科技有限公司"]),  # literally, never a wildcard
        ("_", []),
        ("北辰星", []),  # every pair occurs in some name, the term in none
        ("安防有限", ["北京ABC安防有限公司"]),
    ],
)
async def test_a_term_finds_the_names_that_contain_it(
    make_client: Any, term: str, expected: list[str]
) -> None:
    for name in NAMES:
        await make_subject(name=name)
    assert await names_found(make_client(), term) == sorted(expected)


async def test_a_code_finds_its_subject(make_client: Any) -> None:
    subject = await make_subject(name="代码查询技防有限公司")
    assert await names_found(make_client(), subject.uscc or "") == ["代码查询技防有限公司"]


async def test_results_and_their_count_stop_at_the_cap(
    make_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "SEARCH_RESULT_CAP", 3)
    for n in range(5):
        await make_subject(name=f"封顶测试{n}技防有限公司")
    client = make_client()
    first = (await gql(client, SEARCH, {"n": "封顶"}))["data"]["subjectSearch"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"]
    assert len(await names_found(client, "封顶")) == 3


async def test_the_search_can_use_the_character_pair_index(db: str) -> None:
    if db != "postgres":
        pytest.skip("the index is PostgreSQL's (migration 0021)")
    await make_subject(name="沈阳北辰技防系统有限公司")
    query = subjects_named("北辰")
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    async with in_transaction() as conn:
        # With sequential scans priced out, the plan shows whether the index applies.
        await conn.execute_query("SET LOCAL enable_seqscan = off")
        _, rows = await conn.execute_query(f"EXPLAIN (FORMAT JSON) {sql}", params)
    plan = str(rows[0])
    assert "subject_name_grams" in plan, plan


@pytest.mark.parametrize("walk_from", [0.0, 2.0])
async def test_the_ordered_walk_and_the_ranked_matches_find_the_same(
    make_client: Any, monkeypatch: pytest.MonkeyPatch, walk_from: float
) -> None:
    # 0.0: every term counts as common (the walk of the name index); 2.0: as rare (the
    # matches of the character-pair index ranked by name; on SQLite both are one scan).
    monkeypatch.setattr(search, "WALK_FROM", walk_from)
    monkeypatch.setattr(queries, "SEARCH_RESULT_CAP", 3)
    for name in NAMES:
        await make_subject(name=name)
    for n in range(5):
        await make_subject(name=f"封顶测试{n}技防有限公司")
    client = make_client()
    assert await names_found(client, "北辰") == ["沈阳北辰技防系统有限公司"]
    assert await names_found(client, "AbC安防") == ["北京ABC安防有限公司"]
    assert await names_found(client, "%") == ["100%安全科技有限公司"]
    assert await names_found(client, "北辰星") == []
    capped = await gql(client, SEARCH, {"n": "封顶"})
    assert capped["data"]["subjectSearch"]["totalCount"] == 3
    assert await names_found(client, "封顶") == [f"封顶测试{n}技防有限公司" for n in range(3)]


async def test_a_rare_term_is_ranked_over_the_character_pair_index(db: str) -> None:
    if db != "postgres":
        pytest.skip("the index is PostgreSQL's (migration 0021)")
    await make_subject(name="沈阳北辰技防系统有限公司")
    sql, values = named_statement("北辰", 0, 20, 1000)
    async with in_transaction() as conn:
        # With sequential scans priced out, the plan shows which index finds the matches.
        await conn.execute_query("SET LOCAL enable_seqscan = off")
        _, rows = await conn.execute_query(f"EXPLAIN (FORMAT JSON) {sql}", values)
    plan = str(rows[0][0])
    assert "subject_name_grams" in plan, plan
    # the page is ranked among the matches, never taken from a walk of the name index
    assert "subject_name_id" not in plan, plan
