"""Which lookups the one-statement path answers: the planner of `credit.subjects.public_sql`.

`plan(query, operation_name)` recognises the common shape of the public lookup by USCC
(one `subject(uscc:)` root field, asOf left out or null, plain fields of PublicSubject, its
district, grade, lists, reasons, measures and `records(first:)` without a cursor) and compiles its
selection set into one SQL expression that builds the answer's JSON in PostgreSQL. Anything
else (fragments, directives, `__typename`, `asOf`, `idNumber`, `commitments`, a list
entry's `basis`, cursors, variables other than the code) gives None: the normal resolvers
answer it. The SQL reproduces exactly what the resolvers of `credit.subjects.types` give
for the fields it covers; the catalogues (measure and information-type names) are the
Python ones, written into the statement as JSON literals.

A recognised document is also valid against the schema (every name, argument and type it
contains is checked here), so skipping graphql-core's validation changes no answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

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
from credit.core.clock import TZ
from credit.subjects.plan_ast import (
    COST_BUDGET,
    Unsupported,
    aliased_fields,
    field_name,
    json_array,
    json_literal,
    json_object,
    leaves_object,
    no_arguments,
    plain_fields,
    response_key,
    scalar_field,
    scalar_object,
    selection_cost,
    single_root,
    sql_literal,
    variable_type,
)


@dataclass(frozen=True)
class Plan:
    """`sql` takes $1 the normalised code, $2 now (timestamptz), $3 today (ISO text, when
    asOf is selected) and
    returns one row (fallback, json) per subject found: `fallback` when the stored
    evaluation cannot be served as it is (stale, missing) or the answer needs Python
    (a natural person's masked name, a measure outside the catalogues)."""

    sql: str
    root_key: str
    uscc_variable: str | None  # the variable holding the code, or None for a literal
    uscc_literal: str | None
    null_variables: tuple[str, ...] = ()  # asOf's variable: today only when it is null


@lru_cache(maxsize=1)
def _catalogues() -> tuple[str, str]:
    from credit.policies import display
    from credit.policies.catalogues import (
        INFO_TYPES_BY_CODE,
        SHENYANG_MEASURES_BY_CODE,
        WUGANG_MEASURES_BY_CODE,
    )

    measures = {}
    for code in [*SHENYANG_MEASURES_BY_CODE, *WUGANG_MEASURES_BY_CODE]:
        m = display.measure(code)
        measures[code] = {"name": m.name_zh, "article": m.article, "kind": m.kind}
    types = {code: display.info_type_name(code) for code in INFO_TYPES_BY_CODE}
    return json_literal(measures), json_literal(types)


REASON = {"article": "x->>'article'", "rule": "x->>'rule'", "summary": "x->>'summary'"}


def _reasons(node: FieldNode, path: str) -> str:
    element = leaves_object(scalar_object(node, REASON), REASON)
    return json_array(element, f"jsonb_array_elements({path}) WITH ORDINALITY AS t(x, o)")


LIST_ENTRY = {
    "list": "x->>'list'",
    "since": "x->>'since'",
    "until": "NULLIF(x->>'until', '')",
    "decisionNo": "x->>'decision_no'",
    "decisionDate": "NULLIF(x->>'decision_date', '')",
    "article": "x->>'article'",
    "recordIds": json_array(
        "v", "jsonb_array_elements_text(x->'record_ids') WITH ORDINALITY AS r(v, o)"
    ),
}


def _lists(node: FieldNode) -> str:
    element = leaves_object(scalar_object(node, LIST_ENTRY), LIST_ENTRY)
    source = "jsonb_array_elements(e.payload->'list_entries') WITH ORDINALITY AS t(x, o)"
    return json_array(element, source)


def _measures(node: FieldNode) -> str:
    catalogue = "cat.measures"
    leaves = {
        "code": "c",
        "name": f"({catalogue}->c->>'name')",
        "article": f"({catalogue}->c->>'article')",
        "kind": f"({catalogue}->c->>'kind')",
    }
    element = leaves_object(scalar_object(node, leaves), leaves)
    return json_array(
        element, "jsonb_array_elements_text(e.payload->'measures') WITH ORDINALITY AS t(c, o)"
    )


def _grade(node: FieldNode) -> str:
    pairs = []
    for f in plain_fields(no_arguments(node), {"level": 1, "reasons": 1}):
        if f.name.value == "level":
            pairs.append((response_key(f), "e.grade::text"))
        else:
            pairs.append((response_key(f), _reasons(f, "e.payload->'grade_reasons'")))
    return f"CASE WHEN NULLIF(e.grade::text, '') IS NULL THEN NULL ELSE {json_object(pairs)} END"


def _district(node: FieldNode) -> str:
    leaves = {"code": "d.code", "name": "d.name"}
    row = leaves_object(scalar_object(node, leaves), leaves)
    return f"(SELECT {row} FROM district d WHERE d.id = s.district_id)"


# The public records of the evaluation (stored ones, in its order, and derived ones), each
# with the fields PublicRecord gives (credit.subjects.types.public_record and
# derived_public_record), sorted as the resolver sorts: newest (publication, else
# occurrence) date first, then id (as text, code point order) descending.
_RECORDS = f"""
SELECT r.id::text AS id, r.category::text AS category, r.type::text AS type,
       r.summary::text AS summary, r.decision_no::text AS decision_no, r.decision_date,
       r.occurred_on, (r.published_at AT TIME ZONE {sql_literal(TZ.key)})::date AS published_on,
       NULLIF(r.issuing_unit, '')::text AS issuing_unit,
       (e.payload->'public_until'->>(r.id::text))::date AS public_until
FROM jsonb_array_elements_text(e.payload->'public_record_ids') AS k(v)
JOIN credit_record r ON r.id = k.v::int
UNION ALL
SELECT 'derived:' || (x->>'key'), x->>'category', x->>'type', x->>'summary', NULL, NULL,
       (x->>'occurred_on')::date, (x->>'published_on')::date, NULL,
       (x->>'public_until')::date
FROM jsonb_array_elements(e.payload->'derived_records') AS x
"""


def _node(f: FieldNode) -> str:
    leaves = {
        "id": "p.id",
        "category": "p.category",
        "type": "p.type",
        "typeName": "coalesce(cat.types->>p.type, p.type)",
        "summary": "p.summary",
        "decisionNo": "p.decision_no",
        "decisionDate": "p.decision_date",
        "occurredOn": "p.occurred_on",
        "publishedOn": "p.published_on",
        "issuingUnit": "p.issuing_unit",
        "publicUntil": "p.public_until",
    }
    return leaves_object(scalar_object(f, leaves), leaves)


def _first(node: FieldNode) -> int:
    size = 20
    for a in node.arguments or ():
        if a.name.value != "first":
            raise Unsupported(f"records({a.name.value}:)")
        if isinstance(a.value, IntValueNode):
            size = int(a.value.value)
        elif not isinstance(a.value, NullValueNode):  # null: the default page
            raise Unsupported("first from a variable")
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise Unsupported("first out of range: the resolver's error")
    return size


def _records(node: FieldNode) -> str:
    size = _first(node)
    cursors = "ARRAY[" + ", ".join(sql_literal(encode_cursor(i)) for i in range(max(size, 1))) + "]"
    shown = f"least(count(*), {size})"
    page_info = {
        "hasNextPage": f"(count(*) > {size})",
        "hasPreviousPage": "false",
        "startCursor": f"CASE WHEN {shown} > 0 THEN ({cursors})[1] END",
        "endCursor": f"CASE WHEN {shown} > 0 THEN ({cursors})[{shown}] END",
    }
    pairs = []
    for f in plain_fields(node, {"totalCount": 1, "edges": 1, "pageInfo": 1}):
        name = f.name.value
        if name == "totalCount":
            pairs.append((response_key(scalar_field(f)), "count(*)"))
        elif name == "pageInfo":
            pairs.append((response_key(f), leaves_object(scalar_object(f, page_info), page_info)))
        else:
            edge = []
            for g in plain_fields(no_arguments(f), {"node": 1, "cursor": 1}):
                if g.name.value == "node":
                    edge.append((response_key(g), _node(no_arguments(g))))
                else:
                    edge.append((response_key(scalar_field(g)), f"({cursors})[p.n]"))
            element = json_object(edge)
            pairs.append(
                (
                    response_key(f),
                    f"coalesce(json_agg({element} ORDER BY p.n) FILTER (WHERE p.n <= {size}), "
                    "'[]'::json)",
                )
            )
    ordered = (
        "SELECT q.*, row_number() OVER (ORDER BY coalesce(q.published_on, q.occurred_on) DESC, "
        f'q.id COLLATE "C" DESC) AS n FROM ({_RECORDS}) AS q'
    )
    return f"(SELECT {json_object(pairs)} FROM ({ordered}) AS p)"


def _plain(expression: str) -> Callable[[FieldNode], str]:
    def compile_field(f: FieldNode) -> str:
        scalar_field(f)
        return expression

    return compile_field


def _subject_fields() -> dict[str, Callable[[FieldNode], str]]:
    plain = {
        "uscc": "s.uscc",
        "name": "s.name",
        "idNumberMasked": "s.id_number_masked",
        "kind": "s.kind::text",
        "asOf": "$3::text",
        "isForecast": "false",
    }
    out: dict[str, Callable[[FieldNode], str]] = {k: _plain(v) for k, v in plain.items()}
    out.update(
        district=_district,
        grade=_grade,
        lists=_lists,
        reasons=lambda f: _reasons(no_arguments(f), "e.payload->'reasons'"),
        measures=_measures,
        records=_records,
    )
    return out


def _root_arguments(
    root: FieldNode, op: OperationDefinitionNode
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(the code's variable, or the code written in the query, and the variables that must
    be null for the plan to apply: an `asOf` given as a variable)."""
    uscc: tuple[str | None, str | None] | None = None
    used: list[str] = []
    null_variables: list[str] = []
    for a in root.arguments or ():
        value = a.value
        if a.name.value == "uscc" and isinstance(value, StringValueNode):
            uscc = (None, value.value)
        elif a.name.value == "uscc" and isinstance(value, VariableNode):
            # String! only: a nullable variable in the String! argument is a validation error.
            if variable_type(op, value.name.value) != "String!":
                raise Unsupported("the code's variable is not a String!")
            uscc = (value.name.value, None)
            used.append(value.name.value)
        elif a.name.value == "asOf" and isinstance(value, NullValueNode):
            pass  # today, as when it is left out
        elif a.name.value == "asOf" and isinstance(value, VariableNode):
            if variable_type(op, value.name.value) != "Date":
                raise Unsupported("asOf's variable is not a Date")
            used.append(value.name.value)
            null_variables.append(value.name.value)
        else:
            raise Unsupported(f"argument {a.name.value}")
    declared = [d.variable.name.value for d in op.variable_definitions or ()]
    if uscc is None or sorted(used) != sorted(declared) or len(set(used)) != len(used):
        raise Unsupported("no code, or a variable declared and unused or used twice")
    return uscc[0], uscc[1], tuple(null_variables)


def compile_subject(root: FieldNode) -> str:
    """The JSON object of one subject (aliases s, e, cat) for the selection of `root`."""
    handlers = _subject_fields()
    pairs = [
        (response_key(f), handlers[field_name(f, handlers)](f))
        for f in plain_fields(root, handlers)
    ]
    aliases = sum(1 for _ in aliased_fields(root)) + (1 if root.alias else 0)
    if aliases > 30:
        raise Unsupported("too many aliases: the limiter's error")
    return json_object(pairs)


# The stored evaluation cannot be served as it is (stale, missing) or the answer needs
# Python (a natural person's masked name, a measure outside the catalogues).
FALLBACK = """(s.kind::text = 'NATURAL_PERSON'
        OR e.id IS NULL
        OR (e.next_change_at IS NOT NULL AND e.next_change_at <= $2)
        OR NOT (e.payload ? 'public_until')
        OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.payload->'measures') AS m(c)
                   WHERE NOT (cat.measures ? m.c)))"""


def catalogues_join() -> str:
    measures, types = _catalogues()
    return f"CROSS JOIN (SELECT {measures} AS measures, {types} AS types) AS cat"


@lru_cache(maxsize=512)
def plan(query: str, operation_name: str | None) -> Plan | None:
    """The plan for a document, or None when the normal resolvers must answer it."""
    try:
        op, root = single_root(query, operation_name, "subject")
        variable, literal, null_variables = _root_arguments(root, op)
        answer = compile_subject(root)
        if selection_cost(op.selection_set.selections) > COST_BUDGET:
            raise Unsupported("over the cost budget: the limiter's error")
    except (Unsupported, GraphQLError, RecursionError):
        return None
    sql = f"""
SELECT {FALLBACK} AS fallback,
       {answer}::text AS answer
FROM subject s LEFT JOIN evaluation e ON e.subject_id = s.id
{catalogues_join()}
WHERE s.uscc = $1"""
    return Plan(sql, response_key(root), variable, literal, null_variables)
