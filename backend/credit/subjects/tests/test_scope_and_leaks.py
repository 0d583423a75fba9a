"""Data scope (a district officer sees and writes only its district) and leaks (the public
never sees what it may not, through any field)."""

from __future__ import annotations

from datetime import timedelta

from credit.accounts.crypto import protect_id_number
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.grades.services import reevaluate
from credit.policies.facts import SubjectKind
from credit.records.lifecycle import Action
from credit.records.services import RecordInput, create_published, create_record, transition
from credit.subjects.models import District, Subject
from credit.testing import make_place, make_subject, make_user

SECRET = "内部机密备注XYZ"


async def two_districts() -> tuple[Subject, Subject, District]:
    j, d1 = await make_place()
    d2 = await District.create(code="sy-d2", name="铁西区", jurisdiction_id=j.id)
    mine = await make_subject("和平区甲公司", district=d1)
    theirs = await make_subject("铁西区乙公司", district=d2)
    return mine, theirs, d1


INTERNAL_READS = {
    "one": "query($id: ID!) { internalSubject(id: $id) { name } }",
    "list": "{ internalSubjects(first: 100) { edges { node { id name } } } }",
    "records": "{ creditRecords(first: 100) { edges { node { subjectId summary } } } }",
}


async def test_district_officer_cannot_read_another_district_by_any_query(make_client) -> None:
    mine, theirs, d1 = await two_districts()
    today = clock.today()
    await create_record(theirs, RecordInput(type="filing", occurred_on=today, summary=SECRET), None)
    await create_record(mine, RecordInput(type="filing", occurred_on=today, summary="本辖区"), None)
    await make_user("officer", "DISTRICT_OFFICER", district=d1)
    client = make_client()
    await sign_in(client, "officer")
    one = await gql(client, INTERNAL_READS["one"], {"id": str(theirs.id)})
    assert one["data"]["internalSubject"] is None
    listed = await gql(client, INTERNAL_READS["list"])
    assert [e["node"]["name"] for e in listed["data"]["internalSubjects"]["edges"]] == [mine.name]
    records = await gql(client, INTERNAL_READS["records"])
    assert {e["node"]["subjectId"] for e in records["data"]["creditRecords"]["edges"]} == {mine.id}
    mine_one = await gql(client, INTERNAL_READS["one"], {"id": str(mine.id)})
    assert mine_one["data"]["internalSubject"]["name"] == mine.name


async def test_district_officer_cannot_write_another_district(make_client) -> None:
    _, theirs, d1 = await two_districts()
    await make_user("officer", "DISTRICT_OFFICER", district=d1)
    client = make_client()
    await sign_in(client, "officer")
    body = await gql(
        client,
        """mutation($i: CreditRecordCreateInput!) {
      creditRecordCreate(input: $i) { creditRecord { id } errors { code field } } }""",
        {
            "i": {
                "subjectId": str(theirs.id),
                "type": "filing",
                "occurredOn": clock.today().isoformat(),
                "summary": "越权",
            }
        },
    )
    # another district's subject is answered like a missing one (issue 11: no enumeration)
    assert body["data"]["creditRecordCreate"]["errors"] == [
        {"code": "NOT_FOUND", "field": "subjectId"}
    ]
    record = await create_record(
        theirs, RecordInput(type="filing", occurred_on=clock.today(), summary="x"), None
    )
    submit = await gql(
        client,
        "mutation($id: ID!) { creditRecordSubmit(id: $id) { errors { code } } }",
        {"id": str(record.id)},
    )
    assert submit["data"]["creditRecordSubmit"]["errors"] == [{"code": "NOT_FOUND"}]


PUBLIC_EVERYTHING = """
query($u: String!, $q: String!) {
  subject(uscc: $u) {
    uscc name kind idNumberMasked asOf district { code name }
    grade { level reasons { article rule summary } } reasons { article rule summary }
    lists { list since until decisionNo article } measures { code name article kind }
    records(first: 20) { totalCount edges { node { id category type typeName summary decisionNo
      decisionDate occurredOn publishedOn issuingUnit publicUntil } } }
  }
  subjectSearch(name: $q, first: 10) { edges { node { name idNumberMasked
    records(first: 20) { edges { node { summary } } } } } }
  red: listEntries(list: RED, first: 100) { edges { node { subjectName uscc decisionNo } } }
  watch: listEntries(list: WATCH, first: 100) { edges { node { subjectName uscc decisionNo } } }
  black: listEntries(list: BLACK, first: 100) { edges { node { subjectName uscc decisionNo } } }
}
"""


async def test_public_never_sees_unpublished_expired_archived_revoked_or_internal(
    make_client,
) -> None:
    # given one subject with a record in every hidden state, and internal notes everywhere
    s = await make_subject("泄露测试公司")
    today = clock.today()

    def rec(tag: str, days: int = 0) -> RecordInput:
        day = today - timedelta(days=days)
        return RecordInput(
            type="watch_list_case",
            occurred_on=day,
            summary=f"{tag}-{SECRET}",
            situation_code="s01",
            internal_note=SECRET,
            provider_person=SECRET,
            decision_no=f"{tag}号",
            decision_date=day,
            issuing_unit="公安局",
        )

    await create_record(s, rec("draft"), None)
    submitted = await create_record(s, rec("submitted"), None)
    await transition(submitted, Action.SUBMIT, None)
    verified = await create_record(s, rec("verified"), None)
    await transition(verified, Action.SUBMIT, None)
    await transition(verified, Action.VERIFY, None)
    rejected = await create_record(s, rec("rejected"), None)
    await transition(rejected, Action.SUBMIT, None)
    await transition(rejected, Action.REJECT, None, reason=SECRET)
    revoked = await create_published(s, rec("revoked", 3), today - timedelta(days=2), None)
    await transition(revoked, Action.REVOKE, None, reason=SECRET)
    repaired = await create_published(s, rec("repaired", 3), today - timedelta(days=2), None)
    await transition(repaired, Action.REPAIR, None, reason=SECRET)
    await create_published(s, rec("expired", 500), today - timedelta(days=499), None)
    await create_published(s, rec("archived", 2000), today - timedelta(days=1999), None)
    shown = await create_published(
        s,
        RecordInput(
            type="watch_list_case",
            occurred_on=today,
            summary="公开的信息",
            situation_code="s02",
            internal_note=SECRET,
            provider_person=SECRET,
            decision_no="公开号",
            decision_date=today,
            issuing_unit="公安局",
        ),
        today,
        None,
    )
    await reevaluate(s, None)
    # when
    client = make_client()
    response = await client.post(
        "/graphql", json={"query": PUBLIC_EVERYTHING, "variables": {"u": s.uscc, "q": "泄露"}}
    )
    # then
    text = response.text
    assert "errors" not in response.json(), text
    assert SECRET not in text
    for tag in (
        "draft",
        "submitted",
        "verified",
        "rejected",
        "revoked",
        "repaired",
        "expired",
        "archived",
    ):
        assert f"{tag}号" not in text, tag
    records = response.json()["data"]["subject"]["records"]["edges"]
    assert [e["node"]["id"] for e in records] == [str(shown.id)]


async def test_public_sees_natural_persons_masked_and_never_the_id_number(make_client) -> None:
    j, d = await make_place("wugang-2021")
    person = await Subject.create(
        kind=SubjectKind.NATURAL_PERSON,
        name="赵小明",
        jurisdiction_id=j.id,
        district_id=d.id,
        **protect_id_number("410481199001011236"),
    )
    await reevaluate(person, None)
    client = make_client()
    body = await client.post(
        "/graphql",
        json={
            "query": """{ subjectSearch(name: "410481199001011236") {
        edges { node { name idNumberMasked uscc } } } }"""
        },
    )
    assert body.json()["data"]["subjectSearch"]["edges"][0]["node"] == {
        "name": "赵*明",
        "idNumberMasked": "410481********1236",
        "uscc": None,
    }
    assert "410481199001011236" not in body.text and "赵小明" not in body.text
    unmasked = await client.post(
        "/graphql",
        json={
            "query": """{ subjectSearch(name: "410481199001011236") {
        edges { node { idNumber } } } }"""
        },
    )
    assert unmasked.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "410481199001011236" not in unmasked.text


async def test_internal_queries_are_closed_to_the_public(make_client) -> None:
    await make_subject()
    client = make_client()
    for query in INTERNAL_READS.values():
        body = await gql(client, query, {"id": "1"})
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert not any((body["data"] or {}).values())
