"""CSV: the flat table in UTF-8 (with or without BOM) or GB18030, read row by row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from credit.records.importer.formats.columns import COLUMNS, table_label
from credit.records.importer.formats.source import Source
from credit.records.importer.formats.table import flatten, read_table


def _decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM); Excel on Chinese Windows saves GB18030."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_csv(data: bytes) -> Source:
    source = Source("csv", [], table_label)
    try:
        text = _decode_csv(data)
    except UnicodeDecodeError:
        source.problems.append((0, None, "文件编码无法识别：应为 UTF-8 或 GB18030"))
        return source
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        read_table(source, ((reader.line_num, cells) for cells in reader))
    except csv.Error as exc:
        source.problems.append((reader.line_num, None, f"CSV 格式错误：{exc}"))
    return source


def write_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 with a BOM, so that Excel opens it with the right encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([h for _, h in COLUMNS])
    for row in rows:
        flat = flatten(row)
        writer.writerow([flat.get(k, "") for k, _ in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode()
