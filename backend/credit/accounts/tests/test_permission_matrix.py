"""Every mutation × every role: allowed, or refused with PERMISSION_DENIED (UNAUTHENTICATED
for the public). Generated from the schema, so a new mutation cannot be forgotten: it must
declare @requires or be listed as open to everyone here."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

from credit.accounts.models import Role
from credit.accounts.permissions import ROLE_PERMISSIONS, declared_permission
from credit.api.schema import schema
from credit.conftest import gql, sign_in
from credit.testing import make_partner_token, make_subject, make_user

# Mutations anyone may call (each has its own safeguards: credentials, rate limits).
OPEN_MUTATIONS = {"login", "logout", "publicReportFile"}


def _placeholder(type_: Any) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return _placeholder(type_.of_type)
    if isinstance(type_, GraphQLList):
        return []
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _placeholder(f.type)
            for name, f in type_.fields.items()
            if (isinstance(f.type, GraphQLNonNull) and f.default_value is not None)
            or isinstance(f.type, GraphQLNonNull)
        }
    assert isinstance(type_, GraphQLScalarType)
    return {
        "ID": "2147483647",  # well-formed (malformed ids are refused before permissions)
        "String": "x",
        "Int": 1,
        "Boolean": True,
        "Float": 1.0,
        "Date": "2020-01-01",
        "DateTime": "2099-01-01T00:00:00+08:00",
        "Decimal": "1",
        "JSON": {},
        "Upload": None,
    }[type_.name]


def _required_permission(field_name: str) -> str | None:
    for f in schema.get_type_by_name("Mutation").fields:  # type: ignore[union-attr]
        if schema.config.name_converter.get_graphql_name(f) == field_name:
            permission = declared_permission(f)
            return permission.value if permission else None
    raise AssertionError(f"no mutation {field_name}")


def mutation_cases() -> list[tuple[str, str]]:
    gql_schema = schema._schema
    out = []
    for name, field in gql_schema.mutation_type.fields.items():  # type: ignore[union-attr]
        args = {
            a: _placeholder(arg.type)
            for a, arg in field.args.items()
            if isinstance(arg.type, GraphQLNonNull)
        }
        defs = ", ".join(f"${a}: {field.args[a].type}" for a in args)
        call = ", ".join(f"{a}: ${a}" for a in args)
        head = f"mutation({defs})" if defs else "mutation"
        text = f"{head} {{ r: {name}{f'({call})' if call else ''} {{ __typename }} }}"
        out.append((name, text))
    return out


CASES = mutation_cases()
ROLES = ["ANONYMOUS", "PARTNER", *[r.value for r in Role]]


def test_every_mutation_declares_a_permission_or_is_open() -> None:
    undeclared = [
        n for n, _ in CASES if _required_permission(n) is None and n not in OPEN_MUTATIONS
    ]
    assert not undeclared, f"mutations without @requires: {undeclared}"


@pytest.mark.parametrize("role", ROLES)
async def test_permission_matrix(make_client, role: str) -> None:
    # given a caller of `role`
    subject = await make_subject()
    client = make_client()
    granted: frozenset[str] = frozenset()
    if role == "PARTNER":
        client.headers["authorization"] = "Bearer " + await make_partner_token()
    elif role != "ANONYMOUS":
        await make_user("u", role, subject=subject if role == "ENTERPRISE" else None)
        await sign_in(client, "u")
        granted = frozenset(p.value for p in ROLE_PERMISSIONS[Role(role)])
    for name, text in CASES:
        if name in {"logout"}:
            continue  # would end the session the rest of the loop uses
        # when
        variables = {
            a: _placeholder(arg.type)
            for a, arg in schema._schema.mutation_type.fields[name].args.items()  # type: ignore[union-attr]
            if isinstance(arg.type, GraphQLNonNull)
        }
        body = await gql(client, text, variables)
        codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
        needed = _required_permission(name)
        # then
        if needed is None or needed in granted:
            assert not codes & {"PERMISSION_DENIED", "UNAUTHENTICATED"}, (name, role, body)
        elif role == "ANONYMOUS":
            assert "UNAUTHENTICATED" in codes, (name, role, body)
        else:
            assert "PERMISSION_DENIED" in codes, (name, role, body)
