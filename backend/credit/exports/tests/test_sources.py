"""Every export's query is valid against the schema: a page's field renamed or a filter
changed (by whoever changes the page) fails here, not in a person's download."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from credit.api.schema import schema
from credit.exports.runner import document
from credit.exports.sources import SOURCES, Source


@pytest.mark.parametrize("source", SOURCES.values(), ids=list(SOURCES))
def test_the_export_query_is_valid(source: Source) -> None:
    errors = validate(schema._schema, parse(document(source)))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("source", SOURCES.values(), ids=list(SOURCES))
def test_every_column_has_a_chinese_header(source: Source) -> None:
    headers = [c.header for c in source.columns]
    assert len(set(headers)) == len(headers)
    assert all(not h.isascii() for h in headers)
    assert all(not p.label.isascii() for p in source.params)
