"""Forecasts (issue 14, 11): internal readers, and an enterprise about itself, may ask a
future date and get the state the rules give then if nothing new happens, marked as a
forecast; the public lookup, anonymous or by a partner's token, keeps refusing it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.records.services import RecordInput, create_published
from credit.subjects.models import Subject
from credit.testing import make_partner_token, make_subject, make_user

EVALUATION = """
  evaluation(asOf: $asOf) {
    asOf isForecast
    lists { list since until decisionNo }
    records(first: 10) { totalCount }
  }
"""
INTERNAL = f"""
query Internal($id: ID!, $asOf: Date) {{ internalSubject(id: $id) {{ {EVALUATION} }} }}
"""
MINE = f"""
query Mine($asOf: Date) {{ mySubject {{ id {EVALUATION} }} }}
"""
PUBLIC = """
query Public($uscc: String!, $asOf: Date) { subject(uscc: $uscc, asOf: $asOf) { asOf } }
"""


async def watch_listed() -> Subject:
    """One watch-list case published 100 days ago: on the watch list for a year."""
    s = await make_subject("沈阳预测技防有限公司")
    day = clock.today() - timedelta(days=100)
    await create_published(
        s,
        RecordInput(
            type="watch_list_case",
            occurred_on=day,
            summary="第九条情形",
            situation_code="s08",
            decision_no="沈公技防警〔2026〕101号",
            decision_date=day,
            issuing_unit="沈阳市公安局",
        ),
        day,
        None,
    )
    return s


def leaves_on(s_lists: list[dict[str, Any]]) -> str:
    (entry,) = s_lists
    assert entry["list"] == "WATCH"
    return str(entry["until"])


async def test_an_officer_asks_a_future_date_and_gets_a_forecast(
    app_client: httpx.AsyncClient,
) -> None:
    # given
    s = await watch_listed()
    await make_user("officer", "DISTRICT_OFFICER")
    await sign_in(app_client, "officer")
    today = await gql(app_client, INTERNAL, {"id": str(s.id)})
    until = leaves_on(today["data"]["internalSubject"]["evaluation"]["lists"])
    day_before = (clock.today() + timedelta(days=1)).isoformat()
    # when: the day before it leaves the watch list, and the day it leaves
    before = await gql(
        app_client,
        INTERNAL,
        {"id": str(s.id), "asOf": (date.fromisoformat(until) - timedelta(days=1)).isoformat()},
    )
    after = await gql(app_client, INTERNAL, {"id": str(s.id), "asOf": until})
    tomorrow = await gql(app_client, INTERNAL, {"id": str(s.id), "asOf": day_before})
    # then
    assert today["data"]["internalSubject"]["evaluation"]["isForecast"] is False
    b = before["data"]["internalSubject"]["evaluation"]
    a = after["data"]["internalSubject"]["evaluation"]
    assert b["isForecast"] is True and leaves_on(b["lists"]) == until
    assert (a["isForecast"], a["asOf"], a["lists"]) == (True, until, [])
    assert a["records"]["totalCount"] == 0  # its public window has closed too
    assert tomorrow["data"]["internalSubject"]["evaluation"]["isForecast"] is True


async def test_the_enterprise_forecasts_its_own_state(make_client: Any) -> None:
    s = await watch_listed()
    await make_user("ent", "ENTERPRISE", subject=s)
    client = make_client()
    await sign_in(client, "ent")
    now = await gql(client, MINE, {})
    until = leaves_on(now["data"]["mySubject"]["evaluation"]["lists"])
    later = await gql(client, MINE, {"asOf": until})
    assert later["data"]["mySubject"]["id"] == str(s.id)
    got = later["data"]["mySubject"]["evaluation"]
    assert (got["isForecast"], got["lists"]) == (True, [])


async def test_a_forecast_too_far_ahead_is_a_coded_error_naming_as_of(
    app_client: httpx.AsyncClient,
) -> None:
    s = await watch_listed()
    await make_user("officer", "DISTRICT_OFFICER")
    await sign_in(app_client, "officer")
    far = clock.today().replace(year=clock.today().year + 11).isoformat()
    body = await gql(app_client, INTERNAL, {"id": str(s.id), "asOf": far})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_ARGUMENT"
    assert error["extensions"]["field"] == "asOf"


async def test_the_public_lookup_refuses_a_future_date_for_every_public_reader(
    make_client: Any,
) -> None:
    s = await watch_listed()
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    token = await make_partner_token(scopes=["VIEW_UNMASKED_ID"])
    for client in (make_client(), make_client(headers={"authorization": "Bearer " + token})):
        body = await gql(client, PUBLIC, {"uscc": s.uscc, "asOf": tomorrow})
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "INVALID_ARGUMENT"
        assert error["extensions"]["field"] == "asOf"
        assert body["data"] is None or body["data"]["subject"] is None
        ok = await gql(client, PUBLIC, {"uscc": s.uscc})
        assert ok["data"]["subject"]["asOf"] == clock.today().isoformat()
