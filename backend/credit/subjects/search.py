"""Filters built from what a person types into a search box or picks as a district.

A term can only equal a USCC if it is 18 characters long, and a district code is at most
32: anything longer matches nothing rather than being compared with a column it cannot
fit (the ORM refuses such a value, which would surface as an internal error).
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from pypika_tortoise.terms import Function as SqlFunction
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q
from tortoise.functions import Function
from tortoise.queryset import QuerySet

from credit.core import replica
from credit.core.db import dialect
from credit.policies.facts import SubjectKind
from credit.subjects.models import District, Subject

USCC_LENGTH = 18


def _max_length(model: type[Subject] | type[District], field: str) -> int:
    # a CharField's max_length: the base Field type does not declare it
    return int(model._meta.fields_map[field].max_length)  # type: ignore[attr-defined]


def name_or_uscc(term: str, prefix: str = "") -> Q:
    """A subject whose name contains `term` or whose USCC is `term` (already normalised);
    `prefix` is the relation to the subject (`"subject__"`) when filtering another model."""
    found = Q(**{f"{prefix}name__icontains": term})
    if len(term) == USCC_LENGTH:
        found |= Q(**{f"{prefix}uscc": term})
    return found


class _NameMatch(SqlFunction):
    def __init__(self, name: Any, term: Any, **kwargs: Any) -> None:
        super().__init__("credit_name_match", name, term, **kwargs)


class NameMatch(Function):
    """credit_name_match(name, term): migration 0021, PostgreSQL only."""

    database_func = _NameMatch


def subjects_named(term: str) -> QuerySet[Subject]:
    """Subjects whose name contains `term` or whose USCC is `term` (normalised). On
    PostgreSQL the name part is served by the character-pair index (migration 0021);
    elsewhere by a scan."""
    if dialect() != "postgres":
        return Subject.filter(name_or_uscc(term))
    found = Q(name_match=True)
    if len(term) == USCC_LENGTH:
        found |= Q(uscc=term)
    return Subject.annotate(name_match=NameMatch(F("name"), term)).filter(found)


async def capped_page(
    query: QuerySet[Subject], offset: int, limit: int, cap: int
) -> tuple[int, list[Subject]]:
    """(number of matches counted up to `cap`, the page in name order) of any query."""
    total = min(len(await query.limit(cap + 1).values_list("id", flat=True)), cap)
    if offset >= cap:
        return total, []
    rows = await query.order_by("name", "id").offset(offset).limit(min(limit, cap - offset))
    return total, list(rows)


# A term few names contain: the matches are the character-pair index's candidates
# (rechecked by strpos) and are ranked by name among themselves, all in one scan that also
# gives the capped count. Left to itself the planner walks subject_name_id in name order
# and filters each name until it has a page: it assumes matches are spread evenly over the
# names, but a word of a firm's name clusters (after its city's prefix), so the walk passed
# 85,000 names for a term 2,600 names contain at 100k subjects (416 ms against 8 ms here).
# The CTE is materialised, so the order of the page cannot be taken from that index.
_NAMED = """
WITH found AS MATERIALIZED (
  SELECT id, name FROM subject
  WHERE (credit_name_match(name, $1){or_uscc}) AND kind <> $2
)
SELECT (SELECT count(*) FROM (SELECT FROM found LIMIT $3) AS capped) AS total,
       ARRAY(SELECT id FROM found ORDER BY name, id OFFSET $4 LIMIT $5) AS ids
"""


def named_statement(term: str, offset: int, limit: int, cap: int) -> tuple[str, list[Any]]:
    """The PostgreSQL statement (and its values) of `named_page` for a term few names
    contain: the capped count and the page's subject ids."""
    or_uscc = " OR uscc = $1" if len(term) == USCC_LENGTH else ""
    values: list[Any] = [term, SubjectKind.NATURAL_PERSON.value, cap + 1, offset, limit]
    return _NAMED.format(or_uscc=or_uscc), values


# How common a term is, from ANALYZE's most common elements of the character-pair index
# (a pair it does not list is rarer than every pair it lists), re-read every few minutes.
_SHARES_SQL = """
SELECT most_common_elems::text::text[] AS grams, most_common_elem_freqs AS freqs
FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'subject_name_grams'
"""
SHARES_TTL = 600.0
# From this share of names on, the ordered walk finds a page sooner than ranking every
# match: ~20 / share names walked against share × all names ranked.
WALK_FROM = 0.1


class _Shares:
    read_at: ClassVar[float] = -SHARES_TTL
    by_gram: ClassVar[dict[str, float]] = {}


async def term_share(client: BaseDBAsyncClient, term: str) -> float:
    """The estimated share of names containing every character pair of `term`."""
    if time.monotonic() - _Shares.read_at > SHARES_TTL:
        _, rows = await client.execute_query(_SHARES_SQL)
        _Shares.by_gram = (
            dict(zip(rows[0]["grams"], rows[0]["freqs"], strict=False)) if rows else {}
        )
        _Shares.read_at = time.monotonic()
    low = term.lower()
    pairs = {low[i : i + 2] for i in range(len(low) - 1)} or {low}
    return min(_Shares.by_gram.get(p, 0.0) for p in pairs)


async def named_page(term: str, offset: int, limit: int, cap: int) -> tuple[int, list[Subject]]:
    """Subjects but natural persons whose name contains `term` (or whose USCC is `term`):
    (their number counted up to `cap`, the page in name order)."""
    client = replica.read_connection()
    if client.capabilities.dialect != "postgres" or await term_share(client, term) >= WALK_FROM:
        # A term most names contain (one character, a city, 有限): the planner's ordered
        # walk of subject_name_id finds a page after a few names.
        query = subjects_named(term).exclude(kind=SubjectKind.NATURAL_PERSON)
        return await capped_page(query, offset, limit, cap)
    sql, values = named_statement(term, offset, min(limit, max(cap - offset, 0)), cap)
    _, rows = await client.execute_query(sql, values)
    total = min(int(rows[0]["total"]), cap)
    ids: list[int] = list(rows[0]["ids"])
    found = {s.id: s for s in await Subject.filter(id__in=ids)} if ids else {}
    return total, [found[i] for i in ids if i in found]


def in_district(code: str, prefix: str = "") -> Q:
    """Rows of the district with this code; an impossible code matches no row."""
    if len(code) > _max_length(District, "code"):
        impossible: dict[str, Any] = {f"{prefix}district_id__in": []}
        return Q(**impossible)
    return Q(**{f"{prefix}district__code": code})
