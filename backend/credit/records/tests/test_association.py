"""Associations submit member ratings; they enter review as good information."""

from __future__ import annotations

from credit.conftest import gql, sign_in
from credit.records.models import CreditRecord
from credit.testing import make_subject, make_user

SUBMIT = """mutation($u: String!, $r: String!) {
  associationRatingSubmit(uscc: $u, rating: $r, ratedOn: "2026-01-10") {
    creditRecord { status type category } errors { field code message } } }"""


async def test_association_rating_enters_review(make_client) -> None:  # type: ignore[no-untyped-def]
    s = await make_subject()
    await make_user("assoc", "ASSOCIATION")
    client = make_client()
    await sign_in(client, "assoc")
    body = await gql(client, SUBMIT, {"u": s.uscc, "r": "AA"})
    assert body["data"]["associationRatingSubmit"]["creditRecord"] == {
        "status": "SUBMITTED",
        "type": "association_rating",
        "category": "GOOD",
    }
    bad = await gql(client, SUBMIT, {"u": s.uscc, "r": "Z"})
    assert bad["data"]["associationRatingSubmit"]["errors"][0]["field"] == "rating"
    assert await CreditRecord.all().count() == 1
