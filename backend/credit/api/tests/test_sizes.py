"""Sizes: an oversized body is PAYLOAD_TOO_LARGE (413) whether or not it declares its
length; an oversized query text is refused before it is parsed (issue 12 item 6)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

from credit.api.http import MAX_BODY_BYTES
from credit.api.limits import MAX_QUERY_CHARS
from credit.conftest import gql


async def test_a_body_over_the_limit_is_payload_too_large(app_client) -> None:
    body = json.dumps({"query": "{ districts { code } }", "variables": {"x": "a" * MAX_BODY_BYTES}})
    response = await app_client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert error["extensions"]["maxBytes"] == MAX_BODY_BYTES


async def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit(app_client) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"query": "{ districts { code } }", "variables": {"x": "'
        for _ in range(MAX_BODY_BYTES // (1024 * 1024) + 5):
            sent += 1
            yield b"a" * (1024 * 1024)
        yield b'"}}'

    response = await app_client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_a_body_under_the_limit_is_answered(app_client) -> None:
    body = await gql(app_client, "{ districts { code } }", {"x": "a" * 1000})
    assert body == {"data": {"districts": []}}


async def test_an_oversized_query_text_is_refused_before_parsing(app_client) -> None:
    # 2 MB of tokens: tokenizing it took seconds; the size check does not tokenize at all.
    query = "{ districts { code " + "code " * 400_000 + "} }"
    started = time.perf_counter()
    response = await app_client.post("/graphql", json={"query": query})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["maxChars"] == MAX_QUERY_CHARS
    assert "查询文本过长" in error["message"]
    print(f"refused a {len(query)}-character query in {elapsed * 1000:.0f} ms")
