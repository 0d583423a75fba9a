"""The public lookup contract: subject(uscc:, asOf:) as partners code against it."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from credit.conftest import gql
from credit.core import clock
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord
from credit.records.services import RecordInput, create_published, create_record, transition
from credit.testing import make_subject

LOOKUP = """
query Lookup($uscc: String!, $asOf: Date) {
  subject(uscc: $uscc, asOf: $asOf) {
    uscc name kind district { code name }
    grade { level reasons { article summary } }
    lists { list since until decisionNo }
    measures { code name }
    records(first: 10) { totalCount edges { node { id type summary decisionNo } } }
  }
}
"""


def watch_case(day, n: int = 1) -> RecordInput:
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=f"第九条情形 {n}",
        situation_code="s08",
        decision_no=f"沈公技防警〔2026〕{n:03d}号",
        decision_date=day,
        issuing_unit="沈阳市公安局",
    )


async def test_lookup_by_uscc_returns_name_and_kind(app_client: httpx.AsyncClient) -> None:
    # given
    s = await make_subject("沈阳甲技防有限公司")
    # when
    body = await gql(app_client, LOOKUP, {"uscc": s.uscc})
    # then
    assert "errors" not in body
    got = body["data"]["subject"]
    assert (got["uscc"], got["name"], got["kind"]) == (s.uscc, "沈阳甲技防有限公司", "ENTERPRISE")
    assert got["grade"] is None  # Shenyang grades nobody
    assert got["lists"] == [] and got["records"]["totalCount"] == 0


async def test_lookup_argument_is_normalised(app_client: httpx.AsyncClient) -> None:
    s = await make_subject()
    assert s.uscc
    messy = "  " + s.uscc.lower().replace("9", "９") + "　"
    body = await gql(app_client, LOOKUP, {"uscc": messy})
    assert body["data"]["subject"]["uscc"] == s.uscc


@pytest.mark.parametrize(
    ("code", "fault", "text"),
    [
        ("91310115MA1K3BTP2", "length", "18位"),
        ("9131I115MA1K3BTP2B", "character", "第5位"),
        ("91310115MA1K3BTP2C", "check_digit", "校验码"),
    ],
)
async def test_malformed_uscc_is_an_invalid_uscc_error_naming_the_fault(
    app_client: httpx.AsyncClient, code: str, fault: str, text: str
) -> None:
    body = await gql(app_client, LOOKUP, {"uscc": code})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_USCC"
    assert error["extensions"]["fault"] == fault
    assert text in error["message"]


async def test_unknown_well_formed_code_is_null_not_an_error(
    app_client: httpx.AsyncClient,
) -> None:
    body = await gql(app_client, LOOKUP, {"uscc": "91310115MA1K3BTP2B"})
    assert body == {"data": {"subject": None}}


async def test_public_sees_published_records_only(app_client: httpx.AsyncClient) -> None:
    # given: one published watch-list case, one draft, one submitted, one revoked
    s = await make_subject()
    today = clock.today()
    await create_published(
        s, watch_case(today - timedelta(days=3), 1), today - timedelta(days=2), None
    )
    await create_record(s, watch_case(today, 2), None)
    submitted = await create_record(s, watch_case(today, 3), None)
    await transition(submitted, Action.SUBMIT, None)
    revoked = await create_published(
        s, watch_case(today - timedelta(days=9), 4), today - timedelta(days=8), None
    )
    await transition(revoked, Action.REVOKE, None, reason="异议成立")
    # when
    body = await gql(app_client, LOOKUP, {"uscc": s.uscc})
    # then
    got = body["data"]["subject"]
    assert [e["node"]["summary"] for e in got["records"]["edges"]] == ["第九条情形 1"]
    assert [entry["list"] for entry in got["lists"]] == ["WATCH"]
    assert "sy_m4" in [m["code"] for m in got["measures"]]
    assert await CreditRecord.filter(subject_id=s.id).count() == 4


async def test_as_of_a_past_date_answers_what_held_then(app_client: httpx.AsyncClient) -> None:
    # given: one case published 10 days ago, another 3 days ago
    s = await make_subject()
    today = clock.today()
    for published in (10, 3):
        await create_published(
            s,
            watch_case(today - timedelta(days=published + 1)),
            today - timedelta(days=published),
            None,
        )
    # when
    before = await gql(app_client, LOOKUP, {"uscc": s.uscc, "asOf": str(today - timedelta(days=5))})
    long_before = await gql(
        app_client, LOOKUP, {"uscc": s.uscc, "asOf": str(today - timedelta(days=20))}
    )
    now = await gql(app_client, LOOKUP, {"uscc": s.uscc})
    # then: as of 5 days ago only the first was listed; 20 days ago none; today both
    assert [e["list"] for e in before["data"]["subject"]["lists"]] == ["WATCH"]
    assert before["data"]["subject"]["records"]["totalCount"] == 1
    assert long_before["data"]["subject"]["lists"] == []
    assert [e["list"] for e in now["data"]["subject"]["lists"]] == ["WATCH", "WATCH"]


async def test_as_of_never_shows_a_record_revoked_since(app_client: httpx.AsyncClient) -> None:
    # given: published 10 days ago, revoked today (objection upheld)
    s = await make_subject()
    today = clock.today()
    r = await create_published(
        s, watch_case(today - timedelta(days=11)), today - timedelta(days=10), None
    )
    await transition(r, Action.REVOKE, None, reason="异议成立")
    # when: asked as of 5 days ago, when it was public
    before = await gql(app_client, LOOKUP, {"uscc": s.uscc, "asOf": str(today - timedelta(days=5))})
    # then: today's revocation applies to the past (issue 11): no record, no listing
    assert before["data"]["subject"]["lists"] == []
    assert before["data"]["subject"]["records"]["totalCount"] == 0


async def test_as_of_after_today_is_refused(app_client: httpx.AsyncClient) -> None:
    s = await make_subject()
    tomorrow = clock.today() + timedelta(days=1)
    body = await gql(app_client, LOOKUP, {"uscc": s.uscc, "asOf": str(tomorrow)})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "INVALID_ARGUMENT"
    assert error["extensions"]["field"] == "asOf"
