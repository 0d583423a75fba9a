"""The exchange format of the bulk import (docs/import.md), without the database:

- reading JSON Lines, CSV and XLSX into one shape, a nested dict per row with its line;
- writing the CSV and XLSX templates and examples from rows of that shape;
- the rules of a valid row, every field on its own (`check_rows`, `parse_row`): formats,
  catalogue codes, dates and their order, required and unknown fields. What needs the
  database (subjects, units, conflicts) is checked by credit.records.importer.

JSON Lines is the canonical format: one object per line, field names as in docs/import.md.
CSV and XLSX hold the same rows as one flat table (one row per subject, decision or record;
`kind` says which), with Chinese column headers; the violations and sanctions of a decision
are flattened into numbered column groups (at most MAX_VIOLATIONS × MAX_SANCTIONS).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from credit.accounts.crypto import digest
from credit.policies.catalogues import (
    INFO_TYPES,
    SANCTION_KINDS,
    SANCTION_KINDS_BY_CODE,
    VIOLATION_DOMAINS,
    WATCH_SITUATIONS,
)
from credit.policies.facts import RecordStatus, SubjectKind
from credit.records.amounts import InvalidAmount, parse_amount
from credit.records.lifecycle import STATUS_ZH
from credit.records.rules import RuleCode
from credit.records.services import (
    RecordInput,
    RecordInputError,
    SanctionInput,
    ViolationInput,
    validate_record_input,
)
from credit.subjects.identifiers import (
    InvalidIdNumber,
    InvalidUSCC,
    validate_id_number,
    validate_uscc,
)

FORMATS = ("jsonl", "csv", "xlsx")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}
DATA_SHEET = "导入数据"
MAX_VIOLATIONS = 3
MAX_SANCTIONS = 3

# Top-level fields, in template order, with their Chinese column headers.
FIELDS: tuple[tuple[str, str], ...] = (
    ("kind", "类别"),
    ("subject_kind", "主体类型"),
    ("uscc", "统一社会信用代码"),
    ("id_number", "身份证号码"),
    ("name", "名称或姓名"),
    ("jurisdiction_code", "辖区代码"),
    ("district_code", "区县代码"),
    ("address", "地址"),
    ("external_key", "外部编号"),
    ("document_no", "决定文书号"),
    ("decided_on", "决定日期"),
    ("issuing_unit", "作出单位"),
    ("legal_basis", "法律依据"),
    ("type", "信息类型"),
    ("occurred_on", "发生日期"),
    ("summary", "信息摘要"),
    ("situation_code", "警示情形代码"),
    ("inspection_passed", "检查是否合格"),
    ("published_on", "公布日期"),
    ("status", "状态"),
    ("revoked_on", "撤销日期"),
    ("repaired_on", "修复日期"),
    ("status_reason", "撤销或修复原因"),
    ("provider_unit", "提供单位代码"),
    ("provider_person", "提供人"),
    ("public_until_override", "法定公示截止日期"),
    ("retention_until_override", "法定保存截止日期"),
    ("internal_note", "内部备注"),
)
VIOLATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("type_code", "类别"),
    ("domain", "领域"),
    ("description", "描述"),
)
SANCTION_FIELDS: tuple[tuple[str, str], ...] = (("kind", "种类"), ("amount_yuan", "金额（元）"))

# Columns holding codes or dates: text cells in the XLSX template, so that Excel neither
# rounds an 18-digit code nor turns a date into a serial number.
_TEXT_COLUMNS = frozenset(
    {
        "uscc",
        "id_number",
        "jurisdiction_code",
        "district_code",
        "document_no",
        "decided_on",
        "occurred_on",
        "published_on",
        "revoked_on",
        "repaired_on",
        "provider_unit",
        "public_until_override",
        "retention_until_override",
        "external_key",
    }
)


def _violation_key(i: int, name: str) -> str:
    return f"violation{i}_{name}"


def _sanction_key(i: int, j: int, name: str) -> str:
    return f"violation{i}_sanction{j}_{name}"


def _columns() -> tuple[tuple[str, str], ...]:
    cols = [c for c in FIELDS]
    for i in range(1, MAX_VIOLATIONS + 1):
        cols += [(_violation_key(i, k), f"违法行为{i}{h}") for k, h in VIOLATION_FIELDS]
        for j in range(1, MAX_SANCTIONS + 1):
            cols += [(_sanction_key(i, j, k), f"违法行为{i}处理{j}{h}") for k, h in SANCTION_FIELDS]
    return tuple(cols)


# Every flat column: (key, Chinese header). A header may be either of the two.
COLUMNS: tuple[tuple[str, str], ...] = _columns()
HEADER_OF: dict[str, str] = dict(COLUMNS)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


_COLUMN_BY_HEADER: dict[str, str] = {_fold(h): k for k, h in COLUMNS} | {
    _fold(k): k for k, _ in COLUMNS
}

_SANCTION_PATH = re.compile(r"^violations\[(\d+)\]\.sanctions\[(\d+)\]\.(\w+)$")
_SANCTIONS_PATH = re.compile(r"^violations\[(\d+)\]\.sanctions$")
_VIOLATION_PATH = re.compile(r"^violations\[(\d+)\]\.(\w+)$")


def column_of(path: str) -> str | None:
    """The flat column that holds the value at a field path (None if there is none)."""
    if path in HEADER_OF:
        return path
    if m := _SANCTION_PATH.match(path):
        key = _sanction_key(int(m[1]) + 1, int(m[2]) + 1, m[3])
    elif m := _SANCTIONS_PATH.match(path):
        key = _sanction_key(int(m[1]) + 1, 1, "kind")
    elif m := _VIOLATION_PATH.match(path):
        key = _violation_key(int(m[1]) + 1, m[2])
    elif path == "violations":
        key = _violation_key(1, "type_code")
    else:
        return None
    return key if key in HEADER_OF else None


def json_label(path: str) -> str:
    return path


def column_header(path: str) -> str | None:
    """The Chinese column header that holds a field path (None if there is none)."""
    key = column_of(path)
    return HEADER_OF[key] if key else None


def table_label(path: str) -> str:
    """`decided_on（决定日期）`: the field, then the column a person sees."""
    key = column_of(path)
    return f"{path}（{HEADER_OF[key]}）" if key else path


@dataclass
class SourceRow:
    """One row as read: its line (the file's line or sheet row, 1-based), its fields, and
    the problems found while reading it, each as (field or None, message)."""

    line: int
    data: dict[str, Any]
    problems: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass
class Source:
    format: str
    rows: list[SourceRow]
    label: Callable[[str], str]
    # Whole-file problems (header, encoding): (line, field or None, message).
    problems: list[tuple[int, str | None, str]] = field(default_factory=list)


class UnknownFormat(ValueError):
    pass


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


# --- JSON Lines -----------------------------------------------------------------------------


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


# --- flat tables (CSV, XLSX) ----------------------------------------------------------------


def _header(cells: list[Any], source: Source) -> list[str | None]:
    keys: list[str | None] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells, start=1):
        text = "" if cell is None else str(cell)
        if not text.strip():
            keys.append(None)
            continue
        key = _COLUMN_BY_HEADER.get(_fold(text))
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


def _table_rows(source: Source, rows: Iterable[tuple[int, list[Any]]]) -> None:
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
        _table_rows(source, ((reader.line_num, cells) for cells in reader))
    except csv.Error as exc:
        source.problems.append((reader.line_num, None, f"CSV 格式错误：{exc}"))
    return source


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
        _table_rows(source, ((n, list(cells)) for n, cells in enumerate(rows, start=1)))
    except Exception:  # read-only mode parses the sheet XML lazily, here
        # A zip that opens but holds a cut-off or corrupt sheet: the rows read so far say
        # nothing about the file, which is refused as a whole.
        source.rows.clear()
        source.problems.append((0, None, "Excel 文件已损坏：工作表内容不完整或无法读取"))
    finally:
        book.close()
    return source


# --- writing (templates, examples, round trips) -----------------------------------------------

_KIND_ZH = {"subject": "主体", "decision": "决定", "record": "信息"}
_SUBJECT_KIND_ZH = {
    "ENTERPRISE": "企业",
    "SOCIAL_ORGANISATION": "社会组织",
    "INDIVIDUAL_BUSINESS": "个体工商户",
    "NATURAL_PERSON": "自然人",
}
_STATUS_ZH = {"published": "已公布", "revoked": "已撤销", "repaired": "已修复"}
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


def flatten(row: Mapping[str, Any]) -> dict[str, str]:
    """A JSON Lines row → flat columns (kind, subject kind and status in Chinese)."""
    flat: dict[str, str] = {}
    for key, value in row.items():
        if key == "violations":
            continue
        if key not in HEADER_OF:
            raise ValueError(f"no column for field {key!r}")
        flat[key] = _text(value)
    flat["kind"] = _KIND_ZH.get(flat.get("kind", ""), flat.get("kind", ""))
    if "subject_kind" in flat:
        flat["subject_kind"] = _SUBJECT_KIND_ZH.get(flat["subject_kind"], flat["subject_kind"])
    if "status" in flat:
        flat["status"] = _STATUS_ZH.get(flat["status"], flat["status"])
    if "type" in flat:
        flat["type"] = _INFO_TYPE_ZH.get(flat["type"], flat["type"])
    violations = row.get("violations") or []
    if len(violations) > MAX_VIOLATIONS:
        raise ValueError(f"more than {MAX_VIOLATIONS} violations do not fit the table")
    for i, v in enumerate(violations, start=1):
        for key, _ in VIOLATION_FIELDS:
            if v.get(key) is not None:
                text = _text(v[key])
                if key == "domain":
                    text = _DOMAIN_ZH.get(text, text)
                flat[_violation_key(i, key)] = text
        sanctions = v.get("sanctions") or []
        if len(sanctions) > MAX_SANCTIONS:
            raise ValueError(f"more than {MAX_SANCTIONS} sanctions do not fit the table")
        for j, s in enumerate(sanctions, start=1):
            for key, _ in SANCTION_FIELDS:
                if s.get(key) is not None:
                    text = _text(s[key])
                    if key == "kind":
                        text = _SANCTION_ZH.get(text, text)
                    flat[_sanction_key(i, j, key)] = text
    return flat


def write_jsonl(rows: Iterable[Mapping[str, Any]]) -> bytes:
    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(repr(value))

    lines = [json.dumps(dict(r), ensure_ascii=False, default=default) for r in rows]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def write_csv(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 with a BOM, so that Excel opens it with the right encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([h for _, h in COLUMNS])
    for row in rows:
        flat = flatten(row)
        writer.writerow([flat.get(k, "") for k, _ in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode()


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
        if key in _TEXT_COLUMNS or key.startswith("violation"):
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
    for k, zh in _KIND_ZH.items():
        codes.append(["类别", k, zh])
    for k, zh in _SUBJECT_KIND_ZH.items():
        codes.append(["主体类型", k, zh])
    for k, zh in _STATUS_ZH.items():
        codes.append(["状态", k, zh])
    for t in INFO_TYPES:
        if not t.automatic:
            codes.append(["信息类型", t.code, t.name_zh])
    for s in WATCH_SITUATIONS:
        codes.append(["警示情形代码", s.code, s.name_zh])
    for d in VIOLATION_DOMAINS:
        codes.append(["违法行为领域", d.code, d.name_zh])
    for k in SANCTION_KINDS:
        codes.append(["处理种类", k.code, k.name_zh])
    codes.column_dimensions["A"].width = 16
    codes.column_dimensions["B"].width = 32
    codes.column_dimensions["C"].width = 80


# --- the rows of the format: every field on its own (docs/import.md "Fields") -----------------

SOURCE = "import"  # Decision.source and CreditRecord.source of everything imported
SubjectKey = tuple[str, str]  # ("uscc", code) or ("id", digest of the ID number)

SUBJECT_FIELDS = frozenset(
    {"kind", "subject_kind", "uscc", "id_number", "name", "jurisdiction_code", "district_code"}
    | {"address"}
)
_ENTRY_COMMON = frozenset(
    {
        "kind",
        "uscc",
        "id_number",
        "issuing_unit",
        "legal_basis",
        "type",
        "occurred_on",
        "summary",
        "situation_code",
        "inspection_passed",
        "published_on",
        "status",
        "revoked_on",
        "repaired_on",
        "status_reason",
        "provider_unit",
        "provider_person",
        "public_until_override",
        "retention_until_override",
        "internal_note",
    }
)
DECISION_FIELDS = _ENTRY_COMMON | {"document_no", "decided_on", "violations"}
RECORD_FIELDS = _ENTRY_COMMON | {"external_key"}
VIOLATION_KEYS = frozenset({"type_code", "domain", "description", "sanctions"})
SANCTION_KEYS = frozenset({"kind", "amount_yuan"})


def _table(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    return {_fold(k): v for k, v in pairs}


ROW_KINDS = _table(
    [
        *[("subject", "subject"), ("decision", "decision"), ("record", "record")],
        *[("主体", "subject"), ("决定", "decision"), ("信息", "record")],
    ]
)
SUBJECT_KINDS = _table(
    [(k.value, k) for k in SubjectKind]
    + [("企业", SubjectKind.ENTERPRISE), ("法人", SubjectKind.ENTERPRISE)]
    + [("社会组织", SubjectKind.SOCIAL_ORGANISATION)]
    + [("个体工商户", SubjectKind.INDIVIDUAL_BUSINESS), ("自然人", SubjectKind.NATURAL_PERSON)]
)
SUBJECT_KIND_ZH = {
    SubjectKind.ENTERPRISE: "企业",
    SubjectKind.SOCIAL_ORGANISATION: "社会组织",
    SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户",
    SubjectKind.NATURAL_PERSON: "自然人",
}
STATUSES = _table(
    [(s.value, s) for s in (RecordStatus.PUBLISHED, RecordStatus.REVOKED, RecordStatus.REPAIRED)]
    + [("已公布", RecordStatus.PUBLISHED), ("已撤销", RecordStatus.REVOKED)]
    + [("已修复", RecordStatus.REPAIRED)]
)
INFO_TYPE_CODES = _table([(t.code, t) for t in INFO_TYPES] + [(t.name_zh, t) for t in INFO_TYPES])
SITUATION_CODES = _table(
    [(s.code, s.code) for s in WATCH_SITUATIONS] + [(s.name_zh, s.code) for s in WATCH_SITUATIONS]
)
DOMAIN_CODES = _table(
    [(d.code, d.code) for d in VIOLATION_DOMAINS] + [(d.name_zh, d.code) for d in VIOLATION_DOMAINS]
)
SANCTION_CODES = _table(
    [(k.code, k.code) for k in SANCTION_KINDS] + [(k.name_zh, k.code) for k in SANCTION_KINDS]
)
BOOLEANS = _table(
    [(w, True) for w in ("true", "是", "合格", "通过", "1", "yes")]
    + [(w, False) for w in ("false", "否", "不合格", "未通过", "0", "no")]
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXIT_DATE_FIELD = {RecordStatus.REVOKED: "revoked_on", RecordStatus.REPAIRED: "repaired_on"}


@dataclass(frozen=True)
class ImportIssue:
    """One problem: the line (0 = the whole file), the field path and the message."""

    line: int
    field: str | None
    message: str
    label: str | None = None  # how the field is shown (CSV/XLSX add the column header)
    code: str | None = None  # a credit.records.rules.RuleCode, as the API answers it

    def __str__(self) -> str:
        where = f"第{self.line}行" if self.line else "文件"
        if self.field:
            return f"{where} 字段 {self.label or self.field}：{self.message}"
        return f"{where}：{self.message}"


# --- validated rows -------------------------------------------------------------------------


@dataclass
class SubjectRow:
    line: int
    key: SubjectKey
    key_field: str
    kind: SubjectKind
    uscc: str | None
    id_number: str | None
    name: str
    jurisdiction_code: str
    district_code: str
    address: str | None  # None: not given (an existing subject keeps its address)


@dataclass
class EntryRow:
    """A decision (with its record) or a record without a decision."""

    line: int
    row_kind: str  # "decision" | "record"
    subject_key: SubjectKey
    key_field: str
    data: RecordInput
    published_on: date
    status: RecordStatus
    exit_on: date | None  # the date of the revocation or repair
    status_reason: str
    provider_unit: str


class _Row:
    """Reads the fields of one row, collecting every problem with its field path."""

    def __init__(self, line: int, data: Mapping[str, Any], issues: list[ImportIssue]) -> None:
        self.line = line
        self.data = data
        self.issues = issues
        self.ok = True

    def error(self, path: str | None, message: str, code: str | None = None) -> None:
        self.issues.append(ImportIssue(self.line, path, message, code=code))
        self.ok = False

    def unknown(self, data: Mapping[str, Any], allowed: frozenset[str], prefix: str = "") -> None:
        for key in data:
            if key not in allowed:
                self.error(f"{prefix}{key}", "未知字段（或不适用于这一类行）")

    @staticmethod
    def _present(value: Any) -> bool:
        return value is not None and not (isinstance(value, str) and not value.strip())

    def text(
        self,
        data: Mapping[str, Any],
        name: str,
        path: str,
        *,
        required: bool = False,
        max_len: int | None = None,
    ) -> str | None:
        value = data.get(name)
        if not self._present(value):
            if required:
                self.error(path, "必填字段缺失")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            self.error(path, "应为文本")
            return None
        text = str(value).strip()
        if max_len is not None and len(text) > max_len:
            self.error(path, f"长度不能超过{max_len}个字符（当前{len(text)}个）")
            return None
        return text

    def choice(
        self,
        data: Mapping[str, Any],
        name: str,
        path: str,
        table: Mapping[str, Any],
        what: str,
        *,
        required: bool = False,
    ) -> Any:
        text = self.text(data, name, path, required=required)
        if text is None:
            return None
        found = table.get(_fold(text))
        if found is None:
            self.error(path, f"未知的{what}：{text}")
        return found

    def day(
        self, name: str, *, required: bool = False, not_after: date | None = None
    ) -> date | None:
        value = self.data.get(name)
        if not self._present(value):
            if required:
                self.error(name, "必填字段缺失")
            return None
        if isinstance(value, datetime):
            self.error(name, "日期格式应为 YYYY-MM-DD（不含时间）")
            return None
        if isinstance(value, date):
            day = value
        elif isinstance(value, str) and _DATE.match(value.strip()):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError:
                self.error(name, f"不是有效的日期：{value.strip()}")
                return None
        else:
            self.error(name, "日期格式应为 YYYY-MM-DD")
            return None
        if not_after is not None and day > not_after:
            self.error(name, f"日期不能晚于今天（{not_after.isoformat()}）", RuleCode.FUTURE_DATE)
            return None
        return day

    def boolean(self, name: str) -> bool | None:
        value = self.data.get(name)
        if not self._present(value):
            return None
        if isinstance(value, bool):
            return value
        found = BOOLEANS.get(_fold(str(value)))
        if found is None:
            self.error(name, f"应为 true/false（是/否、合格/不合格）：{value}")
        return found

    def amount(self, data: Mapping[str, Any], path: str) -> Decimal | None:
        value = data.get("amount_yuan")
        if not self._present(value):
            return Decimal(0)
        try:
            return parse_amount(value)
        except InvalidAmount as exc:
            self.error(path, str(exc))
            return None


def _subject_key(r: _Row) -> tuple[SubjectKey | None, str, str | None, str | None]:
    """(key, the field holding it, normalised USCC, normalised ID number)."""
    uscc = r.text(r.data, "uscc", "uscc")
    number = r.text(r.data, "id_number", "id_number")
    if uscc and number:
        r.error("id_number", "uscc 与 id_number 只能填写一个")
        return None, "uscc", None, None
    if uscc:
        try:
            code = validate_uscc(uscc)
        except InvalidUSCC as exc:
            r.error("uscc", f"统一社会信用代码 {uscc} 不合法：{exc}")
            return None, "uscc", None, None
        return ("uscc", code), "uscc", code, None
    if number:
        try:
            normal = validate_id_number(number)
        except InvalidIdNumber as exc:
            r.error("id_number", str(exc))
            return None, "id_number", None, None
        return ("id", digest(normal)), "id_number", None, normal
    r.error("uscc", "必填字段缺失：须填写统一社会信用代码（uscc）或身份证号码（id_number）")
    return None, "uscc", None, None


def _parse_subject(r: _Row) -> SubjectRow | None:
    d = r.data
    key, key_field, uscc, number = _subject_key(r)
    kind = r.choice(d, "subject_kind", "subject_kind", SUBJECT_KINDS, "主体类型", required=True)
    name = r.text(d, "name", "name", required=True, max_len=200)
    jurisdiction = r.text(d, "jurisdiction_code", "jurisdiction_code", required=True, max_len=32)
    district = r.text(d, "district_code", "district_code", required=True, max_len=32)
    address = r.text(d, "address", "address", max_len=255)
    if kind is not None and key is not None:
        if kind == SubjectKind.NATURAL_PERSON and uscc:
            r.error("uscc", "自然人以身份证号码（id_number）识别，不填统一社会信用代码")
        elif kind != SubjectKind.NATURAL_PERSON and number:
            r.error("id_number", f"{SUBJECT_KIND_ZH[kind]}以统一社会信用代码（uscc）识别")
    r.unknown(d, SUBJECT_FIELDS)
    if not r.ok or key is None:
        return None
    assert kind is not None and name and jurisdiction and district
    return SubjectRow(
        r.line, key, key_field, kind, uscc, number, name, jurisdiction, district, address
    )


def _parse_violations(r: _Row) -> list[ViolationInput]:
    raw = r.data.get("violations")
    if raw is None or raw == []:
        return []
    if not isinstance(raw, list):
        r.error("violations", "应为数组 [{type_code, domain, description, sanctions}]")
        return []
    out: list[ViolationInput] = []
    for i, v in enumerate(raw):
        p = f"violations[{i}]"
        if not isinstance(v, Mapping):
            r.error(p, "应为对象 {type_code, domain, description, sanctions}")
            continue
        r.unknown(v, VIOLATION_KEYS, f"{p}.")
        type_code = r.text(v, "type_code", f"{p}.type_code", required=True, max_len=64)
        domain = r.choice(v, "domain", f"{p}.domain", DOMAIN_CODES, "违法领域", required=True)
        description = r.text(v, "description", f"{p}.description") or ""
        sanctions: list[SanctionInput] = []
        raw_s = v.get("sanctions")
        if not raw_s:
            r.error(f"{p}.sanctions", "每个违法行为至少一项处理")
        elif not isinstance(raw_s, list):
            r.error(f"{p}.sanctions", "应为数组 [{kind, amount_yuan}]")
        else:
            for j, s in enumerate(raw_s):
                q = f"{p}.sanctions[{j}]"
                if not isinstance(s, Mapping):
                    r.error(q, "应为对象 {kind, amount_yuan}")
                    continue
                r.unknown(s, SANCTION_KEYS, f"{q}.")
                kind = r.choice(s, "kind", f"{q}.kind", SANCTION_CODES, "处理种类", required=True)
                amount = r.amount(s, f"{q}.amount_yuan")
                if kind is None or amount is None:
                    continue
                if amount and not SANCTION_KINDS_BY_CODE[kind].monetary:
                    name = SANCTION_KINDS_BY_CODE[kind].name_zh
                    r.error(f"{q}.amount_yuan", f"“{name}”不涉及金额")
                    continue
                sanctions.append(SanctionInput(kind, amount))
        if type_code and domain:
            out.append(ViolationInput(type_code, domain, description, sanctions))
    return out


_SERVICE_FIELDS = {
    "occurredOn": "occurred_on",
    "situationCode": "situation_code",
    "inspectionPassed": "inspection_passed",
    "decisionDate": "decided_on",
    "decisionNo": "document_no",
}


def _service_field(name: str) -> str:
    """A field of RecordInputError (camelCase, GraphQL) → the import's field path."""
    if name in _SERVICE_FIELDS:
        return _SERVICE_FIELDS[name]
    return re.sub(r"[A-Z]", lambda m: "_" + m[0].lower(), name)


def _parse_entry(r: _Row, row_kind: str, today: date) -> EntryRow | None:
    d = r.data
    key, key_field, _, _ = _subject_key(r)
    is_decision = row_kind == "decision"
    external_key = None
    document_no = decided_on = None
    violations: list[ViolationInput] = []
    if is_decision:
        document_no = r.text(d, "document_no", "document_no", required=True, max_len=100)
        decided_on = r.day("decided_on", required=True, not_after=today)
        issuing_unit = r.text(d, "issuing_unit", "issuing_unit", required=True, max_len=200)
        legal_basis = r.text(d, "legal_basis", "legal_basis", required=True)
        violations = _parse_violations(r)
    else:
        external_key = r.text(d, "external_key", "external_key", required=True, max_len=200)
        issuing_unit = r.text(d, "issuing_unit", "issuing_unit", max_len=200)
        legal_basis = r.text(d, "legal_basis", "legal_basis")
    info_type = r.choice(d, "type", "type", INFO_TYPE_CODES, "信息类型", required=True)
    if info_type is not None and info_type.automatic:
        r.error("type", f"“{info_type.name_zh}”由系统自动生成，不能导入")
    type_code = info_type.code if info_type is not None else None
    occurred_on = r.day("occurred_on", required=not is_decision, not_after=today) or decided_on
    summary = r.text(d, "summary", "summary", required=True)
    had = len(r.issues)
    situation = r.choice(d, "situation_code", "situation_code", SITUATION_CODES, "警示情形代码")
    if type_code == "watch_list_case" and situation is None and len(r.issues) == had:
        r.error("situation_code", "列入警示目录（watch_list_case）须填写第九条情形代码 s01–s26")
    elif type_code and type_code != "watch_list_case" and situation is not None:
        r.error("situation_code", "只有“列入警示目录”（watch_list_case）才填写警示情形")
    had = len(r.issues)
    passed = r.boolean("inspection_passed")
    if type_code == "inspection" and passed is None and len(r.issues) == had:
        r.error("inspection_passed", "检查结果（inspection）须注明是否合格")
    elif type_code and type_code != "inspection" and passed is not None:
        r.error("inspection_passed", "只有检查结果（inspection）才填写是否合格")
    published_on = r.day("published_on", required=True, not_after=today)
    status = r.choice(
        d, "status", "status", STATUSES, "状态（应为 published、revoked 或 repaired）"
    )
    status = status or RecordStatus.PUBLISHED
    exit_on = None
    for exit_status, name in EXIT_DATE_FIELD.items():
        had = len(r.issues)
        value = r.day(name, not_after=today)
        if status == exit_status:
            if value is None and len(r.issues) == had:
                r.error(name, f"状态为“{STATUS_ZH[exit_status]}”时须填写{name}")
            exit_on = value
        elif value is not None:
            r.error(name, f"状态不是“{STATUS_ZH[exit_status]}”，不填写{name}")
    status_reason = r.text(d, "status_reason", "status_reason") or ""
    if status_reason and status == RecordStatus.PUBLISHED:
        r.error("status_reason", "状态为“已公布”时不填写撤销或修复原因")
    provider_unit = r.text(d, "provider_unit", "provider_unit", required=True, max_len=32)
    provider_person = r.text(d, "provider_person", "provider_person", max_len=64) or ""
    public_until = r.day("public_until_override")
    retention_until = r.day("retention_until_override")
    internal_note = r.text(d, "internal_note", "internal_note") or ""
    r.unknown(d, DECISION_FIELDS if is_decision else RECORD_FIELDS)
    if not r.ok or key is None:
        return None
    assert type_code and occurred_on and summary and published_on and provider_unit
    # The order of the dates (each checked only once both are known); a decision dated
    # before what it decides is the record rules' (validate_record_input, below).
    if published_on < (decided_on or occurred_on):
        what = "决定日期" if decided_on else "发生日期"
        r.error("published_on", f"公布日期不能早于{what}（{(decided_on or occurred_on)}）")
    if exit_on and exit_on < published_on:
        r.error(EXIT_DATE_FIELD[status], f"不能早于公布日期（{published_on.isoformat()}）")
    for name, value in (
        ("public_until_override", public_until),
        ("retention_until_override", retention_until),
    ):
        if value is not None and value <= published_on:
            r.error(name, f"应晚于公布日期（{published_on.isoformat()}）")
    if not r.ok:
        return None
    data = RecordInput(
        type=type_code,
        occurred_on=occurred_on,
        summary=summary,
        situation_code=situation,
        inspection_passed=passed,
        decision_no=document_no,
        decision_date=decided_on,
        issuing_unit=issuing_unit or "",
        legal_basis=legal_basis or "",
        violations=violations,
        public_until_override=public_until,
        retention_until_override=retention_until,
        provider_person=provider_person,
        internal_note=internal_note,
        source=SOURCE,
        external_key=external_key,
    )
    try:  # the record service's own checks, so an import accepts what the console accepts
        validate_record_input(data, today)
    except RecordInputError as exc:
        code = None if exc.code == "INVALID" else exc.code
        r.error(_service_field(exc.field), str(exc), code)
        return None
    return EntryRow(
        r.line,
        row_kind,
        key,
        key_field,
        data,
        published_on,
        status,
        exit_on,
        status_reason,
        provider_unit,
    )


def parse_row(
    line: int, data: Mapping[str, Any], today: date, issues: list[ImportIssue]
) -> SubjectRow | EntryRow | None:
    """Check one row on its own; problems are appended to `issues`."""
    r = _Row(line, data, issues)
    kind = r.choice(
        data, "kind", "kind", ROW_KINDS, "类别（应为 subject、decision 或 record）", required=True
    )
    if kind is None:
        return None
    if kind == "subject":
        return _parse_subject(r)
    return _parse_entry(r, kind, today)


def is_subject_row(data: Mapping[str, Any]) -> bool:
    kind = data.get("kind")
    return isinstance(kind, str) and ROW_KINDS.get(_fold(kind)) == "subject"


def loose_key(data: Mapping[str, Any]) -> SubjectKey | None:
    """The key of a row that failed its checks, if its identifier itself is valid."""
    try:
        if isinstance(data.get("uscc"), str) and data["uscc"].strip():
            return ("uscc", validate_uscc(data["uscc"]))
        if isinstance(data.get("id_number"), str) and data["id_number"].strip():
            return ("id", digest(validate_id_number(data["id_number"])))
    except (InvalidUSCC, InvalidIdNumber):
        return None
    return None


def check_rows(
    source: Source, today: date
) -> tuple[list[SubjectRow | EntryRow], list[ImportIssue], set[SubjectKey]]:
    """Every row checked on its own: (the valid rows, the problems, the keys of subject rows
    that have problems, so that rows pointing at them are not reported a second time)."""
    issues = [ImportIssue(line, path, message) for line, path, message in source.problems]
    rows: list[SubjectRow | EntryRow] = []
    invalid_keys: set[SubjectKey] = set()
    for src in source.rows:
        issues += [ImportIssue(src.line, path, message) for path, message in src.problems]
        if src.problems:
            continue
        before = len(issues)
        parsed = parse_row(src.line, src.data, today, issues)
        if parsed is not None:
            rows.append(parsed)
        elif len(issues) > before and is_subject_row(src.data):
            key = loose_key(src.data)
            if key is not None:
                invalid_keys.add(key)
    if not source.rows and not issues:
        issues.append(ImportIssue(0, None, "文件中没有数据行"))
    return rows, issues, invalid_keys


def regenerate_examples(directory: Path) -> None:
    """docs/import-examples: the CSV and XLSX examples from example.jsonl, and the empty
    templates. `python -c "from pathlib import Path; from credit.records.importer_formats
    import regenerate_examples as r; r(Path('../docs/import-examples'))"` (from backend/)."""
    rows = [r.data for r in read_jsonl((directory / "example.jsonl").read_bytes()).rows]
    (directory / "example.csv").write_bytes(write_csv(rows))
    (directory / "example.xlsx").write_bytes(write_xlsx(rows))
    (directory / "template.csv").write_bytes(write_csv([]))
    (directory / "template.xlsx").write_bytes(write_xlsx([]))
