"""LOG_FORMAT=json (issue 13 item 4): a real server; every line it writes is one JSON
object, and every line logged while serving a request carries that request's id, the
one returned as X-Request-ID."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx

from credit.api.tests.servers import app_server, read
from credit.core.cache import Cache
from credit.core.logs import RequestIdFilter, TextFormatter, logging_config, request_id_var
from credit.core.settings import Settings
from credit.testing import make_subject

LOOKUP = "query LookUp($u: String!) { subject(uscc: $u) { name } }"


async def test_every_line_is_json_and_request_lines_carry_the_id(
    db: str, cache: Cache, settings: Settings, tmp_path: Path
) -> None:
    # given: a server logging JSON at DEBUG (access lines and SQL lines included)
    subject = await make_subject()
    ids: list[str] = []
    async with (
        app_server(settings, tmp_path, LOG_FORMAT="json", LOG_LEVEL="DEBUG") as (
            url,
            log,
        ),
        httpx.AsyncClient(base_url=url) as client,
    ):
        # when: a lookup, a refused report, and a request claiming its own id (no
        # proxy is trusted, so the claim is ignored)
        body = {"query": LOOKUP, "variables": {"u": subject.uscc}}
        for response in (
            await client.post("/graphql", json=body),
            await client.get("/reports/0.pdf"),
            await client.get("/healthz", headers={"X-Request-ID": "chosen-by-client-1"}),
        ):
            ids.append(response.headers["x-request-id"])
    # then
    assert "chosen-by-client-1" not in ids and len(set(ids)) == 3
    lines = [line for line in read(log).splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line parses
    for entry in entries:
        assert {"timestamp", "level", "logger", "message"} <= set(entry), entry
    access = [e for e in entries if e["logger"] == "uvicorn.access"]
    assert len(access) >= 3
    # every request line carries an id (the start-up probes' lines have ids of their own)
    assert all(len(e.get("request_id", "")) == 32 for e in access), access
    for request_id in ids:
        mine = [e for e in entries if e.get("request_id") == request_id]
        assert any(e["logger"] == "uvicorn.access" for e in mine)
    # lines logged deep inside the lookup (its SQL) carry the lookup's id too
    sql = [e for e in entries if e["logger"].startswith("tortoise")]
    assert any(e.get("request_id") == ids[0] for e in sql)
    # the server's own lines, outside any request, carry none
    assert any("request_id" not in e and e["logger"].startswith("uvicorn") for e in entries)


def test_plain_text_stays_the_default() -> None:
    assert Settings.from_env({}).log_format == "text"
    config = logging_config("text", "INFO")
    assert config["formatters"]["main"]["()"] is TextFormatter
    record = logging.LogRecord("credit", logging.INFO, __file__, 1, "hello %s", ("x",), None)
    token = request_id_var.set("r1")
    try:
        RequestIdFilter().filter(record)  # what the handler applies to every record
    finally:
        request_id_var.reset(token)
    text = TextFormatter("%(levelname)s %(name)s %(message)s").format(record)
    assert text == "INFO credit hello x [request r1]"
