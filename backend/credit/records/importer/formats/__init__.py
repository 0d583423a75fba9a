"""Reading and writing the exchange format of the bulk import (docs/import.md), without
the database: JSON Lines (jsonl), CSV (csv_file) and XLSX (xlsx_file) become one shape, a
nested dict per row with its line (source); CSV and XLSX share the flat table of columns
(columns, table). What the rows must hold is the validation's (credit.records.importer
.validate)."""

from __future__ import annotations

from pathlib import Path

from credit.records.importer.formats.columns import (
    COLUMNS,
    DATA_SHEET,
    HEADER_OF,
    column_header,
    json_label,
    table_label,
)
from credit.records.importer.formats.csv_file import read_csv, write_csv
from credit.records.importer.formats.jsonl import read_jsonl, scan, stream_jsonl, write_jsonl
from credit.records.importer.formats.source import Source, SourceRow, UnknownFormat
from credit.records.importer.formats.xlsx_file import read_xlsx, write_xlsx

__all__ = [
    "COLUMNS",
    "DATA_SHEET",
    "EXTENSIONS",
    "FORMATS",
    "HEADER_OF",
    "Source",
    "SourceRow",
    "UnknownFormat",
    "column_header",
    "detect_format",
    "json_label",
    "read",
    "read_csv",
    "read_jsonl",
    "read_xlsx",
    "regenerate_examples",
    "scan",
    "stream_jsonl",
    "table_label",
    "write_csv",
    "write_jsonl",
    "write_xlsx",
]

FORMATS = ("jsonl", "csv", "xlsx")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


def detect_format(path: str | Path) -> str:
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnknownFormat(f"无法识别的文件类型“{Path(path).suffix}”：应为 .jsonl、.csv 或 .xlsx")
    return fmt


def read(data: bytes, fmt: str) -> Source:
    if fmt == "jsonl":
        return read_jsonl(data)
    if fmt == "csv":
        return read_csv(data)
    if fmt == "xlsx":
        return read_xlsx(data)
    raise UnknownFormat(f"未知的导入格式：{fmt}（应为 {'、'.join(FORMATS)}）")


def regenerate_examples(directory: Path) -> None:
    """docs/import-examples: the CSV and XLSX examples from example.jsonl, and the empty
    templates. `python -c "from pathlib import Path; from credit.records.importer.formats
    import regenerate_examples as r; r(Path('../docs/import-examples'))"` (from backend/)."""
    rows = [r.data for r in read_jsonl((directory / "example.jsonl").read_bytes()).rows]
    (directory / "example.csv").write_bytes(write_csv(rows))
    (directory / "example.xlsx").write_bytes(write_xlsx(rows))
    (directory / "template.csv").write_bytes(write_csv([]))
    (directory / "template.xlsx").write_bytes(write_xlsx([]))
