"""Administration of users: the last active administrator remains, role/unit/active edits,
password reset (forced change at next sign-in) and one's own password change, each of
which ends the user's other sessions."""

from __future__ import annotations

from credit.accounts.models import Role, Session, Unit, UnitKind, User
from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.testing import make_place, make_user

ME = "{ me { username permissions mustChangePassword } }"
SET_ACTIVE = """mutation($id: ID!, $a: Boolean!) {
  userSetActive(id: $id, active: $a) { user { isActive } errors { code field message } } }"""
UPDATE = """mutation($id: ID!, $in: UserUpdateInput!) {
  userUpdate(id: $id, input: $in) {
    user { role unitId isActive displayName } errors { code field message } } }"""
RESET = """mutation($id: ID!, $p: String!) {
  userPasswordReset(id: $id, newPassword: $p) {
    user { mustChangePassword } errors { code field message } } }"""
CHANGE = """mutation($c: String!, $n: String!) {
  passwordChange(currentPassword: $c, newPassword: $n) { ok errors { code field message } } }"""
USERS = "{ users(first: 100) { edges { node { username } } } }"


async def test_the_only_administrator_cannot_disable_itself(make_client) -> None:
    # given
    admin = await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    # when
    body = await gql(client, SET_ACTIVE, {"id": str(admin.id), "a": False})  # type: ignore[attr-defined]
    # then
    payload = body["data"]["userSetActive"]
    assert payload["user"] is None
    assert payload["errors"][0]["code"] == "LAST_ADMINISTRATOR"
    assert (await User.get(username="admin")).is_active is True
    assert (await gql(client, ME))["data"]["me"]["username"] == "admin"


async def test_the_last_administrator_cannot_be_demoted_but_one_of_two_can(make_client) -> None:
    admin = await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    demote = {"id": str(admin.id), "in": {"role": "CITY_REVIEWER"}}  # type: ignore[attr-defined]
    refused = (await gql(client, UPDATE, demote))["data"]["userUpdate"]
    assert refused["errors"][0]["code"] == "LAST_ADMINISTRATOR"
    assert (await User.get(id=admin.id)).role == Role.ADMIN  # type: ignore[attr-defined]
    # a second active administrator: now the first may step down
    second = await make_user("admin2", "ADMIN")
    done = (await gql(client, UPDATE, demote))["data"]["userUpdate"]
    assert done["errors"] == [] and done["user"]["role"] == "CITY_REVIEWER"
    # and the remaining one is the last again (the demoted one's session has ended)
    other = make_client()
    await sign_in(other, "admin2")
    last = await gql(other, SET_ACTIVE, {"id": str(second.id), "a": False})  # type: ignore[attr-defined]
    assert last["data"]["userSetActive"]["errors"][0]["code"] == "LAST_ADMINISTRATOR"


async def test_user_update_changes_role_unit_and_active_with_an_audit_event(make_client) -> None:
    await make_user("admin", "ADMIN")
    officer = await make_user("officer", "DISTRICT_OFFICER")
    reviewer_unit = await Unit.get(code="U-CITY_BUREAU-0")
    officer_client = make_client()
    await sign_in(officer_client, "officer")
    client = make_client()
    await sign_in(client, "admin")
    body = await gql(
        client,
        UPDATE,
        {
            "id": str(officer.id),  # type: ignore[attr-defined]
            "in": {
                "role": "CITY_REVIEWER",
                "unitCode": reviewer_unit.code,
                "displayName": "张警官",
            },
        },
    )
    payload = body["data"]["userUpdate"]
    assert payload["errors"] == []
    assert payload["user"] == {
        "role": "CITY_REVIEWER",
        "unitId": str(reviewer_unit.id),
        "isActive": True,
        "displayName": "张警官",
    }
    event = await AuditEvent.get(action="user.update")
    assert event.before["role"] == "DISTRICT_OFFICER" and event.after["role"] == "CITY_REVIEWER"
    # the session opened under the old rights has ended
    assert (await gql(officer_client, ME))["data"]["me"] is None


async def test_a_district_officer_needs_a_unit_with_a_district(make_client) -> None:
    await make_user("admin", "ADMIN")
    reviewer = await make_user("reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "admin")
    body = await gql(
        client,
        UPDATE,
        {"id": str(reviewer.id), "in": {"role": "DISTRICT_OFFICER"}},  # type: ignore[attr-defined]
    )
    error = body["data"]["userUpdate"]["errors"][0]
    assert (error["code"], error["field"]) == ("INVALID", "unitCode")
    assert (await User.get(username="reviewer")).role == Role.CITY_REVIEWER


async def test_a_city_administrator_cannot_see_or_edit_another_jurisdictions_users(
    make_client,
) -> None:
    await make_user("admin", "ADMIN")
    wg, _ = await make_place("wugang-2021")
    wg_unit = await Unit.create(
        code="WG-CITY", name="舞钢市公安局", kind=UnitKind.CITY_BUREAU, jurisdiction_id=wg.id
    )
    from credit.accounts.passwords import hash_password

    stranger = await User.create(
        username="wg.reviewer",
        password_hash=hash_password("Correct-Horse-1"),
        display_name="舞钢",
        role=Role.CITY_REVIEWER,
        unit_id=wg_unit.id,
    )
    client = make_client()
    await sign_in(client, "admin")
    listed = (await gql(client, USERS))["data"]["users"]["edges"]
    assert "wg.reviewer" not in [e["node"]["username"] for e in listed]
    for query, variables, name in (
        (SET_ACTIVE, {"id": str(stranger.id), "a": False}, "userSetActive"),
        (RESET, {"id": str(stranger.id), "p": "Another-Horse-2"}, "userPasswordReset"),
        (UPDATE, {"id": str(stranger.id), "in": {"displayName": "x"}}, "userUpdate"),
    ):
        errors = (await gql(client, query, variables))["data"][name]["errors"]
        assert errors[0]["code"] == "NOT_FOUND", name
    assert (await User.get(id=stranger.id)).is_active is True
    # the system administrator (a unit of no jurisdiction) manages everyone
    platform = await Unit.create(code="PLATFORM", name="平台", kind=UnitKind.CITY_BUREAU)
    await User.create(
        username="root",
        password_hash=hash_password("Correct-Horse-1"),
        display_name="系统管理员",
        role=Role.ADMIN,
        unit_id=platform.id,
    )
    root = make_client()
    await sign_in(root, "root")
    listed = (await gql(root, USERS))["data"]["users"]["edges"]
    assert "wg.reviewer" in [e["node"]["username"] for e in listed]


async def test_password_reset_ends_sessions_and_forces_a_change_at_next_sign_in(
    make_client,
) -> None:
    # given: an officer signed in on two devices
    await make_user("admin", "ADMIN")
    officer = await make_user("officer", "DISTRICT_OFFICER")
    laptop, phone = make_client(), make_client()
    await sign_in(laptop, "officer")
    await sign_in(phone, "officer")
    admin = make_client()
    await sign_in(admin, "admin")
    # when the administrator resets the password
    body = await gql(admin, RESET, {"id": str(officer.id), "p": "Temporary-Pass-9"})  # type: ignore[attr-defined]
    # then both sessions are over
    assert body["data"]["userPasswordReset"] == {"user": {"mustChangePassword": True}, "errors": []}
    assert (await gql(laptop, ME))["data"]["me"] is None
    assert (await gql(phone, ME))["data"]["me"] is None
    assert await Session.filter(user_id=officer.id, ended_at=None).count() == 0  # type: ignore[attr-defined]
    event = await AuditEvent.get(action="user.password_reset")
    assert "Temporary-Pass-9" not in str(event.after) and "argon2" not in str(event.after)
    # the old password no longer works; the new one signs in to a must-change session
    fresh = make_client()
    await sign_in(fresh, "officer", "Temporary-Pass-9")
    me = (await gql(fresh, ME))["data"]["me"]
    assert me["mustChangePassword"] is True and me["permissions"] == ["CHANGE_OWN_PASSWORD"]
    denied = await gql(fresh, "{ reviewQueue { totalCount } }")
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    # after the change the role's rights are back
    changed = await gql(fresh, CHANGE, {"c": "Temporary-Pass-9", "n": "My-Own-Secret-7"})
    assert changed["data"]["passwordChange"] == {"ok": True, "errors": []}
    me = (await gql(fresh, ME))["data"]["me"]
    assert me["mustChangePassword"] is False and "ENTER_RECORDS" in me["permissions"]


async def test_password_change_ends_the_users_other_sessions_only(make_client) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    await make_user("reviewer", "CITY_REVIEWER")
    here, elsewhere, colleague = make_client(), make_client(), make_client()
    await sign_in(here, "officer")
    await sign_in(elsewhere, "officer")
    await sign_in(colleague, "reviewer")
    body = await gql(here, CHANGE, {"c": "Correct-Horse-1", "n": "Brand-New-Pass-3"})
    assert body["data"]["passwordChange"] == {"ok": True, "errors": []}
    assert (await gql(here, ME))["data"]["me"]["username"] == "officer"
    assert (await gql(elsewhere, ME))["data"]["me"] is None
    assert (await gql(colleague, ME))["data"]["me"]["username"] == "reviewer"
    assert await AuditEvent.filter(action="user.password_change").count() == 1
    again = make_client()
    await sign_in(again, "officer", "Brand-New-Pass-3")


async def test_password_change_needs_the_current_password_and_the_length_rule(make_client) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    await sign_in(client, "officer")
    before = (await User.get(username="officer")).password_hash
    cases = [
        (
            {"c": "wrong-password", "n": "Brand-New-Pass-3"},
            "INVALID_CREDENTIALS",
            "currentPassword",
        ),
        ({"c": "Correct-Horse-1", "n": "short"}, "INVALID", "newPassword"),
        ({"c": "Correct-Horse-1", "n": "Correct-Horse-1"}, "INVALID", "newPassword"),
    ]
    for variables, code, field in cases:
        payload = (await gql(client, CHANGE, variables))["data"]["passwordChange"]
        assert payload["ok"] is False
        assert (payload["errors"][0]["code"], payload["errors"][0]["field"]) == (code, field)
    assert (await User.get(username="officer")).password_hash == before
    assert not await AuditEvent.filter(action="user.password_change").exists()
    anonymous = await gql(make_client(), CHANGE, {"c": "a", "n": "Brand-New-Pass-3"})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_password_change_attempts_are_limited(make_client) -> None:
    from credit.accounts.admin_users import PASSWORD_CHANGE_LIMIT

    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    await sign_in(client, "officer")
    guess = {"c": "a-wrong-guess", "n": "Brand-New-Pass-3"}
    for _ in range(PASSWORD_CHANGE_LIMIT):
        payload = (await gql(client, CHANGE, guess))["data"]["passwordChange"]
        assert payload["errors"][0]["code"] == "INVALID_CREDENTIALS"
    right = {"c": "Correct-Horse-1", "n": "Brand-New-Pass-3"}
    limited = (await gql(client, CHANGE, right))["data"]["passwordChange"]
    assert limited["ok"] is False and limited["errors"][0]["code"] == "RATE_LIMITED"
