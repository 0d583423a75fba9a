"""The columns of the flat tables (CSV, XLSX): the field paths of the JSON Lines format,
each with its Chinese header. A table holds one row per subject, decision or record;
the violations and sanctions of a decision are flattened into numbered column groups (at
most MAX_VIOLATIONS × MAX_SANCTIONS). The templates are built from these columns, so a
template can never drift from what the reader accepts."""

from __future__ import annotations

import re
import unicodedata

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
TEXT_COLUMNS = frozenset(
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


def violation_key(i: int, name: str) -> str:
    return f"violation{i}_{name}"


def sanction_key(i: int, j: int, name: str) -> str:
    return f"violation{i}_sanction{j}_{name}"


def _columns() -> tuple[tuple[str, str], ...]:
    cols = [c for c in FIELDS]
    for i in range(1, MAX_VIOLATIONS + 1):
        cols += [(violation_key(i, k), f"违法行为{i}{h}") for k, h in VIOLATION_FIELDS]
        for j in range(1, MAX_SANCTIONS + 1):
            cols += [(sanction_key(i, j, k), f"违法行为{i}处理{j}{h}") for k, h in SANCTION_FIELDS]
    return tuple(cols)


# Every flat column: (key, Chinese header). A header may be either of the two.
COLUMNS: tuple[tuple[str, str], ...] = _columns()
HEADER_OF: dict[str, str] = dict(COLUMNS)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


COLUMN_BY_HEADER: dict[str, str] = {fold(h): k for k, h in COLUMNS} | {
    fold(k): k for k, _ in COLUMNS
}

_SANCTION_PATH = re.compile(r"^violations\[(\d+)\]\.sanctions\[(\d+)\]\.(\w+)$")
_SANCTIONS_PATH = re.compile(r"^violations\[(\d+)\]\.sanctions$")
_VIOLATION_PATH = re.compile(r"^violations\[(\d+)\]\.(\w+)$")


def column_of(path: str) -> str | None:
    """The flat column that holds the value at a field path (None if there is none)."""
    if path in HEADER_OF:
        return path
    if m := _SANCTION_PATH.match(path):
        key = sanction_key(int(m[1]) + 1, int(m[2]) + 1, m[3])
    elif m := _SANCTIONS_PATH.match(path):
        key = sanction_key(int(m[1]) + 1, 1, "kind")
    elif m := _VIOLATION_PATH.match(path):
        key = violation_key(int(m[1]) + 1, m[2])
    elif path == "violations":
        key = violation_key(1, "type_code")
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
