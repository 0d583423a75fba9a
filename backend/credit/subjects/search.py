"""Filters built from what a person types into a search box or picks as a district.

A term can only equal a USCC if it is 18 characters long, and a district code is at most
32: anything longer matches nothing rather than being compared with a column it cannot
fit (the ORM refuses such a value, which would surface as an internal error).
"""

from __future__ import annotations

from typing import Any

from pypika_tortoise.terms import Function as SqlFunction
from tortoise.expressions import F, Q
from tortoise.functions import Function
from tortoise.queryset import QuerySet

from credit.core.db import dialect
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


def in_district(code: str, prefix: str = "") -> Q:
    """Rows of the district with this code; an impossible code matches no row."""
    if len(code) > _max_length(District, "code"):
        impossible: dict[str, Any] = {f"{prefix}district_id__in": []}
        return Q(**impossible)
    return Q(**{f"{prefix}district__code": code})
