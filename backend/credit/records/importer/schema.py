"""What each kind of row holds: one table per row kind (subject, decision, record) and for
the violations and sanctions nested in a decision. A field has its type, whether it is
required, its length or its coded values, and a rule against the fields read before it;
its Chinese name is the column header of the tables (`Field.header`). The fields are
read in table order, so a row's problems come in that order.

The rules of a legally complete record are credit.records.rules' (the same functions the
console and the API call); here they are only worded for the import, naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Any

from credit.policies.catalogues import InfoType
from credit.policies.facts import RecordStatus
from credit.records import rules
from credit.records.importer.choices import (
    DOMAIN_CODES,
    INFO_TYPE_CODES,
    SANCTION_CODES,
    SITUATION_CODES,
    STATUSES,
    SUBJECT_KINDS,
)
from credit.records.importer.formats.columns import HEADER_OF
from credit.records.importer.reader import RowReader
from credit.records.importer.rows import EXIT_DATE_FIELD
from credit.records.lifecycle import STATUS_ZH


class FieldType(Enum):
    TEXT = "text"
    CHOICE = "choice"  # one of `choices` (a code or its Chinese name)
    DAY = "day"  # YYYY-MM-DD
    BOOLEAN = "boolean"
    AMOUNT = "amount"  # yuan, 0 when empty
    VIOLATIONS = "violations"  # a list of VIOLATION rows


Values = dict[str, Any]
# A rule: (the reader, the values read so far, whether this field itself read cleanly).
# Run right after its field is read, so that its problem comes in the field's place.
Rule = Callable[[RowReader, Values, bool], None]


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    max_len: int | None = None
    choices: Mapping[str, Any] | None = None
    what: str = ""  # a choice's name in "未知的{what}"
    not_future: bool = False  # a date no later than today
    default: Any = None
    rule: Rule | None = None

    @property
    def header(self) -> str | None:
        """The field's Chinese column header in CSV/XLSX (nested fields are numbered)."""
        return HEADER_OF.get(self.name)


@dataclass(frozen=True)
class RowSchema:
    kind: str
    fields: tuple[Field, ...]
    # Fields read before the table (the row kind; the subject's identifier, a pair).
    leading: frozenset[str] = frozenset()

    @cached_property
    def allowed(self) -> frozenset[str]:
        return self.leading | {f.name for f in self.fields}


def read_field(r: RowReader, f: Field, data: Mapping[str, Any], prefix: str, today: date) -> Any:
    """One field's value (None when absent or wrong; the problem is in `r.issues`)."""
    path = prefix + f.name
    match f.type:
        case FieldType.TEXT:
            return r.text(data, f.name, path, required=f.required, max_len=f.max_len)
        case FieldType.CHOICE:
            assert f.choices is not None
            return r.choice(data, f.name, path, f.choices, f.what, required=f.required)
        case FieldType.DAY:  # dates are top-level fields only
            return r.day(f.name, required=f.required, not_after=today if f.not_future else None)
        case FieldType.BOOLEAN:
            return r.boolean(f.name)
        case FieldType.AMOUNT:
            return r.amount(data, path)
    raise ValueError(f"{f.type} is read by its own parser")


# --- the rules between the fields of a row --------------------------------------------------


def _type_code(values: Values) -> str | None:
    info_type: InfoType | None = values.get("type")
    return info_type.code if info_type is not None else None


def _enterable(r: RowReader, values: Values, clean: bool) -> None:
    info_type: InfoType | None = values["type"]
    if info_type is not None and not rules.enterable(info_type.code):
        r.error("type", f"“{info_type.name_zh}”由系统自动生成，不能导入")


def _situation(r: RowReader, values: Values, clean: bool) -> None:
    type_code, situation = _type_code(values), values["situation_code"]
    if type_code and rules.takes_situation(type_code) and situation is None and clean:
        r.error("situation_code", "列入警示目录（watch_list_case）须填写第九条情形代码 s01–s26")
    elif type_code and not rules.takes_situation(type_code) and situation is not None:
        r.error("situation_code", "只有“列入警示目录”（watch_list_case）才填写警示情形")


def _inspection(r: RowReader, values: Values, clean: bool) -> None:
    type_code, passed = _type_code(values), values["inspection_passed"]
    if type_code and rules.takes_inspection_result(type_code) and passed is None and clean:
        r.error("inspection_passed", "检查结果（inspection）须注明是否合格")
    elif type_code and not rules.takes_inspection_result(type_code) and passed is not None:
        r.error("inspection_passed", "只有检查结果（inspection）才填写是否合格")


def _exit_date(exit_status: RecordStatus) -> Rule:
    """revoked_on / repaired_on: given exactly when the status is revoked / repaired."""
    name = EXIT_DATE_FIELD[exit_status]

    def rule(r: RowReader, values: Values, clean: bool) -> None:
        if values["status"] == exit_status:
            if values[name] is None and clean:
                r.error(name, f"状态为“{STATUS_ZH[exit_status]}”时须填写{name}")
        elif values[name] is not None:
            r.error(name, f"状态不是“{STATUS_ZH[exit_status]}”，不填写{name}")

    return rule


def _status_reason(r: RowReader, values: Values, clean: bool) -> None:
    if values["status_reason"] and values["status"] == RecordStatus.PUBLISHED:
        r.error("status_reason", "状态为“已公布”时不填写撤销或修复原因")


# --- the tables -----------------------------------------------------------------------------

T, C, D, B = FieldType.TEXT, FieldType.CHOICE, FieldType.DAY, FieldType.BOOLEAN
SUBJECT_KEY_FIELDS = frozenset({"uscc", "id_number"})  # exactly one: see validate.subject_key
_LEADING = frozenset({"kind"}) | SUBJECT_KEY_FIELDS

SUBJECT_ROW = RowSchema(
    "subject",
    (
        Field("subject_kind", C, required=True, choices=SUBJECT_KINDS, what="主体类型"),
        Field("name", T, required=True, max_len=200),
        Field("jurisdiction_code", T, required=True, max_len=32),
        Field("district_code", T, required=True, max_len=32),
        Field("address", T, max_len=255),
    ),
    _LEADING,
)

_TYPE = Field("type", C, required=True, choices=INFO_TYPE_CODES, what="信息类型", rule=_enterable)
# What decisions and records share, after their type and date of occurrence.
_RECORD_TAIL = (
    Field("summary", T, required=True),
    Field("situation_code", C, choices=SITUATION_CODES, what="警示情形代码", rule=_situation),
    Field("inspection_passed", B, rule=_inspection),
    Field("published_on", D, required=True, not_future=True),
    Field(
        "status",
        C,
        choices=STATUSES,
        what="状态（应为 published、revoked 或 repaired）",
        default=RecordStatus.PUBLISHED,
    ),
    Field("revoked_on", D, not_future=True, rule=_exit_date(RecordStatus.REVOKED)),
    Field("repaired_on", D, not_future=True, rule=_exit_date(RecordStatus.REPAIRED)),
    Field("status_reason", T, rule=_status_reason),
    Field("provider_unit", T, required=True, max_len=32),
    Field("provider_person", T, max_len=64),
    Field("public_until_override", D),
    Field("retention_until_override", D),
    Field("internal_note", T),
)

# A decision: its document, its violations, and the record it publishes.
DECISION_ROW = RowSchema(
    "decision",
    (
        Field("document_no", T, required=True, max_len=100),
        Field("decided_on", D, required=True, not_future=True),
        Field("issuing_unit", T, required=True, max_len=200),
        Field("legal_basis", T, required=True),
        Field("violations", FieldType.VIOLATIONS),
        _TYPE,
        Field("occurred_on", D, not_future=True),  # the decision's date when not given
        *_RECORD_TAIL,
    ),
    _LEADING,
)

# A record without a decision, keyed by the provider's own identifier.
RECORD_ROW = RowSchema(
    "record",
    (
        Field("external_key", T, required=True, max_len=200),
        Field("issuing_unit", T, max_len=200),
        Field("legal_basis", T),
        _TYPE,
        Field("occurred_on", D, required=True, not_future=True),
        *_RECORD_TAIL,
    ),
    _LEADING,
)

ENTRY_ROWS = {s.kind: s for s in (DECISION_ROW, RECORD_ROW)}

# Nested in a decision: violations[i] and violations[i].sanctions[j].
VIOLATION = RowSchema(
    "violation",
    (
        Field("type_code", T, required=True, max_len=64),
        Field("domain", C, required=True, choices=DOMAIN_CODES, what="违法领域"),
        Field("description", T),
    ),
    frozenset({"sanctions"}),
)
SANCTION = RowSchema(
    "sanction",
    (
        Field("kind", C, required=True, choices=SANCTION_CODES, what="处理种类"),
        Field("amount_yuan", FieldType.AMOUNT),
    ),
)
