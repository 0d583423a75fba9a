"""Administration of units and districts: create, rename, move, deactivate; nothing with
users is ever deleted or deactivated from under them; a city administrator stays in its
jurisdiction."""

from __future__ import annotations

from credit.accounts.models import Unit, UnitKind
from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.core.orm import flat
from credit.subjects.models import District
from credit.testing import make_place, make_user

CREATE = """mutation($in: UnitCreateInput!) {
  unitCreate(input: $in) { unit { id code name parentId districtId isActive }
    errors { code field message } } }"""
UPDATE = """mutation($id: ID!, $in: UnitUpdateInput!) {
  unitUpdate(id: $id, input: $in) { unit { name parentId districtId } errors { code field } } }"""
SET_ACTIVE = """mutation($id: ID!, $a: Boolean!) {
  unitSetActive(id: $id, active: $a) { unit { isActive } errors { code field message } } }"""
D_CREATE = """mutation($c: String!, $n: String!, $j: String!) {
  districtCreate(code: $c, name: $n, jurisdictionCode: $j) {
    district { id code name jurisdictionCode isActive } errors { code field } } }"""
D_UPDATE = """mutation($id: ID!, $n: String) {
  districtUpdate(id: $id, name: $n) { district { name } errors { code field } } }"""
D_SET_ACTIVE = """mutation($id: ID!, $a: Boolean!) {
  districtSetActive(id: $id, active: $a) { district { isActive } errors { code field } } }"""


async def _admin(make_client):
    await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    return client


async def test_create_rename_move_and_deactivate_a_unit(make_client) -> None:
    client = await _admin(make_client)
    _, district = await make_place()
    city = await Unit.get(code="U-CITY_BUREAU-0")
    # create a district bureau under the city bureau, then a station under it
    bureau = (
        await gql(
            client,
            CREATE,
            {
                "in": {
                    "code": "SY-NEW",
                    "name": "新区分局",
                    "kind": "DISTRICT_BUREAU",
                    "parentCode": city.code,
                    "districtCode": district.code,
                }
            },
        )
    )["data"]["unitCreate"]
    assert bureau["errors"] == [] and bureau["unit"]["districtId"] == str(district.id)
    station = (
        await gql(
            client,
            CREATE,
            {
                "in": {
                    "code": "SY-NEW-PS1",
                    "name": "一所",
                    "kind": "POLICE_STATION",
                    "parentCode": "SY-NEW",
                }
            },
        )
    )["data"]["unitCreate"]
    assert station["errors"] == [] and station["unit"]["districtId"] == str(district.id)
    # a duplicate code is a conflict
    dup = await gql(
        client,
        CREATE,
        {"in": {"code": "SY-NEW", "name": "x", "kind": "POLICE_STATION", "parentCode": city.code}},
    )
    assert dup["data"]["unitCreate"]["errors"][0]["code"] == "CONFLICT"
    # rename
    renamed = await gql(
        client, UPDATE, {"id": bureau["unit"]["id"], "in": {"name": "新区分局（更名）"}}
    )
    assert renamed["data"]["unitUpdate"]["unit"]["name"] == "新区分局（更名）"
    # moving the bureau under its own station would be a cycle
    cycle = await gql(
        client, UPDATE, {"id": bureau["unit"]["id"], "in": {"parentCode": "SY-NEW-PS1"}}
    )
    assert cycle["data"]["unitUpdate"]["errors"][0] == {"code": "INVALID", "field": "parentCode"}
    # move the station directly under the city bureau
    moved = await gql(
        client, UPDATE, {"id": station["unit"]["id"], "in": {"parentCode": city.code}}
    )
    assert moved["data"]["unitUpdate"]["unit"]["parentId"] == str(city.id)
    # deactivate the station; the audit trail has every step
    off = await gql(client, SET_ACTIVE, {"id": station["unit"]["id"], "a": False})
    assert off["data"]["unitSetActive"] == {"unit": {"isActive": False}, "errors": []}
    actions = set(
        await flat(AuditEvent.filter(object_type="unit").values_list("action", flat=True))
    )
    assert actions == {"unit.create", "unit.update", "unit.deactivate"}
    # a deactivated unit takes no new user
    created = await gql(
        client,
        """mutation { userCreate(input: {username: "new", password: "Long-Enough-1",
          displayName: "n", role: DISTRICT_OFFICER, unitCode: "SY-NEW-PS1"}) {
          user { id } errors { code field } } }""",
    )
    assert created["data"]["userCreate"]["errors"] == [
        {"code": "INVALID_STATE", "field": "unitCode"}
    ]


async def test_a_unit_with_active_users_is_not_deactivated(make_client) -> None:
    client = await _admin(make_client)
    await make_user("officer", "DISTRICT_OFFICER")
    unit = await Unit.get(code__startswith="U-DISTRICT_BUREAU")
    body = await gql(client, SET_ACTIVE, {"id": str(unit.id), "a": False})
    assert body["data"]["unitSetActive"]["errors"][0]["code"] == "INVALID_STATE"
    assert (await Unit.get(id=unit.id)).is_active is True
    # no mutation deletes a unit at all
    from credit.api.schema import schema

    names = list(schema._schema.mutation_type.fields)  # type: ignore[union-attr]
    assert not [n for n in names if "delete" in n.lower() and "unit" in n.lower()]


async def test_a_city_administrator_stays_in_its_jurisdiction(make_client) -> None:
    client = await _admin(make_client)
    wg, wg_district = await make_place("wugang-2021")
    wg_city = await Unit.create(
        code="WG-CITY", name="舞钢市公安局", kind=UnitKind.CITY_BUREAU, jurisdiction_id=wg.id
    )
    units = [u["code"] for u in (await gql(client, "{ units { code } }"))["data"]["units"]]
    assert "WG-CITY" not in units and "U-CITY_BUREAU-0" in units
    under = await gql(
        client,
        CREATE,
        {"in": {"code": "X1", "name": "x", "kind": "POLICE_STATION", "parentCode": "WG-CITY"}},
    )
    assert under["data"]["unitCreate"]["errors"][0] == {
        "code": "NOT_FOUND",
        "field": "parentCode",
        "message": "单位不存在",
    }
    rename = await gql(client, UPDATE, {"id": str(wg_city.id), "in": {"name": "改"}})
    assert rename["data"]["unitUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    top = await gql(client, CREATE, {"in": {"code": "X2", "name": "x", "kind": "CITY_BUREAU"}})
    assert top["data"]["unitCreate"]["errors"][0]["field"] == "parentCode"
    district = await gql(client, D_CREATE, {"c": "410481-09", "n": "新街道", "j": "wg"})
    assert district["data"]["districtCreate"]["errors"][0]["code"] == "NOT_FOUND"
    other = await gql(client, D_UPDATE, {"id": str(wg_district.id), "n": "改"})
    assert other["data"]["districtUpdate"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await Unit.get(id=wg_city.id)).name == "舞钢市公安局"
    assert not await Unit.filter(code__in=["X1", "X2"]).exists()


async def test_create_rename_and_deactivate_a_district(make_client) -> None:
    client = await _admin(make_client)
    created = (await gql(client, D_CREATE, {"c": "210113", "n": "沈北新区", "j": "sy"}))["data"][
        "districtCreate"
    ]
    assert created["errors"] == []
    assert created["district"]["jurisdictionCode"] == "sy" and created["district"]["isActive"]
    did = created["district"]["id"]
    assert (await gql(client, D_UPDATE, {"id": did, "n": "沈北新区（改）"}))["data"][
        "districtUpdate"
    ]["district"]["name"] == "沈北新区（改）"
    # a unit in the district blocks its deactivation until the unit is deactivated
    unit = await Unit.create(
        code="SB",
        name="沈北分局",
        kind=UnitKind.DISTRICT_BUREAU,
        jurisdiction_id=(await District.get(id=int(did))).jurisdiction_id,
        district_id=int(did),
    )
    blocked = await gql(client, D_SET_ACTIVE, {"id": did, "a": False})
    assert blocked["data"]["districtSetActive"]["errors"][0]["code"] == "INVALID_STATE"
    await gql(client, SET_ACTIVE, {"id": str(unit.id), "a": False})
    done = await gql(client, D_SET_ACTIVE, {"id": did, "a": False})
    assert done["data"]["districtSetActive"] == {"district": {"isActive": False}, "errors": []}
    listed = (await gql(client, "{ adminDistricts { code isActive } }"))["data"]["adminDistricts"]
    assert {"code": "210113", "isActive": False} in listed
    # a unit cannot be placed in a deactivated district
    refused = await gql(
        client,
        CREATE,
        {
            "in": {
                "code": "SB2",
                "name": "x",
                "kind": "DISTRICT_BUREAU",
                "jurisdictionCode": "sy",
                "districtCode": "210113",
            }
        },
    )
    assert refused["data"]["unitCreate"]["errors"][0]["code"] == "INVALID_STATE"
