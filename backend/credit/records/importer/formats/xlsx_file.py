"""XLSX: the flat table on the “导入数据” sheet, read in openpyxl's read-only mode (the
sheet XML is parsed lazily, row by row); the template adds a guide and a code sheet."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from credit.policies.catalogues import (
    INFO_TYPES,
    SANCTION_KINDS,
    VIOLATION_DOMAINS,
    WATCH_SITUATIONS,
)
from credit.records.importer.formats.columns import (
    COLUMNS,
    DATA_SHEET,
    TEXT_COLUMNS,
    table_label,
)
from credit.records.importer.formats.source import Source
from credit.records.importer.formats.table import (
    ROW_KIND_ZH,
    STATUS_NAME_ZH,
    SUBJECT_KIND_NAME_ZH,
    flatten,
    read_table,
)


def read_xlsx(data: bytes) -> Source:
    from openpyxl import load_workbook

    source = Source("xlsx", [], table_label)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        source.problems.append((0, None, f"不是有效的 Excel（.xlsx）文件：{exc}"))
        return source
    try:
        sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        read_table(source, ((n, list(cells)) for n, cells in enumerate(rows, start=1)))
    except Exception:  # read-only mode parses the sheet XML lazily, here
        # A zip that opens but holds a cut-off or corrupt sheet: the rows read so far say
        # nothing about the file, which is refused as a whole.
        source.rows.clear()
        source.problems.append((0, None, "Excel 文件已损坏：工作表内容不完整或无法读取"))
    finally:
        book.close()
    return source


def write_xlsx(rows: Iterable[Mapping[str, Any]], *, guide: bool = True) -> bytes:
    """The data sheet (text cells for codes and dates), plus the guide and code sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = DATA_SHEET
    sheet.append([h for _, h in COLUMNS])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for position, (key, header) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=position)
        cell.font = bold
        cell.fill = fill
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(12, min(40, len(header) * 2 + 2))
        if key in TEXT_COLUMNS or key.startswith("violation"):
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A2"
    for n, row in enumerate(rows, start=2):
        flat = flatten(row)
        for position, (key, _) in enumerate(COLUMNS, start=1):
            if flat.get(key):
                cell = sheet.cell(row=n, column=position, value=flat[key])
                cell.number_format = "@"
    if guide:
        _guide_sheets(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide_sheets(book: Any) -> None:
    guide = book.create_sheet("说明")
    for line in (
        "填写说明（完整说明见 docs/import.md）",
        "“导入数据”表每行一个主体、决定或信息，“类别”列填 主体 / 决定 / 信息。",
        "日期一律填 YYYY-MM-DD（例如 2025-03-01）；代码类列已设为文本格式，请勿改为数字。",
        "决定行以“决定文书号”识别，信息行以“外部编号”识别；重复导入同一文件不会重复写入。",
        "违法行为及其处理按组填写：违法行为1类别、违法行为1领域、违法行为1处理1种类……",
        "任何一行有错误时整个文件都不写入；修正后重新导入即可。",
        "类别、主体类型、信息类型、状态、违法行为领域、处理种类填中文名称（也接受代码）；"
        "可填的名称见“代码表”。",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    codes = book.create_sheet("代码表")
    codes.append(["代码表", "代码", "中文名称（填写此列）"])
    for k, zh in ROW_KIND_ZH.items():
        codes.append(["类别", k, zh])
    for k, zh in SUBJECT_KIND_NAME_ZH.items():
        codes.append(["主体类型", k, zh])
    for k, zh in STATUS_NAME_ZH.items():
        codes.append(["状态", k, zh])
    for t in INFO_TYPES:
        if not t.automatic:
            codes.append(["信息类型", t.code, t.name_zh])
    for s in WATCH_SITUATIONS:
        codes.append(["警示情形代码", s.code, s.name_zh])
    for d in VIOLATION_DOMAINS:
        codes.append(["违法行为领域", d.code, d.name_zh])
    for sanction in SANCTION_KINDS:
        codes.append(["处理种类", sanction.code, sanction.name_zh])
    codes.column_dimensions["A"].width = 16
    codes.column_dimensions["B"].width = 32
    codes.column_dimensions["C"].width = 80
