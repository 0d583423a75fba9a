"""The flat table shape shared by CSV and XLSX: a header row of column names (Chinese or
the field keys), then one row per subject, decision or record. Reading nests the numbered
violation and sanction columns into the rows of the JSON Lines format; `flatten` does the
reverse for the templates and examples (kinds, statuses and codes as their Chinese names,
which the reader accepts as well as the codes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from credit.policies.catalogues import INFO_TYPES, SANCTION_KINDS, VIOLATION_DOMAINS
from credit.records.importer.formats.columns import (
    COLUMN_BY_HEADER,
    HEADER_OF,
    MAX_SANCTIONS,
    MAX_VIOLATIONS,
    SANCTION_FIELDS,
    VIOLATION_FIELDS,
    fold,
    sanction_key,
    violation_key,
)
from credit.records.importer.formats.source import Source, SourceRow

# --- reading --------------------------------------------------------------------------------


def _header(cells: list[Any], source: Source) -> list[str | None]:
    keys: list[str | None] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells, start=1):
        text = "" if cell is None else str(cell)
        if not text.strip():
            keys.append(None)
            continue
        key = COLUMN_BY_HEADER.get(fold(text))
        if key is None:
            source.problems.append((1, text.strip(), f"未知的列（第{position}列）"))
        elif key in seen:
            source.problems.append((1, text.strip(), f"与第{seen[key]}列重复"))
            key = None
        else:
            seen[key] = position
        keys.append(key)
    if "kind" not in seen and not source.problems:
        source.problems.append((1, "kind", f"缺少“{HEADER_OF['kind']}”列"))
    return keys


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_VIOLATION_COL = re.compile(r"^violation(\d+)_(type_code|domain|description)$")
_SANCTION_COL = re.compile(r"^violation(\d+)_sanction(\d+)_(kind|amount_yuan)$")


def _nest(line: int, flat: dict[str, str]) -> SourceRow:
    """Flat columns → the nested row of the JSON Lines format."""
    row = SourceRow(line, {})
    violations: dict[int, dict[str, Any]] = {}
    sanctions: dict[tuple[int, int], dict[str, str]] = {}
    for key, value in flat.items():
        if m := _SANCTION_COL.match(key):
            sanctions.setdefault((int(m[1]), int(m[2])), {})[m[3]] = value
            violations.setdefault(int(m[1]), {})
        elif m := _VIOLATION_COL.match(key):
            violations.setdefault(int(m[1]), {})[m[2]] = value
        else:
            row.data[key] = value
    if not violations:
        return row
    out: list[dict[str, Any]] = []
    for i in range(1, max(violations) + 1):
        if i not in violations:
            path = f"violations[{i - 1}].type_code"
            row.problems.append((path, f"违法行为须从第1组起依次填写，第{i}组为空"))
            return row
        given = [j for (vi, j) in sanctions if vi == i]
        items: list[dict[str, str]] = []
        for j in range(1, max(given, default=0) + 1):
            if (i, j) not in sanctions:
                path = f"violations[{i - 1}].sanctions[{j - 1}].kind"
                row.problems.append((path, f"处理须从第1项起依次填写，第{j}项为空"))
                return row
            items.append(sanctions[(i, j)])
        out.append({**violations[i], "sanctions": items})
    row.data["violations"] = out
    return row


def read_table(source: Source, rows: Iterable[tuple[int, list[Any]]]) -> None:
    """Rows of cells, the first the header, into `source` (streamed: one row at a time)."""
    keys: list[str | None] | None = None
    for line, cells in rows:
        if keys is None:
            keys = _header(cells, source)
            if source.problems:
                return
            continue
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            continue
        flat: dict[str, str] = {}
        extra: list[int] = []
        for position, text in enumerate(texts, start=1):
            if not text:
                continue
            key = keys[position - 1] if position <= len(keys) else None
            if key is None:
                extra.append(position)
            else:
                flat[key] = text
        row = _nest(line, flat)
        for position in extra:
            row.problems.append((None, f"第{position}列没有列名，不能填写"))
        source.rows.append(row)
    if keys is None:
        source.problems.append((1, None, "文件为空：第1行应为列名"))


# --- writing (templates, examples, round trips) ---------------------------------------------

ROW_KIND_ZH = {"subject": "主体", "decision": "决定", "record": "信息"}
SUBJECT_KIND_NAME_ZH = {
    "ENTERPRISE": "企业",
    "SOCIAL_ORGANISATION": "社会组织",
    "INDIVIDUAL_BUSINESS": "个体工商户",
    "NATURAL_PERSON": "自然人",
}
STATUS_NAME_ZH = {"published": "已公布", "revoked": "已撤销", "repaired": "已修复"}
# The table formats carry names, not codes (the reader accepts both): as the template shows.
_INFO_TYPE_ZH = {t.code: t.name_zh for t in INFO_TYPES}
_DOMAIN_ZH = {d.code: d.name_zh for d in VIOLATION_DOMAINS}
_SANCTION_ZH = {k.code: k.name_zh for k in SANCTION_KINDS}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


# The coded columns of the top level, each with the Chinese names the table shows.
_NAMES_OF = {
    "kind": ROW_KIND_ZH,
    "subject_kind": SUBJECT_KIND_NAME_ZH,
    "status": STATUS_NAME_ZH,
    "type": _INFO_TYPE_ZH,
}


def flatten(row: Mapping[str, Any]) -> dict[str, str]:
    """A JSON Lines row → flat columns (kind, subject kind and status in Chinese)."""
    flat: dict[str, str] = {}
    for key, value in row.items():
        if key == "violations":
            continue
        if key not in HEADER_OF:
            raise ValueError(f"no column for field {key!r}")
        flat[key] = _text(value)
    flat["kind"] = flat.get("kind", "")
    for key, names in _NAMES_OF.items():
        if key in flat:
            flat[key] = names.get(flat[key], flat[key])
    violations = row.get("violations") or []
    if len(violations) > MAX_VIOLATIONS:
        raise ValueError(f"more than {MAX_VIOLATIONS} violations do not fit the table")
    for i, v in enumerate(violations, start=1):
        flat |= _flat_violation(i, v)
    return flat


def _flat_violation(i: int, v: Mapping[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, _ in VIOLATION_FIELDS:
        if v.get(key) is not None:
            text = _text(v[key])
            if key == "domain":
                text = _DOMAIN_ZH.get(text, text)
            flat[violation_key(i, key)] = text
    sanctions = v.get("sanctions") or []
    if len(sanctions) > MAX_SANCTIONS:
        raise ValueError(f"more than {MAX_SANCTIONS} sanctions do not fit the table")
    for j, s in enumerate(sanctions, start=1):
        for key, _ in SANCTION_FIELDS:
            if s.get(key) is not None:
                text = _text(s[key])
                if key == "kind":
                    text = _SANCTION_ZH.get(text, text)
                flat[sanction_key(i, j, key)] = text
    return flat
