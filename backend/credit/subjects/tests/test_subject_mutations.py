"""subjectCreate / subjectUpdate through the API: scope, duplicates, bad input per field,
permission, and the name history (internal only; the public sees the current name)."""

from __future__ import annotations

from typing import Any

import pytest

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.subjects.models import District, Subject, SubjectNameChange
from credit.testing import make_place, make_subject, make_uscc, make_user

CREATE = """
mutation Create($input: SubjectCreateInput!) {
  subjectCreate(input: $input) {
    subject { id name uscc kind idNumberMasked address legalRepresentative licenceNo
              district { code } }
    duplicateOf { id name }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SubjectUpdateInput!) {
  subjectUpdate(id: $id, input: $input) {
    subject { id name district { code } nameHistory { oldName newName changedAt changedBy } }
    duplicateOf { id }
    errors { field message code }
  }
}
"""
PUBLIC = "query($u: String!) { subject(uscc: $u) { name } }"
USCC = "91110000600037341L"  # DOMAIN.md: a real valid code
PERSON_ID = "11010519491231002X"  # a valid resident ID number (check digit X)


def enterprise(**over: Any) -> dict[str, Any]:
    return {
        "name": "沈阳新建技防有限公司",
        "kind": "ENTERPRISE",
        "district": "sy-d1",
        "uscc": USCC,
        "address": "沈阳市和平区南京街1号",
        "legalRepresentative": "王五",
        "licenceNo": "沈技防备字第0001号",
        **over,
    }


@pytest.fixture
async def officer(make_client):
    _, district = await make_place()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    client = make_client()
    await sign_in(client, "officer")
    return client


async def _second_district() -> District:
    j, _ = await make_place()
    return await District.create(code="sy-d2", name="沈河区", jurisdiction_id=j.id)


async def test_an_officer_creates_a_subject_in_their_district(officer) -> None:
    # when
    body = await gql(
        officer, CREATE, {"input": enterprise(uscc=" ９１１１００００６０００３７３４１ｌ ")}
    )
    # then: the USCC is normalised as the import does, the policy follows the district
    payload = body["data"]["subjectCreate"]
    assert payload["errors"] == []
    created = payload["subject"]
    assert created["uscc"] == USCC
    assert created["district"] == {"code": "sy-d1"}
    assert (created["legalRepresentative"], created["licenceNo"]) == ("王五", "沈技防备字第0001号")
    row = await Subject.get(uscc=USCC)
    j, _ = await make_place()
    assert row.jurisdiction_id == j.id
    event = await AuditEvent.filter(action="subject.create").first()
    assert event is not None and event.object_id == str(row.id)


async def test_a_district_officer_cannot_create_in_another_district(officer) -> None:
    # given
    await _second_district()
    # when
    body = await gql(officer, CREATE, {"input": enterprise(district="sy-d2")})
    # then
    assert body["data"]["subjectCreate"]["errors"] == [
        {"field": "district", "message": "辖区“沈河区”不在您的数据范围内", "code": "OUT_OF_SCOPE"}
    ]
    assert await Subject.all().count() == 0


async def test_a_duplicate_uscc_names_the_existing_subject_when_visible(officer) -> None:
    # given
    existing = await make_subject("沈阳已有技防有限公司", uscc=USCC)
    # when
    body = await gql(officer, CREATE, {"input": enterprise()})
    # then
    payload = body["data"]["subjectCreate"]
    assert payload["subject"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("uscc", "DUPLICATE")]
    assert "沈阳已有技防有限公司" in payload["errors"][0]["message"]
    assert payload["duplicateOf"] == {"id": str(existing.id), "name": "沈阳已有技防有限公司"}
    assert await Subject.all().count() == 1


async def test_a_duplicate_outside_the_scope_is_not_named(officer) -> None:
    # given a subject of another district with the same code
    other = await _second_district()
    await make_subject("沈河秘密技防有限公司", uscc=USCC, district=other)
    # when
    body = await gql(officer, CREATE, {"input": enterprise()})
    # then
    payload = body["data"]["subjectCreate"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("uscc", "DUPLICATE")]
    assert "沈河秘密" not in payload["errors"][0]["message"]
    assert payload["duplicateOf"] is None


async def test_a_duplicate_id_number_is_refused(make_client) -> None:
    # given a Wugang city reviewer (Wugang governs natural persons) and a person
    from credit.accounts.models import Role, Unit, UnitKind, User

    j, d = await make_place("wugang-2021")
    unit = await Unit.create(
        code="WG-CITY", name="舞钢市公安局", kind=UnitKind.CITY_BUREAU, jurisdiction_id=j.id
    )
    reviewer = await make_user("sy-reviewer", "CITY_REVIEWER")
    assert isinstance(reviewer, User)
    reviewer.unit_id = unit.id
    reviewer.role = Role.CITY_REVIEWER
    await reviewer.save()
    client = make_client()
    await sign_in(client, "sy-reviewer")
    person = {"name": "张小三", "kind": "NATURAL_PERSON", "district": d.code, "idNumber": PERSON_ID}
    first = await gql(client, CREATE, {"input": person})
    # when
    again = await gql(client, CREATE, {"input": person | {"name": "张三"}})
    # then: stored as digest + cipher + mask, never in clear; the second is a duplicate
    assert first["data"]["subjectCreate"]["subject"]["idNumberMasked"] == "110105********002X"
    row = await Subject.get(name="张小三")
    assert row.id_number_cipher and PERSON_ID not in row.id_number_cipher
    payload = again["data"]["subjectCreate"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("idNumber", "DUPLICATE")]
    assert payload["duplicateOf"] == {"id": str(row.id), "name": "张小三"}


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "名" * 201}, "name"),
        ({"uscc": "91110000600037341A"}, "uscc"),
        ({"uscc": "9111000060003734"}, "uscc"),
        ({"uscc": None}, "uscc"),
        ({"idNumber": PERSON_ID}, "idNumber"),
        ({"district": "nowhere"}, "district"),
        ({"address": "路" * 256}, "address"),
        ({"legalRepresentative": "人" * 101}, "legalRepresentative"),
        ({"licenceNo": "号" * 101}, "licenceNo"),
        ({"kind": "NATURAL_PERSON", "uscc": None, "idNumber": PERSON_ID}, "kind"),
    ],
)
async def test_bad_input_names_its_field_and_writes_nothing(officer, over, field) -> None:
    # when
    body = await gql(officer, CREATE, {"input": enterprise(**over)})
    # then
    assert "errors" not in body, body
    errors = body["data"]["subjectCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(field, "INVALID")], errors
    assert await Subject.all().count() == 0


async def test_only_holders_of_manage_subjects_may_create(make_client) -> None:
    # given
    subject = await make_subject()
    await make_user("firm", "ENTERPRISE", subject=subject)
    firm, anonymous = make_client(), make_client()
    await sign_in(firm, "firm")
    # when
    denied = await gql(firm, CREATE, {"input": enterprise()})
    unknown = await gql(anonymous, CREATE, {"input": enterprise()})
    # then
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert unknown["errors"][0]["extensions"]["code"] in {"UNAUTHENTICATED", "CSRF_FAILED"}
    assert await Subject.all().count() == 1


async def test_a_name_change_is_kept_in_the_history_and_the_public_sees_the_new_name(
    officer, make_client
) -> None:
    # given
    subject = await make_subject("沈阳旧名技防有限公司")
    # when
    body = await gql(
        officer, UPDATE, {"id": str(subject.id), "input": {"name": "沈阳新名技防有限公司"}}
    )
    public = await gql(make_client(), PUBLIC, {"u": subject.uscc})
    # then
    payload = body["data"]["subjectUpdate"]
    assert payload["errors"] == []
    history = payload["subject"]["nameHistory"]
    assert [(h["oldName"], h["newName"], h["changedBy"]) for h in history] == [
        ("沈阳旧名技防有限公司", "沈阳新名技防有限公司", "officer")
    ]
    assert public["data"]["subject"] == {"name": "沈阳新名技防有限公司"}
    event = await AuditEvent.filter(action="subject.update").first()
    assert event is not None
    assert event.before == {"name": "沈阳旧名技防有限公司"}
    assert event.after == {"name": "沈阳新名技防有限公司"}


async def test_an_officer_cannot_update_another_districts_subject(officer) -> None:
    # given
    other = await _second_district()
    subject = await make_subject("沈河技防有限公司", district=other)
    # when
    body = await gql(officer, UPDATE, {"id": str(subject.id), "input": {"name": "改名"}})
    # then: the same answer as for an id that does not exist
    assert body["data"]["subjectUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await Subject.get(id=subject.id)).name == "沈河技防有限公司"
    assert await SubjectNameChange.all().count() == 0


async def test_an_update_to_a_used_uscc_is_a_duplicate(officer) -> None:
    # given
    first = await make_subject("甲公司", uscc=USCC)
    second = await make_subject("乙公司", uscc=make_uscc())
    # when
    body = await gql(officer, UPDATE, {"id": str(second.id), "input": {"uscc": USCC}})
    # then
    payload = body["data"]["subjectUpdate"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("uscc", "DUPLICATE")]
    assert payload["duplicateOf"] == {"id": str(first.id)}


async def test_a_city_reviewer_moves_a_subject_within_the_jurisdiction_only(make_client) -> None:
    # given
    other = await _second_district()
    subject = await make_subject()
    _, wg_d = await make_place("wugang-2021")
    await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "reviewer")
    # when
    moved = await gql(client, UPDATE, {"id": str(subject.id), "input": {"district": other.code}})
    abroad = await gql(client, UPDATE, {"id": str(subject.id), "input": {"district": wg_d.code}})
    # then
    assert moved["data"]["subjectUpdate"]["subject"]["district"] == {"code": "sy-d2"}
    assert abroad["data"]["subjectUpdate"]["errors"][0]["field"] == "district"
    assert (await Subject.get(id=subject.id)).district_id == other.id


async def test_the_form_offers_the_districts_the_caller_may_use(officer, make_client) -> None:
    # given a second district of the jurisdiction, and a city reviewer
    await _second_district()
    await make_user("reviewer", "CITY_REVIEWER")
    reviewer = make_client()
    await sign_in(reviewer, "reviewer")
    query = "{ manageableDistricts { code } }"
    # when
    mine = await gql(officer, query)
    city = await gql(reviewer, query)
    # then
    assert mine["data"]["manageableDistricts"] == [{"code": "sy-d1"}]
    assert city["data"]["manageableDistricts"] == [{"code": "sy-d1"}, {"code": "sy-d2"}]
