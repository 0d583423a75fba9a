"""Query limits answer with a code, never a 500; unexpected errors are masked."""

from __future__ import annotations

import dataclasses

import pytest
from graphql import GraphQLError

from credit.api.extensions import fix_error
from credit.api.schema import MAX_ALIASES
from credit.conftest import gql
from credit.core.settings import get_settings, override_settings


@pytest.mark.parametrize(
    ("query", "text"),
    [
        (
            "{ " + " ".join(f"a{i}: districts {{ code }}" for i in range(MAX_ALIASES + 1)) + " }",
            "aliases",
        ),
        ("{ districts { code " + "code " * 3000 + "} }", "tokens"),
    ],
    ids=["aliases", "tokens"],
)
async def test_limit_hits_are_query_too_complex(app_client, query: str, text: str) -> None:
    response = await app_client.post("/graphql", json={"query": query})
    assert response.status_code == 200
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX", body
    assert text in body["errors"][0]["message"]


async def test_cost_budget_for_the_public(app_client) -> None:
    query = """{ subjectSearch(name: "公司", first: 100) { edges { node {
      records(first: 100) { edges { node { id summary type decisionNo occurredOn } } } } } } }"""
    body = await gql(app_client, query)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "代价" in body["errors"][0]["message"]


async def test_page_size_is_capped_at_100(app_client) -> None:
    body = await gql(app_client, "{ listEntries(list: RED, first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    assert "100" in body["errors"][0]["message"]


async def test_syntax_error_has_a_code_and_no_500(app_client) -> None:
    response = await app_client.post("/graphql", json={"query": "{ districts { "})
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_unexpected_errors_are_masked_and_name_the_request() -> None:
    leaked = GraphQLError("boom", original_error=RuntimeError('relation "subject" SELECT * FROM'))
    fixed = fix_error(leaked, "req-1")
    assert fixed.extensions == {"code": "INTERNAL_ERROR", "requestId": "req-1"}
    assert "SELECT" not in fixed.message and "req-1" in fixed.message


async def test_public_introspection_follows_the_setting(app_client) -> None:
    query = "{ __schema { queryType { name } } }"
    assert (await gql(app_client, query))["data"]["__schema"]["queryType"]["name"] == "Query"
    original = get_settings()
    override_settings(dataclasses.replace(original, public_introspection=False))
    try:
        body = await gql(app_client, query)
        assert body["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"
    finally:
        override_settings(original)
