"""The watchEvents subscription over a real WebSocket (issue 17, items 3b and 4): token
authentication in connection_init (4401 / 4403), the Origin check, replay after a cursor
then live events, each with its cursor, and resuming without loss or duplicates."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Subprotocol

from credit.core.settings import Settings
from credit.testing import make_partner_token
from credit.watches.delivery.testing import serve_in_process, subscription, watch, write_event
from credit.watches.delivery.tests.conftest import Partner
from credit.watches.types import encode_position

PROTOCOL = [Subprotocol("graphql-transport-ws")]


@pytest.fixture
async def ws_url(db: str, settings: Settings) -> AsyncIterator[str]:
    from credit.app import create_app

    async with serve_in_process(create_app(settings)) as url:
        yield url


async def _close_code(url: str, payload: dict[str, str] | None) -> int:
    async with connect(url, subprotocols=PROTOCOL) as ws:
        message = {"type": "connection_init"}
        if payload is not None:
            message["payload"] = payload  # type: ignore[assignment]
        await ws.send(json.dumps(message))
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code


async def test_refused_without_a_valid_token_or_the_scope(ws_url: str, partner: Partner) -> None:
    assert await _close_code(ws_url, None) == 4401
    assert await _close_code(ws_url, {"authorization": "Bearer cst_not-a-token"}) == 4401
    no_scope = await make_partner_token(["VIEW_UNMASKED_ID"])
    assert await _close_code(ws_url, {"authorization": f"Bearer {no_scope}"}) == 4403


async def test_a_page_on_another_origin_cannot_open_a_socket(ws_url: str, partner: Partner) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            ws_url,
            subprotocols=PROTOCOL,
            origin="https://evil.example",  # type: ignore[arg-type]
        ):
            pass
    assert refused.value.response.status_code == 403


async def test_replays_after_the_cursor_then_streams_and_resumes(
    ws_url: str, partner: Partner
) -> None:
    a, b, c = partner.subjects
    await watch(partner.token_id, a)
    await watch(partner.token_id, b)
    # given: three events already written (and one of an unwatched subject)
    old = [await write_event(a), await write_event(b)]
    await write_event(c)
    old.append(await write_event(a))
    seen: list[dict[str, str]] = []
    async with subscription(ws_url, partner.token) as next_event:
        # then: the past ones are replayed, in order, each with its cursor
        for _ in old:
            seen.append(await next_event())
        assert [m["cursor"] for m in seen] == [encode_position(e.position) for e in old]
        assert [m["eventId"] for m in seen] == [str(e.event_id) for e in old]
        # and new ones are streamed as they are written
        new = await write_event(b)
        message = await next_event()
        assert message["cursor"] == encode_position(new.position) and message["uscc"] == b.uscc
        seen.append(message)
    # when: the client reconnects after its last cursor, having missed two events
    missed = [await write_event(a), await write_event(b)]
    async with subscription(ws_url, partner.token, after=seen[-1]["cursor"]) as next_event:
        resumed = [await next_event(), await next_event()]
    # then: exactly the missed ones, no duplicates
    assert [m["eventId"] for m in resumed] == [str(e.event_id) for e in missed]


async def test_a_revoked_token_stops_the_stream(ws_url: str, partner: Partner) -> None:
    from credit.accounts.models import ApiToken
    from credit.core import clock

    a = partner.subjects[0]
    await watch(partner.token_id, a)
    await write_event(a)
    async with connect(ws_url, subprotocols=PROTOCOL) as ws:
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {partner.token}"}}
        await ws.send(json.dumps(init))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        query = "subscription { watchEvents { cursor } }"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "next"
        # when: the administrator revokes the token
        await ApiToken.filter(id=partner.token_id).update(revoked_at=clock.now())
        await write_event(a)
        # then: the subscription completes, and the new event is not sent
        message = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert message == {"id": "1", "type": "complete"}
