"""JSON Lines, the canonical format: one object per line, field names as in
docs/import.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from credit.records.importer.formats.columns import json_label
from credit.records.importer.formats.source import Source, SourceRow


def read_jsonl(data: bytes) -> Source:
    source = Source("jsonl", [], json_label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        source.problems.append((0, None, f"文件不是 UTF-8 编码（第{exc.start + 1}字节）"))
        return source
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row = SourceRow(number, {})
        try:
            value = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            row.problems.append((None, f"不是合法的 JSON：{exc.msg}（第{exc.colno}列）"))
        else:
            if isinstance(value, dict):
                row.data = value
            else:
                row.problems.append((None, "每行应为一个 JSON 对象 {…}"))
        source.rows.append(row)
    return source


def write_jsonl(rows: Iterable[Mapping[str, Any]]) -> bytes:
    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(repr(value))

    lines = [json.dumps(dict(r), ensure_ascii=False, default=default) for r in rows]
    return ("\n".join(lines) + "\n").encode() if lines else b""
