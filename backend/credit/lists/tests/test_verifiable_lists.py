"""Verifiable lists (issue 14, 8): the decision behind every list entry, the decisions
of the cases it counts (only number and date once their public window has closed), the
end of every public record's window, and asOf on the list pages and the batch lookup."""

from __future__ import annotations

import re
from datetime import date, timedelta

import httpx
from tortoise.transactions import in_transaction

from credit.conftest import gql
from credit.core import clock, dataversion
from credit.lists.models import ListingDecision
from credit.records.services import RecordInput, create_published
from credit.subjects.models import Subject
from credit.testing import make_subject

PROFILE = """
query Profile($uscc: String!, $asOf: Date) {
  subject(uscc: $uscc, asOf: $asOf) {
    asOf isForecast
    lists {
      list since until decisionNo decisionDate recordIds
      basis {
        recordId decisionNo decisionDate publicWindowEnded summary typeName issuingUnit
        publishedOn publicUntil
      }
    }
    records(first: 20) { edges { node { id decisionNo publishedOn publicUntil } } }
  }
}
"""
LIST = """
query List($list: ListKind!, $asOf: Date) {
  listEntries(list: $list, asOf: $asOf) {
    totalCount edges { node { list since until decisionNo subjectName uscc } }
  }
}
"""
BATCH = """
query Batch($usccs: [String!]!, $asOf: Date) {
  subjects(usccs: $usccs, asOf: $asOf) { uscc asOf lists { list decisionNo } }
}
"""
# a blacklisting reached by the count, numbered by the bureau (SY 第十二条)
ISSUED = re.compile(r"^沈公信黑决〔\d{4}〕\d+号$")
AGES = (1400, 1000, 600, 200, 10)  # days since each case; the last one reaches five


def case(day: date, n: int) -> RecordInput:
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=f"第九条情形 {n}",
        situation_code="s08",
        decision_no=f"沈公技防警〔{day.year}〕{n:03d}号",
        decision_date=day,
        issuing_unit="沈阳市公安局",
    )


async def blacklisted(name: str = "沈阳黑名单技防有限公司") -> Subject:
    """Five counted watch-list cases; only the last two are still public (1 year)."""
    s = await make_subject(name)
    today = clock.today()
    for n, age in enumerate(AGES, start=1):
        day = today - timedelta(days=age)
        await create_published(s, case(day, n), day, None)
    return s


async def test_blacklist_entry_has_its_own_decision_and_shows_every_counted_case(
    app_client: httpx.AsyncClient,
) -> None:
    # given
    s = await blacklisted()
    # when
    body = await gql(app_client, PROFILE, {"uscc": s.uscc})
    # then
    assert "errors" not in body, body
    lists = body["data"]["subject"]["lists"]
    (black,) = [e for e in lists if e["list"] == "BLACK"]
    assert ISSUED.match(black["decisionNo"]), black["decisionNo"]
    assert black["decisionDate"] == clock.today().isoformat()
    basis = black["basis"]
    assert [b["decisionNo"] for b in basis] == [
        f"沈公技防警〔{(clock.today() - timedelta(days=age)).year}〕{n:03d}号"
        for n, age in enumerate(AGES, start=1)
    ]
    assert [b["decisionDate"] for b in basis] == [
        (clock.today() - timedelta(days=age)).isoformat() for age in AGES
    ]
    closed, open_ = basis[:3], basis[3:]
    # a case whose public window has closed: number and date only
    for b in closed:
        assert b["publicWindowEnded"] is True
        assert (b["summary"], b["typeName"], b["issuingUnit"], b["publicUntil"]) == (
            None,
            None,
            None,
            None,
        )
    for b in open_:
        assert b["publicWindowEnded"] is False
        assert b["summary"].startswith("第九条情形") and b["issuingUnit"] == "沈阳市公安局"
        published = date.fromisoformat(b["publishedOn"])
        assert b["publicUntil"] == published.replace(year=published.year + 1).isoformat()
    # the watch-list entries carry their case's own decision
    watch = [e for e in lists if e["list"] == "WATCH"]
    assert {e["decisionNo"] for e in watch} == {b["decisionNo"] for b in open_}


async def test_every_public_record_has_its_public_until(app_client: httpx.AsyncClient) -> None:
    s = await blacklisted()
    body = await gql(app_client, PROFILE, {"uscc": s.uscc})
    nodes = [e["node"] for e in body["data"]["subject"]["records"]["edges"]]
    assert len(nodes) == 2
    for n in nodes:
        published = date.fromisoformat(n["publishedOn"])
        assert n["publicUntil"] == published.replace(year=published.year + 1).isoformat()


async def test_the_listing_decision_is_issued_once(app_client: httpx.AsyncClient) -> None:
    # given a blacklisted subject
    s = await blacklisted()
    first = await gql(app_client, PROFILE, {"uscc": s.uscc})
    number = next(e for e in first["data"]["subject"]["lists"] if e["list"] == "BLACK")
    # when a sixth case is published, and the list page is read
    async with in_transaction() as conn:
        await create_published(s, case(clock.today(), 9), clock.today(), conn)
        await dataversion.bump(conn)  # as the publishing mutation does
    again = await gql(app_client, PROFILE, {"uscc": s.uscc})
    page = await gql(app_client, LIST, {"list": "BLACK"})
    # then the same decision still lists it, on the profile and on the list page
    black = next(e for e in again["data"]["subject"]["lists"] if e["list"] == "BLACK")
    assert black["decisionNo"] == number["decisionNo"]
    assert len(black["basis"]) == 6
    (node,) = [e["node"] for e in page["data"]["listEntries"]["edges"]]
    assert node["decisionNo"] == number["decisionNo"]
    assert await ListingDecision.filter(subject_id=s.id, kind="BLACK").count() == 1


async def test_the_listing_notice_names_the_decision(app_client: httpx.AsyncClient) -> None:
    from credit.accounts.actor import ANONYMOUS
    from credit.casework.filing import list_entries_now
    from credit.notices.models import Notice
    from credit.notices.services import on_list_change

    s = await make_subject()
    today = clock.today()
    for n, age in enumerate(AGES[:4], start=1):
        day = today - timedelta(days=age)
        await create_published(s, case(day, n), day, None)
    before = await list_entries_now(None, s)
    await create_published(s, case(today, 5), today, None)
    after = await list_entries_now(None, s)
    await on_list_change(None, ANONYMOUS, s, before, after, change_id="test")
    decision = await ListingDecision.get(subject_id=s.id, kind="BLACK")
    notice = await Notice.get(subject_id=s.id, title__contains="黑名单")
    assert decision.decision_no in notice.body


async def test_lists_as_of_a_past_date(app_client: httpx.AsyncClient) -> None:
    # given a subject blacklisted 10 days ago by its fifth case
    s = await blacklisted()
    past = (clock.today() - timedelta(days=30)).isoformat()
    # when
    now = await gql(app_client, LIST, {"list": "BLACK"})
    then = await gql(app_client, LIST, {"list": "BLACK", "asOf": past})
    watch_then = await gql(app_client, LIST, {"list": "WATCH", "asOf": past})
    # then: blacklisted today, not 30 days ago; one public watch entry then (200 days)
    assert now["data"]["listEntries"]["totalCount"] == 1
    assert then["data"]["listEntries"] == {"totalCount": 0, "edges": []}
    (entry,) = [e["node"] for e in watch_then["data"]["listEntries"]["edges"]]
    assert entry["uscc"] == s.uscc and entry["decisionNo"].startswith("沈公技防警")


async def test_batch_lookup_as_of_a_past_date(app_client: httpx.AsyncClient) -> None:
    s = await blacklisted()
    other = await make_subject("沈阳乙技防有限公司")
    past = (clock.today() - timedelta(days=30)).isoformat()
    body = await gql(app_client, BATCH, {"usccs": [s.uscc, other.uscc], "asOf": past})
    assert "errors" not in body, body
    first, second = body["data"]["subjects"]
    assert first["asOf"] == past and [e["list"] for e in first["lists"]] == ["WATCH"]
    assert second["lists"] == []
    today = await gql(app_client, BATCH, {"usccs": [s.uscc]})
    assert {e["list"] for e in today["data"]["subjects"][0]["lists"]} == {"BLACK", "WATCH"}


async def test_public_queries_refuse_a_future_date(app_client: httpx.AsyncClient) -> None:
    s = await blacklisted()
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    for query, variables in (
        (PROFILE, {"uscc": s.uscc, "asOf": tomorrow}),
        (LIST, {"list": "WATCH", "asOf": tomorrow}),
        (BATCH, {"usccs": [s.uscc], "asOf": tomorrow}),
    ):
        body = await gql(app_client, query, variables)
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "INVALID_ARGUMENT"
        assert error["extensions"]["field"] == "asOf"


async def test_an_imported_blacklisting_gets_its_listing_decision(db: str) -> None:
    from credit.lists.models import ListEntry
    from credit.records.importer import import_rows
    from credit.records.tests.test_importer import make_places, subject_row, watch_row

    # given a bulk import of five published watch-list cases of one subject
    clock.freeze(clock.now())
    try:
        await make_places()
        rows = [subject_row(1)] + [watch_row(1, case=k, days=30 + 100 * k) for k in range(5)]
        # when
        report = await import_rows(rows)
    finally:
        clock.freeze(None)
    # then the blacklist entry it reaches names a decision of its own
    assert report.ok, report.describe()
    entry = await ListEntry.get(kind="BLACK")
    assert entry.decision_no and ISSUED.match(entry.decision_no)
    decision = await ListingDecision.get(subject_id=entry.subject_id)
    assert decision.decision_no == entry.decision_no
