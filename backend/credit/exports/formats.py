"""The writers: header rows (title, export time, filters, row count), Chinese column
headers, then the rows; CSV in UTF-8 with a BOM (Excel then reads Chinese correctly),
.xlsx through openpyxl's write-only mode (rows go to a temporary file, not to memory)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from starlette.concurrency import run_in_threadpool

from credit.core.clock import TZ

BOM = "\ufeff"
CHUNK_BYTES = 64 * 1024
# A cell a spreadsheet would run as a formula (CSV/formula injection) is kept as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = Sequence[str]


@dataclass
class Sheet:
    """What a file says about itself before its rows."""

    title: str
    columns: Sequence[str]
    filters: Sequence[tuple[str, str]]
    exported_at: datetime
    total: int
    cap: int
    notes: list[str] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return self.total > self.cap

    def count_text(self) -> str:
        if self.capped:
            return f"共 {self.total} 条，已达导出上限，仅导出前 {self.cap} 条"
        return f"共 {self.total} 条"

    def header_rows(self) -> list[list[str]]:
        at = self.exported_at.astimezone(TZ).strftime("%Y-%m-%d %H:%M:%S")
        rows = [[self.title], ["导出时间", at]]
        if self.filters:
            rows.extend(["筛选条件：" + label, value] for label, value in self.filters)
        else:
            rows.append(["筛选条件", "无（全部）"])
        rows.append(["条数", self.count_text()])
        rows.append([])
        rows.append(list(self.columns))
        return rows

    def footer_rows(self) -> list[list[str]]:
        rows = [[note] for note in self.notes]
        if self.capped:
            rows.append(
                [
                    f"注：已达导出上限（{self.cap} 条），其余 {self.total - self.cap} 条未导出；"
                    "请缩小筛选条件后分批导出。"
                ]
            )
        return rows


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_bytes(rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


async def csv_stream(sheet: Sheet, chunks: AsyncIterator[list[Row]]) -> AsyncIterator[bytes]:
    """One piece per chunk of rows: the file is never whole in memory."""
    yield BOM.encode("utf-8") + _csv_bytes(sheet.header_rows())
    async for rows in chunks:
        yield _csv_bytes(rows)
    footer = sheet.footer_rows()
    if footer:
        yield _csv_bytes([[], *footer])


WIDTH_CAP = 60


async def xlsx_stream(sheet: Sheet, chunks: AsyncIterator[list[Row]]) -> AsyncIterator[bytes]:
    """openpyxl writes the rows of a write-only sheet to a temporary file as they come;
    the finished workbook is then sent in pieces and deleted."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(title=sheet.title[:31])
    for i, name in enumerate(sheet.columns):
        letter = _column_letter(i)
        ws.column_dimensions[letter].width = min(WIDTH_CAP, max(12, len(name) * 2 + 4))
    bold = Font(bold=True)
    header = sheet.header_rows()
    for j, row in enumerate(header):
        is_title = j in (0, len(header) - 1)  # the title and the column headers
        ws.append([_cell(ws, v, bold if is_title else None) for v in row])
    async for rows in chunks:
        for values in rows:
            ws.append([safe_cell(v) or None for v in values])  # "" is an empty cell
    footer = sheet.footer_rows()
    if footer:
        ws.append([])
        for row in footer:
            ws.append([_cell(ws, v, bold) for v in row])
    fd, path = tempfile.mkstemp(prefix="credit-export-", suffix=".xlsx")
    os.close(fd)
    try:
        await run_in_threadpool(book.save, path)
        f = await run_in_threadpool(open, path, "rb")
        try:
            while piece := await run_in_threadpool(f.read, CHUNK_BYTES):
                yield piece
        finally:
            f.close()
    finally:
        os.unlink(path)


def _cell(ws: object, value: str, font: Font | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=safe_cell(value))
    if font is not None:
        cell.font = font
    return cell


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
