"""The batch lookup `subjects(usccs:)` in one SQL statement, as `public_plan` plans the
single lookup: the same selections of PublicSubject compiled by `compile_subject`, one
element per code in the order given, null for a code no subject has.

`batch_plan(query, operation_name)` recognises one `subjects(usccs: $v)` root field with
`$v` declared `[String!]!` (asOf left out, null, or a Date variable that is null), and any
selection the single lookup's plan supports; anything else is None. The request's codes
are checked by `batch_codes`: one to MAX_BATCH codes, all well-formed (a malformed code is
the resolver's error at its position), and within the public cost budget; otherwise the
resolvers answer. The statement's `fallback` is true when any subject found needs them
(the single lookup's conditions).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    GraphQLError,
    NullValueNode,
    OperationDefinitionNode,
    VariableNode,
    print_ast,
)

from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.plan_ast import (
    COST_BUDGET,
    Unsupported,
    response_key,
    selection_cost,
    single_root,
    variable_type,
)
from credit.subjects.public_plan import (
    FALLBACK,
    catalogues_join,
    compile_subject,
)

# credit.subjects.queries.MAX_BATCH (a test keeps them equal): more is the resolver's error.
MAX_BATCH = 100


@dataclass(frozen=True)
class BatchPlan:
    """`sql` takes $1 the normalised codes (text[]), $2 now, $3 today (ISO text, when asOf
    is selected) and returns one row (fallback, json array)."""

    sql: str
    root_key: str
    usccs_variable: str
    null_variables: tuple[str, ...]
    cost_per_subject: int  # the cost limiter's: the document costs 1 + codes × this


def _arguments(root: FieldNode, op: OperationDefinitionNode) -> tuple[str, tuple[str, ...]]:
    usccs: str | None = None
    used: list[str] = []
    null_variables: list[str] = []
    definitions = {d.variable.name.value: d for d in op.variable_definitions or ()}
    for a in root.arguments or ():
        value = a.value
        if a.name.value == "usccs" and isinstance(value, VariableNode):
            d = definitions.get(value.name.value)
            if d is None or d.default_value is not None or d.directives:
                raise Unsupported("the codes' variable")
            if print_ast(d.type) != "[String!]!":
                raise Unsupported("the codes' variable is not a [String!]!")
            usccs = value.name.value
            used.append(usccs)
        elif a.name.value == "asOf" and isinstance(value, NullValueNode):
            pass  # today, as when it is left out
        elif a.name.value == "asOf" and isinstance(value, VariableNode):
            if variable_type(op, value.name.value) != "Date":
                raise Unsupported("asOf's variable is not a Date")
            used.append(value.name.value)
            null_variables.append(value.name.value)
        else:
            raise Unsupported(f"argument {a.name.value}")
    if usccs is None or sorted(used) != sorted(definitions) or len(set(used)) != len(used):
        raise Unsupported("no codes, or a variable declared and unused or used twice")
    return usccs, tuple(null_variables)


@lru_cache(maxsize=256)
def batch_plan(query: str, operation_name: str | None) -> BatchPlan | None:
    """The plan for a batch document, or None when the normal resolvers must answer it."""
    try:
        op, root = single_root(query, operation_name, "subjects")
        usccs, null_variables = _arguments(root, op)
        answer = compile_subject(root)
        assert root.selection_set is not None  # compile_subject refuses a bare field
        per_subject = selection_cost(root.selection_set.selections)
    except (Unsupported, GraphQLError, RecursionError):
        return None
    sql = f"""
SELECT coalesce(bool_or(s.id IS NOT NULL AND {FALLBACK}), false) AS fallback,
       json_agg(CASE WHEN s.id IS NULL THEN NULL ELSE {answer} END ORDER BY c.o)::text
         AS answer
FROM unnest($1::text[]) WITH ORDINALITY AS c(code, o)
LEFT JOIN subject s ON s.uscc = c.code
LEFT JOIN evaluation e ON e.subject_id = s.id
{catalogues_join()}"""
    return BatchPlan(sql, response_key(root), usccs, null_variables, per_subject)


def batch_codes(found: BatchPlan, variables: dict[str, Any]) -> list[str] | None:
    """The request's normalised codes, or None when the resolvers must answer it."""
    if any(variables.get(name) is not None for name in found.null_variables):
        return None  # a date other than today: evaluated afresh by the resolvers
    raw = variables.get(found.usccs_variable)
    if not isinstance(raw, list) or not 0 < len(raw) <= MAX_BATCH:
        return None
    if 1 + len(raw) * found.cost_per_subject > COST_BUDGET:
        return None  # the cost limiter's error
    codes = []
    for code in raw:
        if not isinstance(code, str) or "\x00" in code:
            return None  # coercion or VariableCheck errors: the normal path words them
        try:
            codes.append(validate_uscc(code))
        except InvalidUSCC:
            return None
    return codes
