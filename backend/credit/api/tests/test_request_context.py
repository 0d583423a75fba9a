"""The request middleware in-process: X-Request-ID on every answer, an incoming id kept
only from a trusted proxy and only when harmless."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest

from credit.core.cache import Cache
from credit.core.netaddr import parse_networks
from credit.core.settings import Settings


@pytest.fixture
async def behind_proxy(  # the in-process client's address, 127.0.0.1, is the proxy here
    db: str, cache: Cache, settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    from credit.app import create_app

    trusting = replace(settings, trusted_proxies=parse_networks("T", "127.0.0.1"))
    transport = httpx.ASGITransport(app=create_app(trusting))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_every_answer_carries_a_request_id(app_client: httpx.AsyncClient) -> None:
    for path in ("/healthz", "/reports/0.pdf", "/metrics", "/no/such/page"):
        assert len((await app_client.get(path)).headers["x-request-id"]) == 32


async def test_an_id_from_an_untrusted_caller_is_replaced(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/healthz", headers={"X-Request-ID": "abcdef0123456789"})
    assert response.headers["x-request-id"] != "abcdef0123456789"


async def test_a_trusted_proxy_id_is_kept_when_sane(behind_proxy: httpx.AsyncClient) -> None:
    sane = await behind_proxy.get("/healthz", headers={"X-Request-ID": "abcdef0123456789"})
    assert sane.headers["x-request-id"] == "abcdef0123456789"
    for bad in ("short", "has space in it", "x" * 65, "quote\"inside'it"):
        response = await behind_proxy.get("/healthz", headers={"X-Request-ID": bad})
        assert response.headers["x-request-id"] != bad


async def test_graphql_answers_carry_the_proxy_id(behind_proxy: httpx.AsyncClient) -> None:
    # the id GraphQL puts in an INTERNAL_ERROR (scope["credit.request_id"]) is this one too
    response = await behind_proxy.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"X-Request-ID": "nginx-id-0001", "X-Forwarded-For": "203.0.113.5"},
    )
    assert response.headers["x-request-id"] == "nginx-id-0001"
