"""The name search `subjectSearch(name:, first:)` in one SQL statement, as `public_plan`
plans the lookup: for a term few names contain (credit.subjects.search.named_page's
statement path), PostgreSQL finds the matches by the character-pair index, counts them up
to the cap, ranks the first page by name and builds the connection's JSON with each
node compiled by `compile_subject`, the stored evaluations read in the same statement.

`search_plan(query, operation_name)` recognises one `subjectSearch` root field with `name`
a `String!` variable or a literal, `first` a literal (or null, or left out), no `after`,
and a selection of totalCount, edges (cursor, node) and pageInfo. `search_term` checks the
request's term: a name (not an ID number's shape) of at most 100 characters. The term's
share and the statement's `fallback` decide the rest (credit.subjects.public_sql).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    GraphQLError,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    StringValueNode,
    VariableNode,
)

from credit.apicore.pagination import MAX_PAGE_SIZE, encode_cursor
from credit.subjects.identifiers import normalise
from credit.subjects.person_lookup import looks_like_id_number
from credit.subjects.plan_ast import (
    COST_BUDGET,
    Unsupported,
    aliased_fields,
    json_object,
    no_arguments,
    plain_fields,
    response_key,
    scalar_field,
    selection_cost,
    single_root,
    sql_literal,
    variable_type,
)
from credit.subjects.public_plan import (
    FALLBACK,
    catalogues_join,
    compile_subject,
)
from credit.subjects.search import USCC_LENGTH


@dataclass(frozen=True)
class SearchPlan:
    """`sql` (completed by `search_sql`) takes $1 the normalised term, $2 now, $3
    today (ISO text, when asOf is selected); one row (fallback, json)."""

    sql: str
    root_key: str
    name_variable: str | None
    name_literal: str | None


def _arguments(root: FieldNode, op: OperationDefinitionNode) -> tuple[str | None, str | None, int]:
    variable: str | None = None
    literal: str | None = None
    size = 20
    for a in root.arguments or ():
        value = a.value
        if a.name.value == "name" and isinstance(value, StringValueNode):
            literal = value.value
        elif a.name.value == "name" and isinstance(value, VariableNode):
            if variable_type(op, value.name.value) != "String!":
                raise Unsupported("the name's variable is not a String!")
            variable = value.name.value
        elif a.name.value == "first" and isinstance(value, IntValueNode):
            size = int(value.value)
        elif a.name.value == "first" and isinstance(value, NullValueNode):
            pass  # the default page
        else:
            raise Unsupported(f"argument {a.name.value}")
    declared = [d.variable.name.value for d in op.variable_definitions or ()]
    if (variable is None and literal is None) or declared != ([variable] if variable else []):
        raise Unsupported("no name, or a variable declared and unused")
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise Unsupported("first out of range: the resolver's error")
    return variable, literal, size


# The matches counted up to the cap: an uncorrelated subquery, run once.
TOTAL = "(SELECT least(count(*), /*CAP*/) FROM (SELECT FROM found LIMIT /*CAP*/ + 1) AS c)"


def _connection(root: FieldNode, size: int) -> str:
    cursors = "ARRAY[" + ", ".join(sql_literal(encode_cursor(i)) for i in range(max(size, 1))) + "]"
    shown = "count(p.id)"
    page_info = {
        "hasNextPage": f"({shown} < {TOTAL})",
        "hasPreviousPage": "false",
        "startCursor": f"CASE WHEN {shown} > 0 THEN ({cursors})[1] END",
        "endCursor": f"CASE WHEN {shown} > 0 THEN ({cursors})[{shown}] END",
    }
    pairs = []
    for f in plain_fields(root, {"totalCount": 1, "edges": 1, "pageInfo": 1}):
        name = f.name.value
        if name == "totalCount":
            pairs.append((response_key(scalar_field(f)), TOTAL))
        elif name == "pageInfo":
            info = [
                (response_key(scalar_field(g)), page_info[g.name.value])
                for g in plain_fields(f, page_info)
            ]
            pairs.append((response_key(no_arguments(f)), json_object(info)))
        else:
            edge = []
            for g in plain_fields(no_arguments(f), {"node": 1, "cursor": 1}):
                if g.name.value == "node":
                    edge.append((response_key(g), compile_subject(no_arguments(g))))
                else:
                    edge.append((response_key(scalar_field(g)), f"({cursors})[p.n]"))
            pairs.append(
                (
                    response_key(f),
                    f"coalesce(json_agg({json_object(edge)} ORDER BY p.n) FILTER "
                    "(WHERE p.id IS NOT NULL), '[]'::json)",
                )
            )
    return json_object(pairs)


@lru_cache(maxsize=256)
def search_plan(query: str, operation_name: str | None) -> SearchPlan | None:
    """The plan for a search document, or None when the normal resolvers must answer it."""
    try:
        op, root = single_root(query, operation_name, "subjectSearch")
        variable, literal, size = _arguments(root, op)
        answer = _connection(root, size)
        if sum(1 for _ in aliased_fields(root)) + (1 if root.alias else 0) > 30:
            raise Unsupported("too many aliases: the limiter's error")
        if selection_cost(op.selection_set.selections) > COST_BUDGET:
            raise Unsupported("over the cost budget: the limiter's error")
    except (Unsupported, GraphQLError, RecursionError):
        return None
    # MATCH and CAP: the term's condition and SEARCH_RESULT_CAP, filled in at request time.
    # An aggregate without GROUP BY: one row, an empty page included.
    sql = f"""
WITH found AS MATERIALIZED (
  SELECT id, name FROM subject WHERE (/*MATCH*/) AND kind::text <> 'NATURAL_PERSON'
), page AS (  -- a top-N sort of the matches, then numbered
  SELECT id, row_number() OVER (ORDER BY name, id) AS n
  FROM (SELECT id, name FROM found ORDER BY name, id LIMIT least({size}, /*CAP*/)) AS top
)
SELECT coalesce(bool_or(s.id IS NOT NULL AND {FALLBACK}), false) AS fallback,
       {answer}::text AS answer
FROM page p
JOIN subject s ON s.id = p.id
LEFT JOIN evaluation e ON e.subject_id = s.id
{catalogues_join()}"""
    return SearchPlan(sql, response_key(root), variable, literal)


def search_term(found: SearchPlan, variables: dict[str, Any]) -> str | None:
    """The request's normalised term, or None when the resolvers must answer it."""
    raw = variables.get(found.name_variable) if found.name_variable else found.name_literal
    if not isinstance(raw, str) or "\x00" in raw:
        return None  # coercion or VariableCheck errors: the normal path words them
    term = normalise(raw)
    if not term or len(term) > 100 or looks_like_id_number(term):
        return None  # the resolver's errors, or a natural person's number
    return term


def search_sql(found: SearchPlan, term: str, cap: int) -> str:
    match = "credit_name_match(name, $1)"
    if len(term) == USCC_LENGTH:
        match += " OR uscc = $1"
    return found.sql.replace("/*MATCH*/", match).replace("/*CAP*/", str(cap))
