"""The association's console through the API: it keeps its member register, rates only
its members, sees only its own submissions with their review status; the ratings enter
the normal review."""

from __future__ import annotations

from typing import Any

from credit.accounts.models import Unit, UnitKind
from credit.associations.models import AssociationMember
from credit.conftest import gql, sign_in
from credit.records.models import CreditRecord
from credit.testing import make_place, make_subject, make_user

ADD = """mutation($u: String!, $a: ID) {
  associationMemberAdd(uscc: $u, joinedOn: "2025-03-01", associationId: $a) {
    member { id subjectName uscc lists } errors { field code message } } }"""
REMOVE = """mutation($id: ID!) {
  associationMemberRemove(id: $id) { member { leftAt } errors { field code } } }"""
SUBMIT = """mutation($u: String!, $r: String!) {
  associationRatingSubmit(uscc: $u, rating: $r, ratedOn: "2026-01-10", note: "年度评定") {
    submission { id rating status statusName subjectName } errors { field code message } } }"""
MEMBERS = """query($a: ID) { associationMembers(associationId: $a) {
  totalCount edges { node { subjectName lists } } } }"""
SUBMISSIONS = """{ associationSubmissions { totalCount
  edges { node { id rating ratedOn status statusName rejectReason subjectName } } } }"""
OVERVIEW = "{ associationOverview { name memberCount pendingCount publishedCount rejectedCount } }"
REJECT = """mutation($id: ID!) {
  creditRecordReject(id: $id, reason: "评定依据不全") { errors { code } } }"""


async def setup(make_client: Any) -> tuple[Any, Any, Any]:
    member = await make_subject("沈阳会员技防有限公司")
    stranger = await make_subject("沈阳非会员技防有限公司")
    await make_user("assoc", "ASSOCIATION")
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "assoc")
    return client, member, stranger


async def test_association_rates_a_member_and_sees_it_pending(make_client) -> None:
    # given
    client, member, _ = await setup(make_client)
    added = await gql(client, ADD, {"u": member.uscc})
    assert added["data"]["associationMemberAdd"]["errors"] == []
    assert added["data"]["associationMemberAdd"]["member"]["lists"] == []
    # when
    body = await gql(client, SUBMIT, {"u": member.uscc, "r": "AA"})
    # then: it is a submitted good-information record, in review
    sub = body["data"]["associationRatingSubmit"]
    assert sub["errors"] == []
    assert sub["submission"]["rating"] == "AA" and sub["submission"]["statusName"] == "待审核"
    record = await CreditRecord.get(id=int(sub["submission"]["id"]))
    assert (record.type, record.category.value, record.status.value) == (
        "association_rating",
        "good",
        "submitted",
    )
    mine = await gql(client, SUBMISSIONS)
    assert mine["data"]["associationSubmissions"]["totalCount"] == 1
    overview = (await gql(client, OVERVIEW))["data"]["associationOverview"]
    assert overview["memberCount"] == 1 and overview["pendingCount"] == 1


async def test_association_cannot_rate_a_non_member_or_a_former_one(make_client) -> None:
    # given
    client, member, stranger = await setup(make_client)
    mid = (await gql(client, ADD, {"u": member.uscc}))["data"]["associationMemberAdd"]["member"][
        "id"
    ]
    # when
    outsider = await gql(client, SUBMIT, {"u": stranger.uscc, "r": "A"})
    bad = await gql(client, SUBMIT, {"u": member.uscc, "r": "Z"})
    await gql(client, REMOVE, {"id": mid})
    former = await gql(client, SUBMIT, {"u": member.uscc, "r": "A"})
    # then
    assert outsider["data"]["associationRatingSubmit"]["errors"][0]["code"] == "OUT_OF_SCOPE"
    assert bad["data"]["associationRatingSubmit"]["errors"][0]["field"] == "rating"
    assert former["data"]["associationRatingSubmit"]["errors"][0]["code"] == "OUT_OF_SCOPE"
    assert await CreditRecord.all().count() == 0


async def test_register_refuses_persons_other_jurisdictions_and_duplicates(make_client) -> None:
    # given
    client, member, _ = await setup(make_client)
    wugang = await make_subject("舞钢某公司", "wugang-2021")
    # when
    first = await gql(client, ADD, {"u": member.uscc})
    twice = await gql(client, ADD, {"u": member.uscc})
    far = await gql(client, ADD, {"u": wugang.uscc})
    malformed = await gql(client, ADD, {"u": "91110000600037341X"})
    # then
    assert first["data"]["associationMemberAdd"]["errors"] == []
    assert twice["data"]["associationMemberAdd"]["errors"][0]["code"] == "CONFLICT"
    assert far["data"]["associationMemberAdd"]["errors"][0]["field"] == "uscc"
    assert malformed["data"]["associationMemberAdd"]["errors"][0]["field"] == "uscc"
    assert await AssociationMember.all().count() == 1


async def test_association_sees_only_its_own_members_and_submissions(make_client) -> None:
    # given: a second association of the same jurisdiction with its own member and rating
    client, member, stranger = await setup(make_client)
    j, _ = await make_place()
    other = await Unit.create(
        code="SY-ASSOC-2", name="另一协会", kind=UnitKind.ASSOCIATION, jurisdiction_id=j.id
    )
    reviewer = make_client()
    await sign_in(reviewer, "reviewer")
    by_bureau = await gql(reviewer, ADD, {"u": stranger.uscc, "a": str(other.id)})
    assert by_bureau["data"]["associationMemberAdd"]["errors"] == []
    await gql(client, ADD, {"u": member.uscc})
    # when
    own = await gql(client, MEMBERS, {"a": None})
    foreign = await gql(client, MEMBERS, {"a": str(other.id)})
    bureau = await gql(reviewer, MEMBERS, {"a": str(other.id)})
    # then
    assert [e["node"]["subjectName"] for e in own["data"]["associationMembers"]["edges"]] == [
        "沈阳会员技防有限公司"
    ]
    assert foreign["data"] is None and foreign["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert bureau["data"]["associationMembers"]["totalCount"] == 1
    # and the reviewer's rejection reason reaches the association, not other records
    sub = await gql(client, SUBMIT, {"u": member.uscc, "r": "A"})
    rid = sub["data"]["associationRatingSubmit"]["submission"]["id"]
    await CreditRecord.create(
        subject_id=stranger.id,
        category="good",
        type="association_rating",
        status="submitted",
        occurred_on="2026-01-01",
        summary="行业协会信用等级 AAA",
        provider_unit_id=other.id,
    )
    assert (await gql(reviewer, REJECT, {"id": rid}))["data"]["creditRecordReject"]["errors"] == []
    mine = (await gql(client, SUBMISSIONS))["data"]["associationSubmissions"]
    assert mine["totalCount"] == 1
    node = mine["edges"][0]["node"]
    assert node["status"] == "REJECTED" and node["rejectReason"] == "评定依据不全"
    internal = await gql(client, "{ creditRecords { totalCount } }")
    assert internal["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
