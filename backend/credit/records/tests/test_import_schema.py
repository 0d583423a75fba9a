"""The row schemas and the template's columns describe the same fields: every field a row
kind reads has its Chinese column, and every top-level column is read by some row kind."""

from __future__ import annotations

from credit.records.importer.formats.columns import FIELDS, HEADER_OF, column_header
from credit.records.importer.schema import (
    DECISION_ROW,
    RECORD_ROW,
    SANCTION,
    SUBJECT_ROW,
    VIOLATION,
)


def test_every_field_of_a_row_kind_has_its_column() -> None:
    # given: the three row kinds
    schemas = (SUBJECT_ROW, DECISION_ROW, RECORD_ROW)

    # when: their fields are looked up among the columns
    missing = [
        name
        for schema in schemas
        for name in schema.allowed
        if name != "violations" and name not in HEADER_OF
    ]

    # then: none is missing, and every top-level column is some row kind's field
    assert missing == []
    assert {k for k, _ in FIELDS} == set().union(*(s.allowed for s in schemas)) - {"violations"}
    assert all(f.header == HEADER_OF[f.name] for f in DECISION_ROW.fields if f.name in HEADER_OF)


def test_nested_fields_have_their_numbered_columns() -> None:
    # given / when: the first violation's and sanction's fields
    violation = [column_header(f"violations[0].{f.name}") for f in VIOLATION.fields]
    sanction = [column_header(f"violations[0].sanctions[0].{f.name}") for f in SANCTION.fields]

    # then: each has its numbered column
    assert violation == ["违法行为1类别", "违法行为1领域", "违法行为1描述"]
    assert sanction == ["违法行为1处理1种类", "违法行为1处理1金额（元）"]
