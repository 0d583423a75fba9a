"""Notices through the API: read-only, within the caller's scope."""

from __future__ import annotations

from datetime import date

from credit.casework.testing import freeze_on
from credit.conftest import gql, sign_in
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.subjects.models import District
from credit.testing import make_place, make_subject, make_user

NOTICES = "query($s: ID) { notices(subjectId: $s) { totalCount edges { node { subjectId } } } }"


async def test_notices_are_read_only_within_the_callers_scope(make_client) -> None:
    # given: notices for subjects in two districts (listings write them)
    freeze_on(date(2026, 6, 10))
    j, d1 = await make_place()
    d2 = await District.create(code="sy-d2", name="铁西区", jurisdiction_id=j.id)
    mine = await make_subject("和平区甲公司", district=d1)
    theirs = await make_subject("铁西区乙公司", district=d2)
    for s in (mine, theirs):
        await Notice.create(subject_id=s.id, kind=NoticeKind.LISTING, title="告知书", body="正文")
    await make_user("ent", "ENTERPRISE", subject=mine)
    await make_user("officer", "DISTRICT_OFFICER", district=d2)
    enterprise, officer, public = make_client(), make_client(), make_client()
    await sign_in(enterprise, "ent")
    await sign_in(officer, "officer")

    # when
    own = await gql(enterprise, NOTICES, {"s": None})
    asked_for_other = await gql(enterprise, NOTICES, {"s": str(theirs.id)})
    district = await gql(officer, NOTICES, {"s": None})
    anonymous = await gql(public, NOTICES, {"s": None})

    # then
    assert [e["node"]["subjectId"] for e in own["data"]["notices"]["edges"]] == [str(mine.id)]
    assert asked_for_other["data"]["notices"]["totalCount"] == 0
    assert [e["node"]["subjectId"] for e in district["data"]["notices"]["edges"]] == [
        str(theirs.id)
    ]
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
