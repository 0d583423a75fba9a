"""Behind a reverse proxy (issue 13 item 3): a real nginx, configured by the project's own
frontend/nginx.conf, in front of a real app server. Clients are told apart by the address
the trusted proxy forwards; a forwarded header from anyone else is ignored."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from credit.api.tests.servers import STATIC_SCRIPT, app_server, nginx_in_front
from credit.audit.models import AuditEvent
from credit.core.cache import Cache
from credit.core.settings import Settings
from credit.creditreport.routes import REPORTS_PER_MINUTE

# Rate-limited before the code is even validated: a cheap request that counts.
REPORT = "/reports/0.pdf"
BAD_LOGIN = 'mutation { login(username: "nobody", password: "wrong-1") { errors { code } } }'


def client_from(source: str, base_url: str) -> httpx.AsyncClient:
    """A client whose connections come from `source` (any 127.0.0.0/8 address is local)."""
    transport = httpx.AsyncHTTPTransport(local_address=source)
    return httpx.AsyncClient(transport=transport, base_url=base_url)


async def requests_until_refused(
    client: httpx.AsyncClient, headers: Callable[[int], dict[str, str]] = lambda n: {}
) -> int:
    """Requests until the first 429 (at most two windows' worth: a window may roll over
    once in between); 0 if never refused."""
    for n in range(1, 2 * REPORTS_PER_MINUTE + 3):
        response = await client.get(REPORT, headers=headers(n))
        if response.status_code == 429:
            return n
    return 0


@pytest.fixture(scope="module")
async def proxied(database: str, settings: Settings, tmp_path_factory: pytest.TempPathFactory):
    """One app server (trusting only the proxy's address, 127.0.0.5) and nginx in front of
    it, for the whole module: each test uses client addresses of its own."""
    stale = Cache(settings.redis_url)  # counters of an earlier run in this same minute
    await stale.clear_for_tests()
    await stale.close()
    tmp = tmp_path_factory.mktemp("proxy")
    # /metrics allows the proxy's own address: only a caller judged by its real address
    # is refused there.
    env = {"TRUSTED_PROXIES": "127.0.0.5", "METRICS_ALLOW": "127.0.0.5"}
    async with app_server(settings, tmp, **env) as (app_url, _):
        with nginx_in_front(tmp / "nginx", app_url, bind="127.0.0.5") as proxy_url:
            yield app_url, proxy_url


async def test_two_clients_behind_the_proxy_are_limited_separately(proxied) -> None:
    _, proxy_url = proxied
    async with client_from("127.0.0.2", proxy_url) as a, client_from("127.0.0.3", proxy_url) as b:
        # given: client A has used up its report budget through nginx
        assert await requests_until_refused(a) > 0
        # when / then: client B, behind the same proxy, still gets an answer
        response = await b.get(REPORT)
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_USCC"


async def test_a_header_spoofed_through_the_proxy_does_not_reset_the_limit(proxied) -> None:
    _, proxy_url = proxied
    async with client_from("127.0.0.6", proxy_url) as a:
        # nginx appends the real address; only the right-most untrusted entry counts
        spoof = lambda n: {"X-Forwarded-For": f"203.0.113.{n}", "X-Real-IP": f"203.0.113.{n}"}  # noqa: E731
        assert await requests_until_refused(a, spoof) > 0


async def test_a_client_spoofing_the_header_directly_to_the_app_is_not_believed(proxied) -> None:
    app_url, _ = proxied
    # 127.0.0.1: the one address uvicorn's own proxy handling would have believed
    async with client_from("127.0.0.1", app_url) as direct:
        # a fresh invented address on every request: believed, it would never be limited
        n = await requests_until_refused(direct, lambda n: {"X-Forwarded-For": f"198.51.100.{n}"})
        assert n > 0


async def test_the_audit_trail_records_the_real_client_and_the_proxy_request_id(
    db: str, proxied
) -> None:
    _, proxy_url = proxied
    async with client_from("127.0.0.7", proxy_url) as c:
        response = await c.post(
            "/graphql",
            json={"query": BAD_LOGIN},
            headers={"X-Forwarded-For": "203.0.113.7"},
        )
    assert response.status_code == 200, response.text
    request_id = response.headers["x-request-id"]
    event = await AuditEvent.get(action="auth.login_failed", request_id=request_id)
    assert event.client_addr == "127.0.0.7"
    # nginx's $request_id, passed on because nginx is trusted: one id across both logs
    assert event.request_id == request_id and len(request_id) == 32


async def test_every_app_route_is_reachable_through_the_proxy(proxied) -> None:
    _, proxy_url = proxied
    async with client_from("127.0.0.8", proxy_url) as c:
        assert (await c.get("/healthz")).status_code == 200
        graphql = await c.post("/graphql", json={"query": "{ __typename }"})
        assert graphql.json() == {"data": {"__typename": "Query"}}
        report = await c.get("/reports/91210102TQ0000001X.pdf")
        assert report.headers["content-type"].startswith("application/json")  # the app's
        export = await c.get("/export/red-list.csv")
        assert export.status_code == 200 and export.content.startswith("\ufeff红名单".encode())
        # /metrics is proxied too, and refused: the caller is judged by its real address
        assert (await c.get("/metrics")).status_code == 403
        assert (await c.get("/some/spa/page")).status_code == 200


async def test_the_proxy_sends_the_precompressed_files_with_their_cache_rules(proxied) -> None:
    _, proxy_url = proxied
    async with client_from("127.0.0.4", proxy_url) as client:
        asset = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": "gzip"})
        index = await client.get("/subjects/x", headers={"accept-encoding": "gzip"})
        plain = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": "identity"})
    assert asset.headers["content-encoding"] == "gzip"
    assert asset.text == STATIC_SCRIPT
    assert "immutable" in asset.headers["cache-control"]
    assert index.headers["content-encoding"] == "gzip"
    assert index.headers["cache-control"] == "no-cache"
    assert "<title>spa</title>" in index.text
    assert "content-encoding" not in plain.headers and plain.text == STATIC_SCRIPT
