"""The built SPA as a browser gets it: precompressed files when the client accepts their
coding, long-lived caching for hashed assets, revalidation for index.html."""

from __future__ import annotations

import dataclasses
import gzip
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from credit.core.settings import Settings

INDEX = (
    '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js">'
    "</script></head><body></body></html>"
)
SCRIPT = "console.log('spa');" * 50
# Not real brotli: the app never decodes, it only picks the file (httpx leaves unknown
# codings alone when the brotli package is absent, so the raw bytes arrive as written).
FAKE_BR = b"BR:" + SCRIPT.encode()


@pytest.fixture
async def client(db: str, cache: Any, settings: Settings, tmp_path: Path) -> AsyncIterator[Any]:
    from credit.app import create_app

    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(INDEX.encode()))
    (tmp_path / "assets" / "app-1a2b.js").write_text(SCRIPT)
    (tmp_path / "assets" / "app-1a2b.js.gz").write_bytes(gzip.compress(SCRIPT.encode()))
    (tmp_path / "assets" / "app-1a2b.js.br").write_bytes(FAKE_BR)
    (tmp_path / "assets" / "plain-9f.css").write_text("body{}")
    app = create_app(dataclasses.replace(settings, static_dir=tmp_path))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_brotli_is_preferred_when_accepted(client) -> None:
    r = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": "gzip, br"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "br"
    assert r.headers["content-type"].startswith("text/javascript")
    assert r.headers["vary"] == "Accept-Encoding"
    assert r.content == FAKE_BR


async def test_gzip_when_only_gzip_is_accepted(client) -> None:
    r = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) < len(SCRIPT)
    assert r.text == SCRIPT  # httpx decoded the gzip body


@pytest.mark.parametrize("accept", ["identity", "", "br;q=0, gzip;q=0", "compress"])
async def test_the_plain_file_when_no_coding_is_accepted(client, accept: str) -> None:
    r = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": accept})
    assert "content-encoding" not in r.headers
    assert r.text == SCRIPT


async def test_a_file_without_compressed_siblings_is_served_plain(client) -> None:
    r = await client.get("/assets/plain-9f.css", headers={"accept-encoding": "gzip, br"})
    assert r.status_code == 200 and "content-encoding" not in r.headers
    assert r.text == "body{}"


async def test_hashed_assets_are_immutable_and_the_index_revalidates(client) -> None:
    asset = await client.get("/assets/app-1a2b.js", headers={"accept-encoding": "br"})
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("/", "/index.html", "/lists/blacklist"):
        index = await client.get(path, headers={"accept-encoding": "gzip"})
        assert index.headers["cache-control"] == "no-cache", path
        assert index.headers["content-encoding"] == "gzip", path
        assert index.headers["content-type"].startswith("text/html"), path
        assert index.text == INDEX, path


async def test_the_compressed_files_are_not_addressable_themselves(client) -> None:
    r = await client.get("/assets/app-1a2b.js.br")
    assert r.status_code == 404
