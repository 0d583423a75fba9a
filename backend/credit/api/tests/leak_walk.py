"""The generic half of the leak matrix: every root query field of the schema, with every
argument filled from the data, and every field below it that the reader may ask for.

Nothing here names a field of ours: a field added tomorrow is walked tomorrow. A required
argument of a type this module cannot fill is reported as uncovered (and the test fails),
so the walk never silently skips a new query."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
)
from graphql.pyutils import Undefined
from strawberry.permission import PermissionExtension

from credit.accounts.permissions import HasPermission, Permission

MAX_DEPTH = 6  # object levels below a root field (connections use three: edges, node, …)
PAGE = 100  # `first` everywhere: the demo data fits in one page


@dataclass
class Pools:
    """Values for required arguments, taken from the data (every subject, every id)."""

    ids: Sequence[str]
    strings: dict[str, Sequence[str]]  # by argument name; "*" for any other name
    today: date
    string_lists: dict[str, Sequence[Sequence[str]]] = field(default_factory=dict)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, _Enum):
        return value.name
    return json.dumps(str(value), ensure_ascii=False)


@dataclass(frozen=True)
class _Enum:
    name: str


def _required(arg: GraphQLArgument) -> bool:
    return isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined


def _candidates(name: str, arg: GraphQLArgument, pools: Pools) -> list[Any] | None:
    """Every value worth trying for a required argument; None when we cannot fill it."""
    t = arg.type.of_type if isinstance(arg.type, GraphQLNonNull) else arg.type
    if isinstance(t, GraphQLList):
        inner = get_named_type(t)
        if isinstance(inner, GraphQLScalarType) and inner.name == "String":
            return [list(v) for v in pools.string_lists.get(name, [])] or None
        return None
    if isinstance(t, GraphQLEnumType):
        return [_Enum(v) for v in t.values]
    if isinstance(t, GraphQLInputObjectType) or not isinstance(t, GraphQLScalarType):
        return None
    if t.name == "ID":
        return list(pools.ids)
    if t.name == "String":
        return list(pools.strings.get(name) or pools.strings["*"])
    if t.name == "Int":
        return [pools.today.year] if name == "year" else [1]
    if t.name == "Boolean":
        return [False, True]
    if t.name == "Date":
        return (
            [pools.today.replace(month=1, day=1).isoformat()]
            if name == "start"
            else [pools.today.isoformat()]
        )
    return None


def _strawberry_permission(schema: Any, type_name: str, field_name: str) -> list[Permission]:
    """The permissions a field declares (any one suffices); [] for an open field."""
    sf = schema.get_field_for_type(field_name=field_name, type_name=type_name)
    out: list[Permission] = []
    for ext in getattr(sf, "extensions", None) or ():
        if isinstance(ext, PermissionExtension):
            for p in ext.permissions:
                if isinstance(p, HasPermission):
                    out.append(p.permission)
                else:
                    out.extend(getattr(p, "permissions", ()))
    return out


@dataclass
class Walker:
    schema: Any  # strawberry.Schema
    pools: Pools
    uncovered: set[str] = field(default_factory=set)

    @property
    def gql(self) -> GraphQLSchema:
        return self.schema._schema

    def permitted(self, perms: frozenset[Permission], type_name: str, name: str) -> bool:
        needed = _strawberry_permission(self.schema, type_name, name)
        return not needed or any(p in perms for p in needed)

    def selection(self, t: Any, perms: frozenset[Permission], depth: int) -> str | None:
        named = get_named_type(t)
        if not isinstance(named, GraphQLObjectType):
            return ""
        if depth == 0:
            return None
        parts = []
        for name, f in named.fields.items():
            if not self.permitted(perms, named.name, name):
                continue
            args = self._nested_args(named.name, name, f)
            if args is None:
                continue
            sub = self.selection(f.type, perms, depth - 1)
            if sub is None:
                continue
            parts.append(f"{name}{args}" + (f" {{ {sub} }}" if sub else ""))
        return " ".join(parts) if parts else None

    def _nested_args(self, type_name: str, name: str, f: GraphQLField) -> str | None:
        given = []
        for arg_name, arg in f.args.items():
            if arg_name == "first":
                given.append(f"first: {PAGE}")
            elif _required(arg):
                values = _candidates(arg_name, arg, self.pools)
                if not values:
                    self.uncovered.add(f"{type_name}.{name}({arg_name})")
                    return None
                given.append(f"{arg_name}: {_literal(values[0])}")
        return f"({', '.join(given)})" if given else ""

    def root_documents(self, perms: frozenset[Permission]) -> Iterator[tuple[str, str]]:
        """(root field, document) for every root query field the reader may call: one
        document per field, every combination of its required arguments as an alias."""
        query = self.gql.query_type
        assert query is not None
        for name, f in query.fields.items():
            if name.startswith("__") or not self.permitted(perms, query.name, name):
                continue
            sub = self.selection(f.type, perms, MAX_DEPTH)
            if sub is None:
                continue
            combos = self._root_combos(name, f)
            if combos is None:
                continue
            body = " ".join(
                f"a{i}: {name}{args}" + (f" {{ {sub} }}" if sub else "")
                for i, args in enumerate(combos)
            )
            yield name, f"{{ {body} }}"

    def _root_combos(self, name: str, f: GraphQLField) -> list[str] | None:
        fixed: list[str] = []
        choices: list[tuple[str, list[Any]]] = []
        for arg_name, arg in f.args.items():
            if arg_name == "first":
                fixed.append(f"first: {PAGE}")
            elif _required(arg):
                values = _candidates(arg_name, arg, self.pools)
                if not values:
                    self.uncovered.add(f"Query.{name}({arg_name})")
                    return None
                choices.append((arg_name, values))
        combos = []
        for combo in itertools.product(*(v for _, v in choices)):
            given = fixed + [
                f"{n}: {_literal(v)}" for (n, _), v in zip(choices, combo, strict=True)
            ]
            combos.append(f"({', '.join(given)})" if given else "")
        return combos
