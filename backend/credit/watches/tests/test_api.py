"""The partner's watch list through the API: the scope, per-code results, the limits, and
a token sees and changes only its own watches and events."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.core.settings import Settings, override_settings
from credit.policies.facts import SubjectKind
from credit.records.services import RecordInput, create_published
from credit.testing import make_partner_token, make_subject, make_user
from credit.watches.models import Watch, WatchSnapshot
from credit.watches.tests.helpers import change

ADD = """mutation($u: [String!]!) { watchAdd(usccs: $u) {
  added results { input uscc outcome reason message } errors { code field message } } }"""
REMOVE = """mutation($u: [String!]!) { watchRemove(usccs: $u) {
  removed results { input uscc outcome } errors { code field } } }"""
LIST = """query($f: Int, $a: String) { watches(first: $f, after: $a) {
  totalCount edges { node { uscc subjectName createdAt } } pageInfo { hasNextPage endCursor } } }"""
EVENTS = """query($a: String, $f: Int) { watchEventsPage(after: $a, first: $f) {
  events { eventId cursor uscc kind effectiveDate before after reasons { summary rule article } }
  endCursor hasNextPage } }"""


async def _partner(make_client, scopes: list[str] | None = None):
    secret = await make_partner_token(["WATCH_SUBJECTS"] if scopes is None else scopes)
    return make_client(headers={"authorization": f"Bearer {secret}"})


def _data(body: dict[str, Any], name: str) -> Any:
    assert "errors" not in body, body.get("errors")
    return body["data"][name]


async def test_watch_add_answers_each_code(make_client) -> None:
    # given
    a, b = await make_subject("甲公司"), await make_subject("乙公司")
    person = await make_subject("张三", kind=SubjectKind.NATURAL_PERSON)
    partner = await _partner(make_client)
    await gql(partner, ADD, {"u": [b.uscc]})
    assert a.uscc is not None
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in a.uscc.lower())  # ａｂｃ
    # when
    body = await gql(
        partner,
        ADD,
        {"u": [fullwidth, b.uscc, "91210102TQ000000X", person.uscc, a.uscc, "bad!"]},
    )
    # then
    payload = _data(body, "watchAdd")
    outcomes = [(r["uscc"], r["outcome"], r["reason"]) for r in payload["results"]]
    assert outcomes[0] == (a.uscc, "ADDED", None)
    assert outcomes[1] == (b.uscc, "ALREADY_WATCHED", None)
    assert outcomes[2][1] in {"INVALID", "UNKNOWN_SUBJECT"}
    assert outcomes[3][1] == "UNKNOWN_SUBJECT"  # a natural person is not watched by code
    assert outcomes[4] == (a.uscc, "ALREADY_WATCHED", None)  # repeated in the same call
    assert outcomes[5][1:] == ("INVALID", "length") and outcomes[5][0] is None
    assert all(r["message"] for r in payload["results"])  # a Chinese word for each
    assert payload["added"] == 1 and payload["errors"] == []
    assert await Watch.all().count() == 2
    assert await WatchSnapshot.filter(subject_id=a.id).exists()
    audit = await AuditEvent.filter(action="watch.add").count()
    assert audit == 2


async def test_a_well_formed_unknown_code_is_unknown_subject(make_client) -> None:
    from credit.testing import make_uscc

    partner = await _partner(make_client)
    body = await gql(partner, ADD, {"u": [make_uscc(9999999)]})
    [result] = _data(body, "watchAdd")["results"]
    assert result["outcome"] == "UNKNOWN_SUBJECT" and result["reason"] is None


async def test_the_scope_is_required(make_client) -> None:
    s = await make_subject()
    reader = await _partner(make_client, ["VIEW_UNMASKED_ID"])
    anonymous = make_client()
    await make_user("reviewer", "CITY_REVIEWER")
    staff = make_client()
    await sign_in(staff, "reviewer")
    for client in (reader, anonymous, staff):
        body = await gql(client, ADD, {"u": [s.uscc]})
        assert body["errors"][0]["extensions"]["code"] in {"PERMISSION_DENIED", "UNAUTHENTICATED"}
        body = await gql(client, EVENTS, {})
        assert body["errors"][0]["extensions"]["code"] in {"PERMISSION_DENIED", "UNAUTHENTICATED"}
    assert await Watch.all().count() == 0


async def test_more_than_1000_codes_are_refused_whole(make_client) -> None:
    s = await make_subject()
    partner = await _partner(make_client)
    body = await gql(partner, ADD, {"u": [s.uscc] * 1001})
    payload = _data(body, "watchAdd")
    assert payload["results"] is None
    assert payload["errors"][0]["code"] == "INVALID" and payload["errors"][0]["field"] == "usccs"
    assert await Watch.all().count() == 0
    body = await gql(partner, ADD, {"u": [s.uscc] * 1000})
    assert _data(body, "watchAdd")["added"] == 1


@pytest.fixture
def small_limit(settings: Settings):
    override_settings(dataclasses.replace(settings, watch_limit_per_token=2))
    yield 2
    override_settings(settings)


async def test_the_limit_per_token_refuses_the_whole_batch(make_client, small_limit) -> None:
    subjects = [await make_subject(f"公司{i}") for i in range(3)]
    partner = await _partner(make_client)
    await gql(partner, ADD, {"u": [subjects[0].uscc]})
    body = await gql(partner, ADD, {"u": [s.uscc for s in subjects]})
    payload = _data(body, "watchAdd")
    assert payload["errors"][0]["code"] == "WATCH_LIMIT_EXCEEDED"
    assert "2" in payload["errors"][0]["message"]
    assert await Watch.all().count() == 1  # nothing half-written
    # re-adding what is already watched does not count twice
    body = await gql(partner, ADD, {"u": [subjects[0].uscc, subjects[1].uscc]})
    assert _data(body, "watchAdd")["added"] == 1


async def test_a_partner_sees_and_removes_only_its_own_watches(make_client) -> None:
    a, b = await make_subject("甲公司"), await make_subject("乙公司")
    mine, theirs = await _partner(make_client), await _partner(make_client)
    await gql(mine, ADD, {"u": [a.uscc]})
    await gql(theirs, ADD, {"u": [b.uscc]})
    listed = _data(await gql(mine, LIST, {}), "watches")
    assert listed["totalCount"] == 1
    assert listed["edges"][0]["node"]["uscc"] == a.uscc
    assert listed["edges"][0]["node"]["subjectName"] == "甲公司"
    # removing another partner's watch does nothing
    body = await gql(mine, REMOVE, {"u": [b.uscc, a.uscc, "x"]})
    payload = _data(body, "watchRemove")
    assert [r["outcome"] for r in payload["results"]] == ["NOT_WATCHED", "REMOVED", "INVALID"]
    assert payload["removed"] == 1
    assert [w.uscc for w in await Watch.all()] == [b.uscc]


async def test_watches_are_paginated_with_a_cap(make_client) -> None:
    subjects = [await make_subject(f"公司{i}") for i in range(3)]
    partner = await _partner(make_client)
    await gql(partner, ADD, {"u": [s.uscc for s in subjects]})
    page = _data(await gql(partner, LIST, {"f": 2}), "watches")
    assert len(page["edges"]) == 2 and page["pageInfo"]["hasNextPage"]
    rest = _data(await gql(partner, LIST, {"f": 2, "a": page["pageInfo"]["endCursor"]}), "watches")
    assert [e["node"]["uscc"] for e in rest["edges"]] == [subjects[2].uscc]
    too_many = await gql(partner, LIST, {"f": 101})
    assert too_many["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"


def _case(n: int) -> RecordInput:
    today = clock.today()
    return RecordInput(
        type="watch_list_case",
        occurred_on=today,
        summary="未履行服务承诺",
        situation_code="s03",
        decision_no=f"沈公技防警〔2026〕{n}号",
        decision_date=today,
        issuing_unit="沈阳市公安局",
    )


async def test_events_page_polls_own_events_after_the_cursor(make_client) -> None:
    # given: two partners watching different subjects, then a change to each
    a, b = await make_subject("甲公司"), await make_subject("乙公司")
    mine, theirs = await _partner(make_client), await _partner(make_client)
    await gql(mine, ADD, {"u": [a.uscc]})
    await gql(theirs, ADD, {"u": [b.uscc]})
    today = clock.today()
    await change(lambda c: create_published(a, _case(1), today, c))
    await change(lambda c: create_published(b, _case(2), today, c))
    # when: polling one event at a time
    first = _data(await gql(mine, EVENTS, {"f": 1}), "watchEventsPage")
    second = _data(await gql(mine, EVENTS, {"f": 1, "a": first["endCursor"]}), "watchEventsPage")
    third = _data(await gql(mine, EVENTS, {"f": 1, "a": second["endCursor"]}), "watchEventsPage")
    # then: only my subject's events, in order, and the cursor resumes exactly
    assert [e["kind"] for e in first["events"]] == ["RECORD_PUBLISHED"]
    assert first["hasNextPage"]
    assert [e["kind"] for e in second["events"]] == ["LIST_ENTRY_ADDED"]
    assert not second["hasNextPage"]
    assert third["events"] == [] and third["endCursor"] == second["endCursor"]
    event = second["events"][0]
    assert event["uscc"] == a.uscc and event["effectiveDate"] == today.isoformat()
    assert event["after"]["lists"][0]["list"] == "WATCH"
    assert event["reasons"][0]["summary"].startswith("列入警示目录")
    theirs_page = _data(await gql(theirs, EVENTS, {}), "watchEventsPage")
    assert {e["uscc"] for e in theirs_page["events"]} == {b.uscc}


async def test_bad_cursor_and_page_size_are_coded(make_client) -> None:
    partner = await _partner(make_client)
    for variables, field in (
        ({"a": "nonsense"}, "after"),
        ({"f": 101}, "first"),
        ({"f": -1}, "first"),
    ):
        body = await gql(partner, EVENTS, variables)
        error = body["errors"][0]
        assert error["extensions"]["code"] == "INVALID_ARGUMENT"
        assert error["extensions"]["field"] == field
