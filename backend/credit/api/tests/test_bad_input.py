"""Bad input gets a coded error naming the field and the fault, never INTERNAL_ERROR, and
nothing is written (issue 12 item 6)."""

from __future__ import annotations

from typing import Any

import pytest

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.records.models import CreditRecord
from credit.testing import make_place, make_subject, make_user

BIG = "99999999999999999999"
ABOVE_INT32 = str(2**31)


def _codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


@pytest.fixture
async def admin(make_client):
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
) -> None:
    events = await AuditEvent.all().count()
    body = await gql(admin, query, variables)
    assert _codes(body) == ["INVALID_ARGUMENT"], body
    error = body["errors"][0]
    assert error["extensions"]["field"] == field, error
    assert "编号" in error["message"], error
    assert await AuditEvent.all().count() == events


async def test_well_formed_unknown_id_is_still_not_found_or_null(admin) -> None:
    body = await gql(admin, '{ internalSubject(id: "2147483647") { name } }')
    assert body == {"data": {"internalSubject": None}}, body


NUL = "\x00"


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        ("query($n: String!) { subjectSearch(name: $n) { totalCount } }", {"n": "公司\x00"}, "n"),
        ('{ subjectSearch(name: "a\\u0000b") { totalCount } }', None, "name"),
        (
            "query($s: String) { listEntries(list: RED, search: $s) { totalCount } }",
            {"s": NUL},
            "s",
        ),
        (
            'mutation { login(username: "ad\\u0000min", password: "x") { errors { code } } }',
            None,
            "username",
        ),
        (
            'mutation($p: String!) { login(username: "admin", password: $p) { errors { code } } }',
            {"p": "Correct-Horse-1\x00"},
            "p",
        ),
    ],
)
async def test_nul_characters_are_refused_naming_the_field(
    app_client, query: str, variables: dict[str, Any] | None, field: str
) -> None:
    await make_user("admin", "ADMIN")
    body = await gql(app_client, query, variables)
    assert _codes(body) == ["INVALID_ARGUMENT"], body
    assert body["errors"][0]["extensions"]["field"] == field
    assert body["errors"][0]["extensions"]["fault"] == "NUL_CHARACTER"
    assert body["data"] is None
    assert not await AuditEvent.exists()


@pytest.mark.parametrize(
    "query",
    [
        '{ subjectSearch(name: "沈阳测试技防有限公司沈阳测试技防有限公司沈阳") { totalCount } }',
        '{ subjectSearch(name: "91210102TQ0000001X99") { totalCount } }',
        '{ listEntries(list: RED, search: "91210102TQ0000001X99") { totalCount } }',
        '{ listEntries(list: RED, district: "' + "d" * 33 + '") { totalCount } }',
    ],
)
async def test_long_search_terms_and_district_codes_find_nothing(app_client, query: str) -> None:
    await make_subject()
    body = await gql(app_client, query)
    assert "errors" not in body, body
    (result,) = body["data"].values()
    assert result["totalCount"] == 0


async def test_long_search_terms_for_staff(admin) -> None:
    await make_subject()
    body = await gql(
        admin,
        "query($s: String, $d: String) { internalSubjects(search: $s, district: $d) "
        "{ totalCount } }",
        {"s": "9" * 40, "d": "x" * 40},
    )
    assert body == {"data": {"internalSubjects": {"totalCount": 0}}}, body


def test_a_value_the_orm_refuses_is_invalid_argument_without_the_column() -> None:
    from graphql import GraphQLError
    from tortoise.exceptions import ValidationError

    from credit.api.extensions import fix_error

    refused = ValidationError("uscc: Length of '" + "9" * 40 + "' 40 > 18")
    fixed = fix_error(GraphQLError("x", original_error=refused), "req-1")
    assert fixed.extensions == {"code": "INVALID_ARGUMENT", "fault": "TOO_LONG"}
    assert "uscc" not in fixed.message and "18" in fixed.message


CREATE = """
mutation Create($input: CreditRecordCreateInput!) {
  creditRecordCreate(input: $input) { creditRecord { id } errors { field message code } }
}
"""


def _fine(subject_id: int, amount: object) -> dict[str, Any]:
    from credit.core import clock

    today = clock.today().isoformat()
    return {
        "subjectId": str(subject_id),
        "type": "administrative_decision",
        "occurredOn": today,
        "summary": "罚款",
        "decisionNo": "沈公罚〔2026〕1号",
        "decisionDate": today,
        "issuingUnit": "沈阳市公安局",
        "violations": [
            {
                "typeCode": "t1",
                "domain": "public_order",
                "sanctions": [{"kind": "fine", "amountYuan": amount}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("amount", "fault"),
    [
        ("NaN", "数字"),
        ("Infinity", "数字"),
        ("1e400", "12 位整数"),
        ("123456789012345678", "12 位整数"),
        ("0.001", "两位小数"),
        ("-5", "负数"),
    ],
)
async def test_a_fine_the_import_refuses_is_refused_by_the_console_too(
    make_client, amount: str, fault: str
) -> None:
    from credit.records.amounts import InvalidAmount, parse_amount

    _, district = await make_place()
    subject = await make_subject()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    officer = make_client()
    await sign_in(officer, "officer")
    events = await AuditEvent.all().count()
    body = await gql(officer, CREATE, {"input": _fine(subject.id, amount)})
    assert "errors" not in body, body
    (error,) = body["data"]["creditRecordCreate"]["errors"]
    assert error["field"] == "violations[0].sanctions[0].amountYuan"
    assert error["code"] == "AMOUNT_OUT_OF_RANGE"
    assert fault in error["message"]
    assert await CreditRecord.all().count() == 0
    assert await AuditEvent.all().count() == events
    # the import's rule is the same function, with the same answer
    with pytest.raises(InvalidAmount, match=fault):
        parse_amount(amount)


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        ("query($u: String!) { subject(uscc: $u) { name } }", {"u": None}, "u"),
        (
            "query($u: String!, $d: Date) { subject(uscc: $u, asOf: $d) { name } }",
            {"u": "x", "d": ""},
            "d",
        ),
        ("query($l: ListKind!) { listEntries(list: $l) { totalCount } }", {"l": "PURPLE"}, "l"),
        ("query($f: Int) { listEntries(list: RED, first: $f) { totalCount } }", {"f": "abc"}, "f"),
    ],
)
async def test_variables_that_cannot_be_coerced_name_the_variable(
    app_client, query: str, variables: dict[str, Any], field: str
) -> None:
    body = await gql(app_client, query, variables)
    assert _codes(body) == ["INVALID_ARGUMENT"], body
    assert body["errors"][0]["extensions"]["field"] == field
