"""Reading an export back as a person's spreadsheet program would."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook

from credit.lists.models import ListEntry
from credit.policies.facts import ListKind, SubjectKind
from credit.subjects.models import District, Subject
from credit.testing import make_place, make_subject


def csv_rows(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode()), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_rows(body: bytes) -> list[list[str]]:
    book = load_workbook(io.BytesIO(body), read_only=True)
    sheet = book.worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def table(rows: list[list[str]]) -> tuple[dict[str, str], list[str], list[dict[str, str]]]:
    """(header facts, column headers, data rows as dicts) of an export's rows: the facts
    are the two-cell rows above the first blank row, the columns the row after it."""
    blank = next(i for i, r in enumerate(rows) if not any(r))
    facts = {r[0]: r[1] for r in rows[1:blank] if len(r) > 1}
    columns = [c for c in rows[blank + 1] if c]
    data = []
    for r in rows[blank + 2 :]:
        if not any(r):
            break
        data.append(dict(zip(columns, r, strict=False)))
    return facts, columns, data


async def second_district() -> District:
    j, _ = await make_place()
    d = await District.get_or_none(code="sy-d2")
    return d or await District.create(code="sy-d2", name="沈河区", jurisdiction_id=j.id)


async def listed(
    name: str,
    kind: ListKind = ListKind.WATCH,
    *,
    district: District | None = None,
    subject_kind: SubjectKind = SubjectKind.ENTERPRISE,
    decision_no: str = "沈公技防警〔2026〕001号",
) -> Subject:
    # Natural persons are governed by the Wugang policy (Shenyang's covers enterprises).
    policy = "wugang-2021" if subject_kind == SubjectKind.NATURAL_PERSON else "shenyang-jifang-2018"
    s = await make_subject(name, policy, kind=subject_kind, district=district)
    await ListEntry.create(
        subject_id=s.id,
        district_id=s.district_id,
        kind=kind,
        since=date(2026, 1, 5),
        until=None,
        rule="test",
        article="第九条",
        decision_no=decision_no,
        record_ids=[],
    )
    return s
