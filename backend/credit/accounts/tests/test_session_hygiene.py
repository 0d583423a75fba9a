"""Session and token hygiene (issue 11): cookie flags, CSRF on every mutation, and a
revoked or expired session or token refused on the very next request, on every worker."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from graphql.pyutils import Undefined
from tortoise import Tortoise

from credit.accounts.models import ApiToken, Role, Session
from credit.accounts.permissions import ROLE_PERMISSIONS
from credit.api.schema import schema
from credit.apicore.visibility import guard_of
from credit.conftest import LOGIN, gql, sign_in
from credit.core import clock
from credit.core.settings import get_settings, override_settings
from credit.testing import make_partner_token, make_subject, make_user

ME = "{ me { username } }"
PARTNER_QUERY = "{ districts { code } }"

# --- cookie flags -----------------------------------------------------------------------------


async def _login_cookie(make_client: Any) -> str:
    await make_user("officer", "DISTRICT_OFFICER")
    response = await make_client().post(
        "/graphql", json={"query": LOGIN, "variables": {"u": "officer", "p": "Correct-Horse-1"}}
    )
    assert response.json()["data"]["login"]["errors"] == []
    return response.headers["set-cookie"].lower()


async def test_session_cookie_is_httponly_lax_and_not_secure_by_default(make_client) -> None:
    cookie = await _login_cookie(make_client)
    assert "credit_session=" in cookie
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    assert "secure" not in cookie.replace("samesite", "")


async def test_session_cookie_is_secure_when_cookie_secure(make_client) -> None:
    original = get_settings()
    override_settings(dataclasses.replace(original, cookie_secure=True))
    try:
        cookie = await _login_cookie(make_client)
    finally:
        override_settings(original)
    assert "; secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


async def test_logout_clears_the_cookie_with_the_same_flags(make_client) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    await sign_in(client, "officer")
    response = await client.post("/graphql", json={"query": "mutation { logout { ok } }"})
    cookie = response.headers["set-cookie"].lower()
    assert 'credit_session=""' in cookie or "credit_session=;" in cookie
    assert "max-age=0" in cookie and "httponly" in cookie and "samesite=lax" in cookie


# --- CSRF on every mutation -------------------------------------------------------------------


def _literal(t: Any) -> str:
    """A syntactically valid literal of input type `t` (its value need not make sense: the
    request must be refused before any resolver reads it)."""
    if isinstance(t, GraphQLNonNull):
        return _literal(t.of_type)
    if isinstance(t, GraphQLList):
        return "[]"
    if isinstance(t, GraphQLEnumType):
        return next(iter(t.values))
    if isinstance(t, GraphQLInputObjectType):
        required = [
            f"{name}: {_literal(f.type)}"
            for name, f in t.fields.items()
            if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined
        ]
        return "{" + ", ".join(required) + "}"
    assert isinstance(t, GraphQLScalarType)
    return {
        "Int": "1",
        "Float": "1.0",
        "Boolean": "false",
        "Date": '"2026-01-01"',
        "DateTime": '"2026-01-01T00:00:00+08:00"',
        "Decimal": '"1"',
        "JSON": "{}",
    }.get(t.name, '"1"')


def _mutation_text(name: str) -> str:
    field = schema._schema.mutation_type.fields[name]  # type: ignore[union-attr]
    args = ", ".join(
        f"{arg_name}: {_literal(arg.type)}"
        for arg_name, arg in field.args.items()
        if isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined
    )
    return f"mutation {{ {name}{'(' + args + ')' if args else ''} {{ __typename }} }}"


def _role_for(name: str) -> Role:
    """A role allowed to call the mutation, so that only the missing CSRF token stops it."""
    field = schema._schema.mutation_type.fields[name]  # type: ignore[union-attr]
    guard = guard_of(field.extensions["strawberry-definition"])
    if guard is None:
        return Role.DISTRICT_OFFICER
    return next(r for r in Role if ROLE_PERMISSIONS[r] & guard)


def _staff_may_call(name: str) -> bool:
    """False for a partner token's own mutations (scope WATCH_SUBJECTS): no staff role
    holds the scope, so no cookie session can call them at all."""
    field = schema._schema.mutation_type.fields[name]  # type: ignore[union-attr]
    guard = guard_of(field.extensions["strawberry-definition"])
    return guard is None or any(ROLE_PERMISSIONS[r] & guard for r in Role)


MUTATIONS = sorted(
    name
    for name in set(schema._schema.mutation_type.fields) - {"login"}  # type: ignore[union-attr]
    if _staff_may_call(name)
)


async def _row_counts() -> dict[str, int]:
    return {m._meta.db_table: await m.all().count() for m in Tortoise.apps.get_models_iterable()}


@pytest.mark.parametrize("name", MUTATIONS)
async def test_every_mutation_with_the_cookie_but_no_csrf_header_is_refused(
    make_client: Any, name: str
) -> None:
    # given: a signed-in user allowed to call the mutation, whose client drops the header
    role = _role_for(name)
    subject = await make_subject() if role == Role.ENTERPRISE else None
    await make_user("caller", role.value, subject=subject)
    client = make_client()
    await sign_in(client, "caller")
    del client.headers["x-csrf-token"]
    before = await _row_counts()
    # when
    body = await gql(client, _mutation_text(name))
    # then: refused with a code, and nothing written (not even an audit event)
    assert body.get("errors"), body
    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED", body
    assert await _row_counts() == before
    # and a wrong token is refused the same way
    client.headers["x-csrf-token"] = "not-the-token"
    wrong = await gql(client, _mutation_text(name))
    assert wrong["errors"][0]["extensions"]["code"] == "CSRF_FAILED", wrong


async def test_a_mutation_is_not_accepted_over_get(make_client) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    token = await sign_in(client, "officer")
    response = await client.get(
        "/graphql", params={"query": "mutation { logout { ok } }"}, headers={"x-csrf-token": token}
    )
    assert response.status_code in (400, 405)
    assert (await gql(client, ME))["data"]["me"]["username"] == "officer"


# --- revoked, ended or expired: refused on the very next request, on every worker ------------


async def test_revoked_token_is_refused_at_once_on_every_worker(make_client, settings) -> None:
    # given: two workers (two app instances), both of which have just served the token
    from credit.app import create_app

    secret = await make_partner_token()
    worker_a = make_client(headers={"authorization": "Bearer " + secret})
    import httpx

    worker_b = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=create_app(settings)),
        base_url="http://testserver",
        headers={"authorization": "Bearer " + secret},
    )
    try:
        for worker in (worker_a, worker_b, worker_a, worker_b):
            assert (await worker.post("/graphql", json={"query": PARTNER_QUERY})).status_code == 200
        # when: the administrator revokes it (through the API, on worker A)
        await make_user("admin", "ADMIN")
        admin = make_client()
        await sign_in(admin, "admin")
        token = await ApiToken.get(prefix=secret[:10])
        revoked = await gql(
            admin,
            "mutation($id: ID!) { apiTokenRevoke(id: $id) { errors { code } } }",
            {"id": str(token.id)},
        )
        assert revoked["data"]["apiTokenRevoke"]["errors"] == []
        # then: the very next request is refused on both workers, cached query or not
        for worker in (worker_b, worker_a):
            response = await worker.post("/graphql", json={"query": PARTNER_QUERY})
            assert response.status_code == 401
            assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    finally:
        await worker_b.aclose()


async def test_expired_token_is_refused_at_the_expiry_instant(make_client) -> None:
    secret = await make_partner_token()
    client = make_client(headers={"authorization": "Bearer " + secret})
    token = await ApiToken.get(prefix=secret[:10])
    clock.freeze(token.expires_at - timedelta(seconds=1))
    assert (await client.post("/graphql", json={"query": PARTNER_QUERY})).status_code == 200
    clock.freeze(token.expires_at)
    assert (await client.post("/graphql", json={"query": PARTNER_QUERY})).status_code == 401


async def test_expired_or_ended_session_is_anonymous_at_once(make_client) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    await sign_in(client, "officer")
    other = make_client()
    await sign_in(other, "officer")
    session = await Session.filter(ended_at=None).order_by("id").first()
    assert session is not None
    clock.freeze(session.expires_at)
    assert (await gql(client, ME))["data"]["me"] is None
    clock.freeze(None)
    # a session ended on the server (e.g. by the administrator) is gone on the next request
    assert (await gql(other, ME))["data"]["me"]["username"] == "officer"
    await Session.filter(ended_at=None).update(ended_at=clock.now())
    assert (await gql(other, ME))["data"]["me"] is None


async def test_deactivated_user_loses_the_session_at_once(make_client) -> None:
    from credit.accounts.models import User

    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    await sign_in(client, "officer")
    await User.filter(username="officer").update(is_active=False)
    assert (await gql(client, ME))["data"]["me"] is None
