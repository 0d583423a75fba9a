"""Bad input gets a coded error naming the field and the fault, never INTERNAL_ERROR, and
nothing is written (issue 12 item 6)."""

from __future__ import annotations

from typing import Any

import pytest

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.testing import make_place, make_user

BIG = "99999999999999999999"
ABOVE_INT32 = str(2**31)


def _codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


@pytest.fixture
async def admin(make_client):  # type: ignore[no-untyped-def]
    await make_place()
    await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    return client


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        ("query($id: ID!) { internalSubject(id: $id) { name } }", {"id": BIG}, "id"),
        ("query($id: ID!) { internalSubject(id: $id) { name } }", {"id": ABOVE_INT32}, "id"),
        ('{ internalSubject(id: "99999999999999999999") { name } }', None, "id"),
        ('{ creditRecords(subjectId: "abc") { totalCount } }', None, "subjectId"),
        ("query($s: ID) { creditRecords(subjectId: $s) { totalCount } }", {"s": "abc"}, "s"),
        ('{ publicReportReporter(id: "4294967296") { name } }', None, "id"),
        ('{ evidenceFile(id: "-1") { name } }', None, "id"),
        ('{ evidenceFile(id: "") { name } }', None, "id"),
        ('mutation { userSetActive(id: "", active: false) { errors { code } } }', None, "id"),
        ('mutation { apiTokenRevoke(id: "x1") { errors { code } } }', None, "id"),
        ('mutation { creditRecordVerify(id: "2147483648") { errors { code } } }', None, "id"),
        ('mutation { objectionAccept(id: "1e3") { errors { code } } }', None, "id"),
        ('mutation { outboxRequeue(ids: ["1", " 2"]) { errors { code } } }', None, "ids[1]"),
    ],
)
async def test_malformed_ids_are_invalid_argument_naming_the_field(
    admin, query: str, variables: dict[str, Any] | None, field: str
) -> None:  # type: ignore[no-untyped-def]
    events = await AuditEvent.all().count()
    body = await gql(admin, query, variables)
    assert _codes(body) == ["INVALID_ARGUMENT"], body
    error = body["errors"][0]
    assert error["extensions"]["field"] == field, error
    assert "编号" in error["message"], error
    assert await AuditEvent.all().count() == events


async def test_well_formed_unknown_id_is_still_not_found_or_null(admin) -> None:  # type: ignore[no-untyped-def]
    body = await gql(admin, '{ internalSubject(id: "2147483647") { name } }')
    assert body == {"data": {"internalSubject": None}}, body
