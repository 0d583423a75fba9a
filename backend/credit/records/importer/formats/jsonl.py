"""JSON Lines, the canonical format: one object per line, field names as in
docs/import.md."""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from credit.records.importer.formats.columns import json_label
from credit.records.importer.formats.source import Source, SourceRow

# One decoder for every line (json.loads with an option builds a new one per call).
_DECODER = json.JSONDecoder(parse_float=Decimal)


def read_jsonl(data: bytes) -> Source:
    source = Source("jsonl", [], json_label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        source.problems.append((0, None, f"文件不是 UTF-8 编码（第{exc.start + 1}字节）"))
        return source
    source.rows = list(_rows(enumerate(text.splitlines(), start=1)))
    return source


def _rows(lines: Iterable[tuple[int, str]]) -> Iterator[SourceRow]:
    for number, line in lines:
        if not line.strip():
            continue
        row = SourceRow(number, {})
        try:
            value = _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            row.problems.append((None, f"不是合法的 JSON：{exc.msg}（第{exc.colno}列）"))
        else:
            if isinstance(value, dict):
                row.data = value
            else:
                row.problems.append((None, "每行应为一个 JSON 对象 {…}"))
        yield row


def scan(path: Path) -> tuple[str, int | None]:
    """The file's SHA-256 and the offset of its first byte that is not UTF-8 (None if it
    is UTF-8), read in blocks: what `read_jsonl` learns from the whole file in memory."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, bad = 0, None
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            if bad is None:
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as exc:
                    bad = offset - pending + exc.start
            offset += len(block)
    if bad is None:
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            bad = offset - pending + exc.start
    return digest.hexdigest(), bad


def stream_jsonl(path: Path, bad: int | None) -> Source:
    """A JSON Lines file read line by line while it is checked (`Source.stream`), after
    `scan` said whether it is UTF-8; the same rows and lines as `read_jsonl`."""
    source = Source("jsonl", [], json_label)
    if bad is not None:
        source.problems.append((0, None, f"文件不是 UTF-8 编码（第{bad + 1}字节）"))
        return source
    source.stream = _rows(_lines(path))
    return source


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(number, text) as `str.splitlines` numbers the whole text: each line the file ends
    with "\n" split again (\r, \u2028… end lines too), the BOM dropped."""
    number = 0
    with path.open("rb") as fh:
        for i, raw in enumerate(fh):
            for line in raw.decode("utf-8-sig" if i == 0 else "utf-8").splitlines():
                number += 1
                yield number, line


def write_jsonl(rows: Iterable[Mapping[str, Any]]) -> bytes:
    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(repr(value))

    lines = [json.dumps(dict(r), ensure_ascii=False, default=default) for r in rows]
    return ("\n".join(lines) + "\n").encode() if lines else b""
