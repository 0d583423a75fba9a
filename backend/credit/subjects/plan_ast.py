"""What the one-statement planners share (`public_plan` for the lookup by USCC,
`public_batch`, `public_search`): reading a GraphQL document strictly (plain fields,
aliases, no fragments or directives, declared variables) and writing the SQL that builds
JSON from it. Anything outside the common shape raises `Unsupported`: the normal
resolvers answer it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from graphql import (
    FieldNode,
    IntValueNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    parse,
)

# Longer documents are left to the normal path, which applies the size and token limits
# (a document has fewer tokens than characters, so these stay under MaxTokensLimiter's).
# The depth of a planned document is 5 at most (the limit is 10); its cost is checked.
MAX_PLANNED_CHARS = 2900
# json_build_object takes at most 100 arguments: 50 keys.
MAX_KEYS = 50
# credit.api.limits.PUBLIC_COST_BUDGET and its page default (a test keeps them equal): a
# document over the public budget is the cost limiter's error, left to the normal path.
COST_BUDGET = 5_000
DEFAULT_PAGE = 20


class Unsupported(Exception):
    """The document is not the common shape: the normal resolvers answer it."""


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def json_literal(value: object) -> str:
    # UTF-8, not escaped: asyncpg caches prepared statements up to 15 KB of text only.
    return sql_literal(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) + "::jsonb"


def json_object(pairs: list[tuple[str, str]]) -> str:
    if len(pairs) > MAX_KEYS:
        raise Unsupported("too many fields")
    return "json_build_object(" + ", ".join(f"{sql_literal(k)}, {v}" for k, v in pairs) + ")"


def json_array(element: str, source: str) -> str:
    """The JSON array of `element` over `source` (a set with ordinality `o`), in order."""
    return f"coalesce((SELECT json_agg({element} ORDER BY o) FROM {source}), '[]'::json)"


Leaf = dict[str, str]


def leaves_object(node: FieldNode, leaves: Leaf) -> str:
    """An object whose fields are all scalars: name -> SQL expression."""
    return json_object(
        [(response_key(f), leaves[field_name(f, leaves)]) for f in plain_fields(node, leaves)]
    )


def field_name(f: FieldNode, allowed: Mapping[str, object]) -> str:
    name = f.name.value
    if name not in allowed:
        raise Unsupported(name)
    return name


def response_key(f: FieldNode) -> str:
    return f.alias.value if f.alias else f.name.value


def plain_fields(
    node: FieldNode | OperationDefinitionNode, allowed: Mapping[str, object]
) -> list[FieldNode]:
    """The sub-fields of `node`: plain fields only, each response key once, no arguments
    unless the caller checks them."""
    if node.selection_set is None:
        raise Unsupported("an object without a selection")
    out: list[FieldNode] = []
    keys: set[str] = set()
    for s in node.selection_set.selections:
        if not isinstance(s, FieldNode) or s.directives:
            raise Unsupported("fragment or directive")
        field_name(s, allowed)
        if response_key(s) in keys:
            raise Unsupported("a response key twice")
        keys.add(response_key(s))
        out.append(s)
    return out


def no_arguments(f: FieldNode) -> FieldNode:
    if f.arguments:
        raise Unsupported("arguments")
    return f


def scalar_field(f: FieldNode) -> FieldNode:
    if f.selection_set is not None:
        raise Unsupported("a selection on a scalar")
    return no_arguments(f)


def scalar_object(node: FieldNode, leaves: Leaf) -> FieldNode:
    for f in plain_fields(no_arguments(node), leaves):
        scalar_field(f)
    return node


def single_query(query: str, operation_name: str | None) -> OperationDefinitionNode:
    document = parse(query, no_location=True)
    if len(document.definitions) != 1:
        raise Unsupported("several definitions")
    op = document.definitions[0]
    if not isinstance(op, OperationDefinitionNode) or op.operation != OperationType.QUERY:
        raise Unsupported("not a query")
    if operation_name is not None and (op.name is None or op.name.value != operation_name):
        raise Unsupported("operationName names no operation: the normal error")
    if op.directives:
        raise Unsupported("directives")
    return op


def variable_type(op: OperationDefinitionNode, name: str) -> str:
    """The type of a declared variable as written (`String!`, `Date`); a default value or a
    directive makes it unsupported."""
    for d in op.variable_definitions or ():
        if d.variable.name.value == name:
            if d.default_value is not None or d.directives:
                raise Unsupported("a variable with a default or a directive")
            inner = d.type.type if isinstance(d.type, NonNullTypeNode) else d.type
            if not isinstance(inner, NamedTypeNode):
                raise Unsupported("a list variable")
            return inner.name.value + ("!" if isinstance(d.type, NonNullTypeNode) else "")
    raise Unsupported("an undeclared variable: the validation error")


def selection_cost(selections: Iterable[object]) -> int:
    """credit.api.limits.selection_cost for a planned document (fields only)."""
    total = 0
    for f in selections:
        assert isinstance(f, FieldNode)
        multiplier = 1
        for a in f.arguments or ():
            if a.name.value == "first":
                value = a.value
                multiplier = (
                    max(1, int(value.value)) if isinstance(value, IntValueNode) else DEFAULT_PAGE
                )
        inner = selection_cost(f.selection_set.selections) if f.selection_set else 0
        total += 1 + multiplier * inner
    return total


def aliased_fields(node: FieldNode) -> Iterator[FieldNode]:
    for s in node.selection_set.selections if node.selection_set else ():
        if isinstance(s, FieldNode):
            if s.alias:
                yield s
            yield from aliased_fields(s)


def single_root(
    query: str, operation_name: str | None, name: str
) -> tuple[OperationDefinitionNode, FieldNode]:
    """The query and its one root field `name`, the only shape a planner answers."""
    if len(query) > MAX_PLANNED_CHARS:
        raise Unsupported("a long document: the size and token limits are the normal path's")
    op = single_query(query, operation_name)
    roots = plain_fields(op, {name: 1})
    if len(roots) != 1:
        raise Unsupported("several root fields")
    return op, roots[0]
