"""Every row checked on its own, against its schema (credit.records.importer.schema) and
the record rules the console and the API apply (validate_record_input): what needs the
database (subjects, units, conflicts) is the planning's. Works on the whole list of rows
(`check_rows`); a valid row becomes a SubjectRow or an EntryRow."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from credit.accounts.crypto import digest
from credit.policies.catalogues import SANCTION_KINDS_BY_CODE
from credit.policies.facts import SubjectKind
from credit.records import rules
from credit.records.importer.choices import ROW_KINDS, SUBJECT_KIND_ZH
from credit.records.importer.formats.columns import fold
from credit.records.importer.formats.source import Source
from credit.records.importer.reader import RowReader
from credit.records.importer.rows import (
    EXIT_DATE_FIELD,
    SOURCE,
    EntryRow,
    ImportIssue,
    Row,
    SubjectKey,
    SubjectRow,
)
from credit.records.importer.schema import (
    ENTRY_ROWS,
    SANCTION,
    SUBJECT_ROW,
    VIOLATION,
    FieldType,
    RowSchema,
    Values,
    read_field,
)
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

# Types whose absent value reads as None without a problem (an amount reads as 0).
_ABSENT_IS_NONE = frozenset({FieldType.TEXT, FieldType.CHOICE, FieldType.DAY, FieldType.BOOLEAN})


def read_fields(
    r: RowReader, schema: RowSchema, data: Mapping[str, Any], prefix: str, today: date
) -> Values:
    """The schema's fields in order, each followed by its rule (the caller checks for
    fields the schema does not know)."""
    values: Values = {}
    for f in schema.fields:
        had = len(r.issues)
        if f.name not in data and not f.required and f.type in _ABSENT_IS_NONE:
            # absent and optional (most of a row's fields): what read_field would give
            values[f.name] = f.default
            if f.rule is not None:
                f.rule(r, values, True)
            continue
        if f.type == FieldType.VIOLATIONS:
            values[f.name] = _violations(r, today)
        else:
            values[f.name] = read_field(r, f, data, prefix, today)
        if values[f.name] is None:
            values[f.name] = f.default
        if f.rule is not None:
            f.rule(r, values, len(r.issues) == had)
    return values


def subject_key(r: RowReader) -> tuple[SubjectKey | None, str, str | None, str | None]:
    """(key, the field holding it, normalised USCC, normalised ID number)."""
    uscc = r.text(r.data, "uscc", "uscc")
    number = r.text(r.data, "id_number", "id_number")
    if uscc and number:
        r.error("id_number", "uscc 与 id_number 只能填写一个")
        return None, "uscc", None, None
    if uscc:
        code, fault = _uscc(uscc)
        if code is None:
            r.error("uscc", f"统一社会信用代码 {uscc} 不合法：{fault}")
            return None, "uscc", None, None
        return ("uscc", code), "uscc", code, None
    if number:
        normal, fault = _person(number)
        if normal is None:
            r.error("id_number", str(fault))
            return None, "id_number", None, None
        return ("id", digest(normal)), "id_number", None, normal
    r.error("uscc", "必填字段缺失：须填写统一社会信用代码（uscc）或身份证号码（id_number）")
    return None, "uscc", None, None


@lru_cache(maxsize=65536)  # a file names each subject on several rows
def _uscc(text: str) -> tuple[str | None, str | None]:
    """(the normalised code, None) or (None, the fault)."""
    try:
        return validate_uscc(text), None
    except InvalidUSCC as exc:
        return None, str(exc)


@lru_cache(maxsize=65536)
def _person(text: str) -> tuple[str | None, str | None]:
    """(the normalised ID number, None) or (None, the fault)."""
    try:
        return validate_id_number(text), None
    except InvalidIdNumber as exc:
        return None, str(exc)


def _parse_subject(r: RowReader, today: date) -> SubjectRow | None:
    key, key_field, uscc, number = subject_key(r)
    v = read_fields(r, SUBJECT_ROW, r.data, "", today)
    kind: SubjectKind | None = v["subject_kind"]
    if kind is not None and key is not None:
        if kind == SubjectKind.NATURAL_PERSON and uscc:
            r.error("uscc", "自然人以身份证号码（id_number）识别，不填统一社会信用代码")
        elif kind != SubjectKind.NATURAL_PERSON and number:
            r.error("id_number", f"{SUBJECT_KIND_ZH[kind]}以统一社会信用代码（uscc）识别")
    r.unknown(r.data, SUBJECT_ROW.allowed)
    if not r.ok or key is None:
        return None
    assert kind is not None and v["name"] and v["jurisdiction_code"] and v["district_code"]
    return SubjectRow(
        r.line,
        key,
        key_field,
        kind,
        uscc,
        number,
        v["name"],
        v["jurisdiction_code"],
        v["district_code"],
        v["address"],
    )


def _violations(r: RowReader, today: date) -> list[ViolationInput]:
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
        r.unknown(v, VIOLATION.allowed, f"{p}.")
        values = read_fields(r, VIOLATION, v, f"{p}.", today)
        sanctions = _sanctions(r, v.get("sanctions"), p, today)
        if values["type_code"] and values["domain"]:
            type_code, domain = values["type_code"], values["domain"]
            out.append(ViolationInput(type_code, domain, values["description"] or "", sanctions))
    return out


def _sanctions(r: RowReader, raw: Any, p: str, today: date) -> list[SanctionInput]:
    if not raw:
        r.error(f"{p}.sanctions", "每个违法行为至少一项处理")
        return []
    if not isinstance(raw, list):
        r.error(f"{p}.sanctions", "应为数组 [{kind, amount_yuan}]")
        return []
    out: list[SanctionInput] = []
    for j, s in enumerate(raw):
        q = f"{p}.sanctions[{j}]"
        if not isinstance(s, Mapping):
            r.error(q, "应为对象 {kind, amount_yuan}")
            continue
        r.unknown(s, SANCTION.allowed, f"{q}.")
        values = read_fields(r, SANCTION, s, f"{q}.", today)
        kind, amount = values["kind"], values["amount_yuan"]
        if kind is None or amount is None:
            continue
        if amount and not rules.sanction_takes_amount(kind):
            name = SANCTION_KINDS_BY_CODE[kind].name_zh
            r.error(f"{q}.amount_yuan", f"“{name}”不涉及金额")
            continue
        out.append(SanctionInput(kind, amount))
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


def _date_order(r: RowReader, v: Values) -> None:
    """The order of the dates, each checked only once both are known; a decision dated
    before what it decides is the record rules' (validate_record_input)."""
    published_on: date = v["published_on"]
    decided_on: date | None = v["decided_on"]
    first: date = decided_on or v["occurred_on"]
    if published_on < first:
        what = "决定日期" if decided_on else "发生日期"
        r.error("published_on", f"公布日期不能早于{what}（{first}）")
    exit_on = _exit_on(v)
    if exit_on and exit_on < published_on:
        r.error(EXIT_DATE_FIELD[v["status"]], f"不能早于公布日期（{published_on.isoformat()}）")
    for name in ("public_until_override", "retention_until_override"):
        if v[name] is not None and v[name] <= published_on:
            r.error(name, f"应晚于公布日期（{published_on.isoformat()}）")


def _exit_on(v: Values) -> date | None:
    """The date of the revocation or repair (None while published)."""
    name = EXIT_DATE_FIELD.get(v["status"])
    return v[name] if name else None


def _record_input(v: Values) -> RecordInput:
    return RecordInput(
        type=v["type"].code,
        occurred_on=v["occurred_on"],
        summary=v["summary"],
        situation_code=v["situation_code"],
        inspection_passed=v["inspection_passed"],
        decision_no=v.get("document_no"),
        decision_date=v.get("decided_on"),
        issuing_unit=v["issuing_unit"] or "",
        legal_basis=v["legal_basis"] or "",
        violations=v.get("violations") or [],
        public_until_override=v["public_until_override"],
        retention_until_override=v["retention_until_override"],
        provider_person=v["provider_person"] or "",
        internal_note=v["internal_note"] or "",
        source=SOURCE,
        external_key=v.get("external_key"),
    )


def _parse_entry(r: RowReader, schema: RowSchema, today: date) -> EntryRow | None:
    key, key_field, _, _ = subject_key(r)
    v = read_fields(r, schema, r.data, "", today)
    v.setdefault("decided_on", None)
    v["occurred_on"] = v["occurred_on"] or v["decided_on"]
    r.unknown(r.data, schema.allowed)
    if not r.ok or key is None:
        return None
    assert v["type"] and v["occurred_on"] and v["summary"] and v["published_on"]
    assert v["provider_unit"]
    _date_order(r, v)
    if not r.ok:
        return None
    data = _record_input(v)
    try:  # the record service's own checks, so an import accepts what the console accepts
        validate_record_input(data, today)
    except RecordInputError as exc:
        code = None if exc.code == "INVALID" else exc.code
        r.error(_service_field(exc.field), str(exc), code)
        return None
    return EntryRow(
        r.line,
        schema.kind,
        key,
        key_field,
        data,
        v["published_on"],
        v["status"],
        _exit_on(v),
        v["status_reason"] or "",
        v["provider_unit"],
    )


def parse_row(
    line: int, data: Mapping[str, Any], today: date, issues: list[ImportIssue]
) -> Row | None:
    """Check one row on its own; problems are appended to `issues`."""
    r = RowReader(line, data, issues)
    kind = r.choice(
        data, "kind", "kind", ROW_KINDS, "类别（应为 subject、decision 或 record）", required=True
    )
    if kind is None:
        return None
    if kind == "subject":
        return _parse_subject(r, today)
    return _parse_entry(r, ENTRY_ROWS[kind], today)


def is_subject_row(data: Mapping[str, Any]) -> bool:
    kind = data.get("kind")
    return isinstance(kind, str) and ROW_KINDS.get(fold(kind)) == "subject"


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
) -> tuple[list[Row], list[ImportIssue], set[SubjectKey], int]:
    """Every row checked on its own: (the valid rows, the problems, the keys of subject rows
    that have problems, so that rows pointing at them are not reported a second time, the
    number of rows read). A streamed source is read here, once."""
    rows: list[Row] = []
    invalid_keys: set[SubjectKey] = set()
    found: list[ImportIssue] = []
    count = 0
    for src in source.each():
        count += 1
        found += [ImportIssue(src.line, path, message) for path, message in src.problems]
        if src.problems:
            continue
        before = len(found)
        parsed = parse_row(src.line, src.data, today, found)
        if parsed is not None:
            rows.append(parsed)
        elif len(found) > before and is_subject_row(src.data):
            key = loose_key(src.data)
            if key is not None:
                invalid_keys.add(key)
    # the file's own problems first (a stream finds them while it is read)
    issues = [ImportIssue(line, path, message) for line, path, message in source.problems]
    issues += found
    if not count and not issues:
        issues.append(ImportIssue(0, None, "文件中没有数据行"))
    return rows, issues, invalid_keys, count
