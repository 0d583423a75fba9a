"""Hypothesis strategies built from the schema itself: for any root field, an operation
text and argument values of the declared types, mixing well-formed values with the
malformed ones a fuzzer (or an attacker) sends. New fields are covered without edits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)
from hypothesis import strategies as st

BAD_IDS = [
    "",
    " ",
    "abc",
    " 1",
    "1 ",
    "1.0",
    "1e3",
    "0",
    "-1",
    "+1",
    "0x10",
    "１",
    "\x00",
    "1\x00",
    str(2**31),
    str(2**32),
    str(2**63),
    "99999999999999999999",
    "9" * 400,
]
BAD_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "9" * 19,
    "91210102TQ0000001X",
    "x" * 33,
    "沈阳" * 150,
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "<script>",
    "\u202e",
    "🙂",
    "x" * 5000,
]
BAD_DATES = [
    "",
    "2026-02-30",
    "2026-13-01",
    "0001-01-01",
    "9999-12-31",
    "2026-1-1",
    "today",
    "2026-10-01T00:00:00",
    "10000-01-01",
    "\x00",
]
BAD_DATETIMES = ["", "2026-10-01", "2026-10-01T25:00:00", "0001-01-01T00:00:00+14:00", "x"]
BAD_DECIMALS = [
    "NaN",
    "-NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "1e-400",
    "",
    "123456789012345678",
    "abc",
    "0.001",
    "-0",
    "1,000",
    "１２",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)

SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "ID": st.one_of(
        st.integers(1, 8).map(str),
        st.sampled_from(BAD_IDS),
        st.integers(-(2**70), 2**70).map(str),
        st.text(max_size=12),
    ),
    "String": st.one_of(st.text(max_size=40), st.sampled_from(BAD_TEXT), st.text(max_size=300)),
    "Int": st.one_of(
        st.integers(-(2**31), 2**31 - 1), st.sampled_from([0, -1, 101, 2**31, -(2**40)])
    ),
    "Float": st.floats(allow_nan=False, allow_infinity=False),
    "Boolean": st.booleans(),
    "Date": st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(BAD_DATES)),
    "DateTime": st.one_of(
        st.datetimes().map(lambda d: d.isoformat()), st.sampled_from(BAD_DATETIMES)
    ),
    "Decimal": st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False).map(str), st.sampled_from(BAD_DECIMALS)
    ),
    "JSON": json_values,
}


def values(type_: GraphQLInputType, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of `type_`, now and then of the wrong shape (null for a non-null, a wrong
    enum value), so that coercion errors are exercised as well."""
    if isinstance(type_, GraphQLNonNull):
        return values(type_.of_type, depth)  # null now and then: a coercion error
    if isinstance(type_, GraphQLList):
        inner = values(type_.of_type, depth + 1)
        return st.none() | st.lists(inner, max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.none() | st.sampled_from(list(type_.values)) | st.sampled_from(["", "nope"])
    if isinstance(type_, GraphQLScalarType):
        return st.none() | SCALARS.get(type_.name, st.text(max_size=20))
    assert isinstance(type_, GraphQLInputObjectType)
    if depth > 4:
        return st.none()
    required = {n: values(f.type, depth + 1) for n, f in type_.fields.items()}
    mandatory = {
        n: s for n, s in required.items() if isinstance(type_.fields[n].type, GraphQLNonNull)
    }
    optional = {n: s for n, s in required.items() if n not in mandatory}
    return st.none() | st.fixed_dictionaries(mandatory, optional=optional)


@dataclass
class Operation:
    text: str
    variables: dict[str, Any]


def _selection(field: GraphQLField) -> str:
    return "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"


def literal(value: Any, type_: GraphQLInputType) -> str:
    """A value written into the query text; enum values bare, everything else as JSON
    (whose escapes GraphQL string literals share)."""
    named = get_named_type(type_)
    if value is None:
        return "null"
    is_json = isinstance(named, GraphQLScalarType) and named.name == "JSON"
    if isinstance(value, list) and not is_json:
        inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        item = inner.of_type if isinstance(inner, GraphQLList) else inner
        return "[" + ", ".join(literal(v, item) for v in value) + "]"
    if isinstance(named, GraphQLInputObjectType) and isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{k}: {literal(v, named.fields[k].type)}" for k, v in value.items())
            + "}"
        )
    if isinstance(named, GraphQLEnumType) and isinstance(value, str) and value.isidentifier():
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_json:
        return json.dumps(json.dumps(value))  # a JSON literal is awkward; send it as text
    return json.dumps(value)


@st.composite
def operations(draw: st.DrawFn, kind: str, name: str, field: GraphQLField) -> Operation:
    """One call of the root field `name`: arguments in variables or written inline."""
    args = {a: draw(values(arg.type)) for a, arg in field.args.items()}
    inline = draw(st.booleans())
    if inline:
        written = ", ".join(
            f"{a}: {literal(v, field.args[a].type)}" for a, v in args.items() if v is not None
        )
        call = f"{name}({written})" if written else name
        return Operation(f"{kind} {{ {call}{_selection(field)} }}", {})
    declared = ", ".join(f"${a}: {field.args[a].type}" for a in args)
    passed = ", ".join(f"{a}: ${a}" for a in args)
    head = f"{kind} Fuzz({declared})" if args else kind
    call = f"{name}({passed})" if args else name
    return Operation(f"{head} {{ {call}{_selection(field)} }}", args)
