"""Security headers on every response, no inline script allowed anywhere, and no stack
trace or SQL text in any error a client sees (issue 11, Headers)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import connections

from credit.conftest import gql
from credit.core.settings import REPO_DIR, Settings
from credit.testing import make_partner_token, make_subject

EXPECTED = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
# What a client must never see in an error: stack traces, SQL, driver and table names.
LEAK_PATTERNS = re.compile(
    r"Traceback|File \"|\.py\b|SELECT|INSERT|UPDATE \"|FROM \"|relation|asyncpg|sqlite|"
    r"tortoise|subject_gone|no such table",
    re.I,
)


def directives(policy: str) -> dict[str, list[str]]:
    parts = (p.strip().split() for p in policy.split(";") if p.strip())
    return {p[0]: p[1:] for p in parts}


def assert_secured(response: httpx.Response) -> dict[str, list[str]]:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (response.url, name, response.headers)
    csp = directives(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "*" not in scripts and "data:" not in scripts
    return csp


@pytest.fixture
async def client(db: str, cache: Any, settings: Settings, tmp_path: Path) -> AsyncIterator[Any]:
    """The app serving a small built SPA (index.html and one asset)."""
    from credit.app import create_app

    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head><script type="module" src="/assets/app.js"></script>'
        '</head><body><div id="app"></div></body></html>'
    )
    (tmp_path / "assets" / "app.js").write_text("console.log('spa')")
    app = create_app(dataclasses.replace(settings, static_dir=tmp_path))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_every_kind_of_response_carries_the_headers(client) -> None:
    subject = await make_subject()
    responses = {
        "graphql": await client.post("/graphql", json={"query": "{ districts { code } }"}),
        "graphql error": await client.post("/graphql", json={"query": "{ nope }"}),
        "spa": await client.get("/"),
        "spa route": await client.get("/subjects/anything"),
        "asset": await client.get("/assets/app.js"),
        "missing asset": await client.get("/assets/missing.js"),
        "healthz": await client.get("/healthz"),
        "pdf": await client.get(f"/reports/{subject.uscc}.pdf"),
        "pdf bad date": await client.get(f"/reports/{subject.uscc}.pdf?asOf=x"),
        "export": await client.get("/export/red-list.xlsx"),
        "export bad parameter": await client.get("/export/red-list.csv?nope=1"),
        "bad token": await client.post(
            "/graphql",
            json={"query": "{ districts { code } }"},
            headers={"authorization": "Bearer cst_nope"},
        ),
    }
    assert responses["pdf"].headers["content-type"] == "application/pdf"
    assert responses["spa"].status_code == 200 and responses["bad token"].status_code == 401
    for response in responses.values():
        assert_secured(response)


async def test_spa_policy_allows_its_own_scripts_and_inline_styles_only(client) -> None:
    csp = assert_secured(await client.get("/"))
    assert csp["script-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    # Element Plus injects styles at run time: inline styles, never inline scripts.
    assert "'unsafe-inline'" in csp["style-src"]


def _inline_scripts(html: str) -> list[str]:
    tags = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    return [body for attrs, body in tags if "src=" not in attrs]


@pytest.mark.parametrize(
    "index",
    [REPO_DIR / "frontend" / "index.html", REPO_DIR / "frontend" / "dist" / "index.html"],
    ids=["source", "built"],
)
def test_the_spa_index_has_no_inline_script(index: Path) -> None:
    if not index.is_file():
        pytest.skip(f"{index} not built (make -C frontend build; make test-e2e builds it)")
    html = index.read_text("utf-8")
    assert _inline_scripts(html) == []
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


async def test_graphiql_has_its_own_policy_with_hashes_not_unsafe_inline(client) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200 and "graphiql" in response.text.lower()
    csp = assert_secured(response)
    inline = _inline_scripts(response.text)
    assert inline, "GraphiQL boots from one inline script"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp["script-src"]
    for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', response.text):
        assert any(src.startswith(allowed) for allowed in csp["script-src"]), src
    assert csp["connect-src"] == ["'self'"]


async def test_a_database_error_shows_no_sql_or_stack_trace(client, database: str) -> None:
    # given: a database that fails (its subject table is gone)
    subject = await make_subject()
    partner = {"authorization": "Bearer " + await make_partner_token()}
    conn = connections.get("default")
    await conn.execute_script('ALTER TABLE "subject" RENAME TO "subject_gone"')
    try:
        # when: the public and a partner ask, through GraphQL and the PDF route
        graphql = await client.post(
            "/graphql",
            json={
                "query": "query($u: String!) { subject(uscc: $u) { name } }",
                "variables": {"u": subject.uscc},
            },
        )
        as_partner = await client.post(
            "/graphql",
            json={"query": '{ subjectSearch(name: "公司") { totalCount } }'},
            headers=partner,
        )
        pdf = await client.get(f"/reports/{subject.uscc}.pdf")
    finally:
        await conn.execute_script('ALTER TABLE "subject_gone" RENAME TO "subject"')
    # then: a coded error with the request id, nothing of the database or the code
    for response in (graphql, as_partner):
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "INTERNAL_ERROR", error
        assert error["extensions"]["requestId"] in error["message"]
        assert not LEAK_PATTERNS.search(response.text), response.text
        assert_secured(response)
    assert pdf.status_code == 500
    assert not LEAK_PATTERNS.search(pdf.text), pdf.text
    assert_secured(pdf)
    # and the application works again once the database does
    assert (await gql(client, "{ districts { code } }"))["data"] is not None


async def test_errors_suggest_no_field_names(client) -> None:
    # A misspelt field must not reveal the names of fields the caller cannot see (with
    # PUBLIC_INTROSPECTION=false the schema is not the public's to read).
    body = await gql(client, '{ subject(uscc: "x") { idNumbe } }')
    message = body["errors"][0]["message"]
    assert "idNumbe" in message and "Did you mean" not in message, message
