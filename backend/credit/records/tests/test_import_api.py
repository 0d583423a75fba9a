"""decisionsImport: the same format and rules as `make import`, through the API."""

from __future__ import annotations

import json

from credit.conftest import gql
from credit.records.models import Decision
from credit.subjects.identifiers import uscc_check_digit
from credit.testing import make_partner_token, make_place, make_subject

IMPORT = """
mutation($c: String!, $dry: Boolean!) {
  decisionsImport(content: $c, dryRun: $dry) {
    summary { rows decisionsCreated decisionsSkipped recordsCreated }
    errors { line field message }
  }
}
"""


def _lines(uscc: str, document_no: str = "沈公技防警〔2025〕88号") -> str:
    row = {
        "kind": "decision",
        "uscc": uscc,
        "document_no": document_no,
        "decided_on": "2025-06-01",
        "issuing_unit": "沈阳市公安局",
        "legal_basis": "第九条",
        "provider_unit": "PUSHER",
        "type": "watch_list_case",
        "situation_code": "s04",
        "summary": "设计、安装、维护未符合相关标准",
        "published_on": "2025-06-03",
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


async def _partner_client(make_client, scopes):
    from credit.accounts.models import Unit, UnitKind

    j, _ = await make_place()
    await Unit.create(code="PUSHER", name="上游机构", kind=UnitKind.PARTNER, jurisdiction_id=j.id)
    token = await make_partner_token(scopes=scopes)
    return make_client(headers={"authorization": "Bearer " + token})


async def test_partner_with_the_scope_pushes_decisions_idempotently(make_client) -> None:
    # given
    client = await _partner_client(make_client, ["IMPORT_DECISIONS"])
    subject = await make_subject()
    content = _lines(subject.uscc or "")
    # when
    dry = await gql(client, IMPORT, {"c": content, "dry": True})
    first = await gql(client, IMPORT, {"c": content, "dry": False})
    again = await gql(client, IMPORT, {"c": content, "dry": False})
    # then
    assert dry["data"]["decisionsImport"]["summary"]["decisionsCreated"] == 1
    assert first["data"]["decisionsImport"]["summary"]["decisionsCreated"] == 1
    assert again["data"]["decisionsImport"]["summary"] == {
        "rows": 1,
        "decisionsCreated": 0,
        "decisionsSkipped": 1,
        "recordsCreated": 0,
    }
    assert await Decision.all().count() == 1


async def test_a_bad_line_is_named_and_nothing_is_written(make_client) -> None:
    client = await _partner_client(make_client, ["IMPORT_DECISIONS"])
    subject = await make_subject()
    bad = "91210102TQ000000" + "1" + uscc_check_digit("91210102TQ0000001")
    body = await gql(
        client,
        IMPORT,
        {"c": _lines(subject.uscc or "") + _lines(bad[:-1] + "0", "另一号"), "dry": False},
    )
    payload = body["data"]["decisionsImport"]
    assert payload["summary"] is None
    assert payload["errors"][0]["line"] == 2 and payload["errors"][0]["field"] == "uscc"
    assert await Decision.all().count() == 0


async def test_partner_without_the_scope_is_denied(make_client) -> None:
    client = await _partner_client(make_client, [])
    body = await gql(client, IMPORT, {"c": "{}", "dry": True})
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


async def test_an_importer_cannot_write_into_another_jurisdiction(make_client) -> None:
    # given a partner of 沈阳 and a subject of 舞钢
    client = await _partner_client(make_client, ["IMPORT_DECISIONS"])
    other = await make_subject("舞钢某公司", policy_code="wugang-2021")
    # when it pushes a decision about that subject
    body = await gql(client, IMPORT, {"c": _lines(other.uscc or ""), "dry": False})
    # then the line is refused and nothing is written
    errors = body["data"]["decisionsImport"]["errors"]
    assert any(e["line"] == 1 and "管辖范围" in e["message"] for e in errors), errors
    assert await Decision.all().count() == 0
