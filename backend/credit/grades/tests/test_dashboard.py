"""The dashboard counts what the caller's scope holds."""

from __future__ import annotations

from datetime import timedelta

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.records.services import RecordInput, create_published
from credit.testing import make_subject, make_user

QUERY = """{ dashboard { subjects grades { key count } lists { key count }
  recordsByDistrict { label count } listingsByMonth { month key count }
  objectionsByDeadline { key count } } }"""


async def test_dashboard_counts_lists_and_records(make_client) -> None:
    s = await make_subject()
    await make_subject("另一公司")
    day = clock.today() - timedelta(days=3)
    await create_published(
        s,
        RecordInput(
            type="watch_list_case",
            occurred_on=day,
            summary="情形",
            situation_code="s01",
            decision_no="沈公技防警〔2026〕3号",
            decision_date=day,
            issuing_unit="公安局",
        ),
        day,
        None,
    )
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "reviewer")
    body = await gql(client, QUERY)
    d = body["data"]["dashboard"]
    assert d["subjects"] == 2
    assert {c["key"]: c["count"] for c in d["lists"]} == {"RED": 0, "WATCH": 1, "BLACK": 0}
    assert d["recordsByDistrict"] == [{"label": "和平区", "count": 1}]
    assert d["listingsByMonth"] == [
        {"month": day.strftime("%Y-%m"), "key": "watch_list_case", "count": 1}
    ]
    assert {c["key"] for c in d["objectionsByDeadline"]} == {
        "overdue",
        "due_soon",
        "on_time",
        "not_accepted",
    }
