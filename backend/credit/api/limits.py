"""Query limits: a cost budget per request on top of strawberry's depth, alias and token
limiters. Cost: every field costs 1, multiplied by the page size (`first`, or the number
of `usccs`) of each enclosing list field. The public gets a smaller budget."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

# The query text (not the variables, which carry files) is refused above this size before
# it is parsed: tokenizing a 2 MB document costs seconds. The console's largest operation
# is under 5 KB and MAX_TOKENS tokens fit in far less than this.
MAX_QUERY_CHARS = 32 * 1024
PUBLIC_COST_BUDGET = 5_000
SIGNED_IN_COST_BUDGET = 50_000
DEFAULT_PAGE = 20


def _multiplier(field: FieldNode, variables: dict[str, Any]) -> int:
    for arg in field.arguments or ():
        if arg.name.value not in {"first", "usccs"}:
            continue
        value = arg.value
        if isinstance(value, IntValueNode):
            return max(1, int(value.value))
        if isinstance(value, ListValueNode):
            return max(1, len(value.values))
        if isinstance(value, VariableNode):
            v = variables.get(value.name.value)
            if isinstance(v, int):
                return max(1, v)
            if isinstance(v, list):
                return max(1, len(v))
        return DEFAULT_PAGE
    return 1


def selection_cost(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, Any],
    variables: dict[str, Any],
    seen: frozenset[str] = frozenset(),
) -> int:
    if selection_set is None:
        return 0
    total = 0
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            inner = selection_cost(sel.selection_set, fragments, variables, seen)
            total += 1 + _multiplier(sel, variables) * inner
        elif isinstance(sel, InlineFragmentNode):
            total += selection_cost(sel.selection_set, fragments, variables, seen)
        elif isinstance(sel, FragmentSpreadNode):
            name = sel.name.value
            if name in seen or name not in fragments:
                continue
            total += selection_cost(
                fragments[name].selection_set, fragments, variables, seen | {name}
            )
    return total


class CostLimiter(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None:
            fragments = {
                d.name.value: d
                for d in document.definitions
                if hasattr(d, "name") and not isinstance(d, OperationDefinitionNode)
            }
            variables = ctx.variables or {}
            budget = PUBLIC_COST_BUDGET
            context = ctx.context
            if getattr(getattr(context, "actor", None), "is_authenticated", False):
                budget = SIGNED_IN_COST_BUDGET
            for d in document.definitions:
                if isinstance(d, OperationDefinitionNode):
                    cost = selection_cost(d.selection_set, fragments, variables)
                    if cost > budget:
                        raise GraphQLError(
                            f"查询代价 {cost} 超过上限 {budget}：请减少字段或每页条数",
                            extensions={"code": "QUERY_TOO_COMPLEX", "cost": cost},
                        )
        yield


class QuerySizeLimit(SchemaExtension):
    """Refuses an oversized query text before the parser (and the token limiter) sees it."""

    def on_operation(self) -> Iterator[None]:
        query = self.execution_context.query
        if query is not None and len(query) > MAX_QUERY_CHARS:
            raise GraphQLError(
                f"查询文本过长（{len(query)} 个字符，上限 {MAX_QUERY_CHARS}）",
                extensions={"code": "QUERY_TOO_COMPLEX", "maxChars": MAX_QUERY_CHARS},
            )
        yield
