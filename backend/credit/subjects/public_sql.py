"""The public lookup by USCC, the batch lookup (`credit.subjects.public_batch`) and the name
search of a term few names contain (`credit.subjects.public_search`), in one SQL statement
(issue 16): for the common shape of the
query (docs/partners.md §2, the public search page), PostgreSQL builds the whole answer,
the stored evaluation read in the same statement, as PostGraphile does; no GraphQL
execution and no ORM objects on the way.

`respond(scope, body)` (the body decoded once, `GraphQLBody`) gives the HTTP response,
or None for anything it does not answer exactly as the normal resolvers would, which then
answer it: a document the planner does not recognise (`credit.subjects.public_plan`), a
code that is malformed (the resolver's INVALID_USCC error), a stale or missing evaluation
(the resolver recomputes it), a natural person (a masked name), SQLite, or a database error
(the normal path reports it). The body it gives is byte for byte the normal path's: the
same JSON encoder over the same values.

Reads go where the normal path's do: `replica.read_connection()` is the replica inside a
public read when it is usable (credit.core.replica), and its client retries a failed read
on the primary.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import Scope
from strawberry.http.parse_content_type import parse_content_type

from credit.apicore.body import GraphQLBody
from credit.core import clock, replica
from credit.subjects import queries, search
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.public_batch import batch_codes, batch_plan
from credit.subjects.public_plan import plan
from credit.subjects.public_search import search_plan, search_sql, search_term
from credit.subjects.search import term_share

log = logging.getLogger("credit.api")


def _request(scope: Scope, body: GraphQLBody) -> tuple[str, str, str | list[str], bool] | None:
    """(statement, root key, the code, the batch's codes or the search's term, whether it is
    a search) of a request the one-statement path answers."""
    headers = Headers(scope=scope)
    content_type = headers.get("content-type", "")
    if content_type != "application/json":  # (the common case skips the email parser)
        content_type, _ = parse_content_type(content_type)
    accept = headers.get("accept", "")
    # Only what strawberry parses as one JSON operation; a streaming transport is its own.
    if "application/json" not in content_type or "multipart/" in accept or "event-stream" in accept:
        return None
    payload = body.payload
    if payload is None:
        return None
    query, variables = payload.get("query"), payload.get("variables")
    operation_name = payload.get("operationName")
    if (
        not isinstance(query, str)
        or not isinstance(variables, dict | None)
        or not isinstance(operation_name, str | None)
        or payload.get("extensions") is not None
    ):
        return None
    found = plan(query, operation_name)
    if found is None:
        return _batch_or_search(query, operation_name, variables or {})
    if found.uscc_variable is not None:
        raw = (variables or {}).get(found.uscc_variable)
    else:
        raw = found.uscc_literal
    if any((variables or {}).get(name) is not None for name in found.null_variables):
        return None  # a date other than today: evaluated afresh by the resolvers
    if not isinstance(raw, str) or "\x00" in raw:
        return None  # coercion or VariableCheck errors: the normal path words them
    try:
        return found.sql, found.root_key, validate_uscc(raw), False
    except InvalidUSCC:
        return None


def _batch_or_search(
    query: str, operation_name: str | None, variables: dict[str, Any]
) -> tuple[str, str, str | list[str], bool] | None:
    batch = batch_plan(query, operation_name)
    if batch is not None:
        codes = batch_codes(batch, variables)
        return None if codes is None else (batch.sql, batch.root_key, codes, False)
    searched = search_plan(query, operation_name)
    term = None if searched is None else search_term(searched, variables)
    if searched is None or term is None:
        return None
    sql = search_sql(searched, term, queries.SEARCH_RESULT_CAP)
    return sql, searched.root_key, term, True


async def respond(scope: Scope, body: GraphQLBody) -> Response | None:
    request = _request(scope, body)
    if request is None:
        return None
    sql, root_key, code, searched = request
    client = replica.read_connection()
    if client.capabilities.dialect != "postgres":
        return None
    try:
        if searched and await term_share(client, str(code)) >= search.WALK_FROM:
            return None  # a common term: the resolver's walk of the name index
        values: list[Any] = [code, clock.now()]
        if "$3" in sql:  # asOf is selected
            values.append(clock.today().isoformat())
        _, rows = await client.execute_query(sql, values)
    except Exception as exc:  # the normal path answers (and reports) it
        log.warning("public lookup statement failed, answered by the resolvers: %r", exc)
        return None
    subject: Any = None
    if rows:
        fallback, answer = rows[0]
        if fallback:
            return None
        subject = json.loads(answer)
    # strawberry's encoder (credit.api.http.CreditGraphQL): ASCII, no spaces.
    content = json.dumps({"data": {root_key: subject}}, separators=(",", ":"))
    return Response(content, media_type="application/json")
