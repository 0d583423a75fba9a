"""The partner's and the administrator's API of webhook delivery: coded errors, a secret
shown once, each partner seeing only its own log, the administrator seeing all."""

from __future__ import annotations

from typing import Any

import httpx

from credit.accounts.models import ApiToken
from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.testing import make_partner_token, make_user
from credit.watches.delivery.models import DeliveryStatus, WatchDelivery
from credit.watches.delivery.testing import watch, write_event
from credit.watches.delivery.tests.conftest import Partner

SET = """mutation S($url: String!) { watchWebhookSet(url: $url) {
  secret webhook { url } errors { field code message } } }"""
ROTATE = "mutation { watchWebhookRotateSecret { secret errors { code } } }"
HOOK = "{ watchWebhook { url } }"
DELIVERIES = """query D($first: Int, $status: WatchDeliveryStatus) {
  watchDeliveries(first: $first, status: $status) { totalCount edges { node {
    id uscc cursor eventId eventKind status statusName attemptLog { number outcome } } } } }"""
ADMIN = """query A($t: ID!) { apiTokenWatch(tokenId: $t) { watchCount webhookUrl failedCount }
  apiTokenWatchDeliveries(tokenId: $t) { totalCount edges { node { id tokenId status } } } }"""
EVERYONE = """{ apiTokenWatchDeliveries { totalCount } }"""
REDRIVE = """mutation R($ids: [ID!]!) { watchDeliveriesRedrive(ids: $ids) {
  deliveries { id status } errors { code field } } }"""
ADMIN_REDRIVE = """mutation R($ids: [ID!]!) { apiTokenWatchDeliveriesRedrive(ids: $ids) {
  deliveries { id status } errors { code } } }"""


async def _as(client: httpx.AsyncClient, partner: Partner, query: str, **v: Any) -> Any:
    return await gql(client, query, v, headers=partner.headers)


async def test_set_gives_the_secret_once_and_refuses_bad_urls(
    app_client: httpx.AsyncClient, partner: Partner
) -> None:
    # http, or a private address: a coded error naming the field, nothing written
    for url in ("http://partner.example.cn/hook", "https://10.0.0.8/hook", "http://127.0.0.1:9/"):
        body = await _as(app_client, partner, SET, url=url)
        assert body["data"]["watchWebhookSet"]["errors"][0]["field"] == "url"
        assert body["data"]["watchWebhookSet"]["errors"][0]["code"] == "INVALID"
    assert (await _as(app_client, partner, HOOK))["data"]["watchWebhook"] is None
    # the first set: the secret, once
    body = await _as(app_client, partner, SET, url="https://partner.example.cn/hook")
    first = body["data"]["watchWebhookSet"]
    assert first["errors"] == [] and first["secret"].startswith("whsec_")
    # a new URL keeps the secret (not shown again)
    body = await _as(app_client, partner, SET, url="https://partner.example.cn/v2")
    assert body["data"]["watchWebhookSet"]["secret"] is None
    assert (await _as(app_client, partner, HOOK))["data"]["watchWebhook"]["url"].endswith("/v2")
    # rotation: a new one
    rotated = (await _as(app_client, partner, ROTATE))["data"]["watchWebhookRotateSecret"]
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != first["secret"]
    actions = [e.action for e in await AuditEvent.all().order_by("id")]
    assert actions == ["watch_webhook.set", "watch_webhook.set", "watch_webhook.rotate_secret"]
    assert all(first["secret"] not in str(e.after) for e in await AuditEvent.all())


async def test_without_the_scope_or_a_token_it_is_refused(
    app_client: httpx.AsyncClient, db: str
) -> None:
    other = await make_partner_token(["VIEW_UNMASKED_ID"])
    body = await gql(app_client, HOOK, headers={"authorization": f"Bearer {other}"})
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    body = await gql(app_client, SET, {"url": "https://a.example.cn/"})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def _failed_delivery(token_id: int, subject: Any) -> WatchDelivery:
    await watch(token_id, subject)
    event = await write_event(subject)
    return await WatchDelivery.create(
        token_id=token_id,
        event_id=event.id,
        position=event.position,
        uscc=event.uscc,
        status=DeliveryStatus.FAILED,
        attempts=3,
        next_attempt_at=clock.now(),
        last_status_code=500,
        last_error="HTTP 500",
    )


async def test_each_partner_sees_and_redrives_only_its_own_deliveries(
    app_client: httpx.AsyncClient, partner: Partner
) -> None:
    secret = await make_partner_token(["WATCH_SUBJECTS"])
    other_token = await ApiToken.get(prefix=secret[:10])
    other = Partner(secret, other_token.id, partner.subjects)
    mine = await _failed_delivery(partner.token_id, partner.subjects[0])
    theirs = await _failed_delivery(other.token_id, partner.subjects[1])
    page = (await _as(app_client, partner, DELIVERIES))["data"]["watchDeliveries"]
    assert page["totalCount"] == 1
    node = page["edges"][0]["node"]
    assert node["id"] == str(mine.id) and node["status"] == "FAILED"
    assert node["statusName"] == "投递失败" and node["eventKind"] == "GRADE_CHANGED"
    # another token's delivery cannot be re-driven
    body = await _as(app_client, partner, REDRIVE, ids=[str(theirs.id)])
    assert body["data"]["watchDeliveriesRedrive"]["errors"][0]["code"] == "INVALID_STATE"
    body = await _as(app_client, partner, REDRIVE, ids=[str(mine.id)])
    assert body["data"]["watchDeliveriesRedrive"]["deliveries"] == [
        {"id": str(mine.id), "status": "PENDING"}
    ]
    assert (await WatchDelivery.get(id=theirs.id)).status == DeliveryStatus.FAILED
    # the page size is capped
    body = await _as(app_client, partner, DELIVERIES, first=101)
    assert body["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    # and the administrator's queries are not the partner's
    body = await _as(app_client, partner, ADMIN, t=str(partner.token_id))
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_the_administrator_sees_every_token_and_redrives(
    make_client: Any, partner: Partner
) -> None:
    await make_user("admin", "ADMIN")
    admin = make_client()
    await sign_in(admin, "admin")
    failed = await _failed_delivery(partner.token_id, partner.subjects[0])
    body = await gql(admin, ADMIN, {"t": str(partner.token_id)})
    assert body["data"]["apiTokenWatch"] == {"watchCount": 1, "webhookUrl": None, "failedCount": 1}
    assert body["data"]["apiTokenWatchDeliveries"]["totalCount"] == 1
    everyone = await gql(admin, EVERYONE)
    assert everyone["data"]["apiTokenWatchDeliveries"]["totalCount"] == 1
    body = await gql(admin, ADMIN_REDRIVE, {"ids": [str(failed.id)]})
    assert body["data"]["apiTokenWatchDeliveriesRedrive"]["deliveries"][0]["status"] == "PENDING"
