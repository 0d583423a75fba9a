"""From a real public change to the partner: a record published for a watched subject
reaches the webhook receiver (signed) and the subscriber, the same events in the same
order, with only public fields."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from tortoise.transactions import in_transaction

from credit.core import clock
from credit.core.settings import Settings
from credit.records.services import RecordInput, create_published
from credit.watches.delivery import webhooks
from credit.watches.delivery.testing import receiver, serve_in_process, subscription
from credit.watches.delivery.tests.conftest import Partner
from credit.watches.delivery.worker import deliver_due
from credit.watches.tests.helpers import change, watch


@pytest.fixture
async def ws_url(db: str, settings: Settings) -> AsyncIterator[str]:
    from credit.app import create_app

    async with serve_in_process(create_app(settings)) as url:
        yield url


async def test_a_publication_reaches_the_webhook_and_the_subscriber(
    partner: Partner, http: httpx.AsyncClient, ws_url: str
) -> None:
    subject = partner.subjects[0]
    await watch(subject, partner.token_id)
    async with receiver() as r:
        async with in_transaction() as conn:
            secret = (await webhooks.set_webhook(conn, partner.token_id, r.url)).secret
        r.secret = secret or ""
        # when: a watch-list case is published for it (with an internal note)
        today = clock.today()
        case = RecordInput(
            type="watch_list_case",
            occurred_on=today,
            summary="未履行服务承诺",
            situation_code="s03",
            decision_no="沈公技防警〔2026〕9号",
            decision_date=today,
            issuing_unit="沈阳市公安局",
            internal_note="举报人李四",
        )
        await change(lambda c: create_published(subject, case, today, c))
        for _ in range(3):
            await deliver_due(clock.now(), http)
        async with subscription(ws_url, partner.token) as next_event:
            streamed = [await next_event(), await next_event()]
    # then: both channels carry the same two events, in the same order
    pushed = [x.body for x in r.applied]
    assert [b["kind"] for b in pushed] == ["RECORD_PUBLISHED", "LIST_ENTRY_ADDED"]
    assert [m["eventId"] for m in streamed] == [b["eventId"] for b in pushed]
    assert [m["cursor"] for m in streamed] == [b["cursor"] for b in pushed]
    assert all(x.signed for x in r.arrived)
    assert "李四" not in json.dumps(pushed)
