"""A re-imported row against what the database holds: the same content is skipped, a
difference is an error naming the first field that differs, the stored value and the
file's. A record's history may have moved on since (revoked in the console): the file's
history need only be its beginning."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from credit.policies.facts import RecordStatus
from credit.records.importer.known import CENT, Known, Stored, ViolationKey
from credit.records.importer.rows import EXIT_DATE_FIELD, EntryRow
from credit.records.lifecycle import STATUS_ZH
from credit.records.services import RecordInput
from credit.subjects.models import Subject

Mismatch = tuple[str, str]  # (field, message)


def _short(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _violations_text(items: Sequence[ViolationKey]) -> str:
    parts = []
    for type_code, domain, _, sanctions in items:
        kinds = "、".join(f"{k} {a}" if a else k for k, a in sanctions)
        parts.append(f"{type_code}/{domain}：{kinds}")
    return "；".join(parts) or "无"


def _file_violations(data: RecordInput) -> list[ViolationKey]:
    return [
        (
            v.type_code,
            v.domain,
            v.description,
            tuple((s.kind, Decimal(s.amount_yuan).quantize(CENT)) for s in v.sanctions),
        )
        for v in data.violations
    ]


def _differs(field_name: str, old: Any, new: Any, what: str) -> Mismatch:
    return field_name, f"与系统中已有的{what}不一致：已有“{_short(old)}”，文件为“{_short(new)}”"


def record_mismatch(
    row: EntryRow, rec: Stored, known: Known, unit_id: int, what: str
) -> Mismatch | None:
    data = row.data
    pairs: list[tuple[str, Any, Any]] = [
        ("type", rec.type, data.type),
        ("occurred_on", rec.occurred_on, data.occurred_on),
        ("summary", rec.summary, data.summary),
        ("situation_code", rec.situation_code, data.situation_code),
        ("inspection_passed", rec.inspection_passed, data.inspection_passed),
        ("issuing_unit", rec.issuing_unit, data.issuing_unit),
        ("legal_basis", rec.legal_basis, data.legal_basis),
        ("public_until_override", rec.public_until_override, data.public_until_override),
        (
            "retention_until_override",
            rec.retention_until_override,
            data.retention_until_override,
        ),
        ("provider_person", rec.provider_person, data.provider_person),
        ("internal_note", rec.internal_note, data.internal_note),
    ]
    for name, old, new in pairs:
        if old != new:
            return _differs(name, old, new, what)
    if rec.provider_unit_id != unit_id:
        old_unit = known.unit_codes.get(rec.provider_unit_id or 0)
        return _differs("provider_unit", old_unit, row.provider_unit, what)
    # The file's history must be the beginning of the stored one: a record revoked in the
    # console since an earlier import is consistent with the earlier file.
    history = known.history.get(rec.id, [])
    published = next((day for s, day in history if s == RecordStatus.PUBLISHED), None)
    if published is None:
        state = STATUS_ZH[RecordStatus(rec.status)]
        return "status", f"系统中已有的{what}尚未公布（状态：{state}），不能以导入公布"
    if published != row.published_on:
        return _differs("published_on", published, row.published_on, what)
    if row.status != RecordStatus.PUBLISHED:
        name = EXIT_DATE_FIELD[row.status]
        exited = next((day for s, day in history if s == row.status), None)
        if exited is None:
            state = STATUS_ZH[RecordStatus(rec.status)]
            return "status", (
                f"系统中已有的{what}状态为“{state}”：导入不能改变已有信息的状态，"
                "请在系统中办理撤销或修复"
            )
        if exited != row.exit_on:
            return _differs(name, exited, row.exit_on, what)
    return None


def decision_mismatch(
    row: EntryRow, dec: Stored, known: Known, subject: Subject | None, unit_id: int
) -> Mismatch | None:
    data = row.data
    what = f"决定（文书号 {dec.document_no}）"
    if subject is None or dec.subject_id != subject.id:
        return "document_no", f"文书号 {dec.document_no} 在系统中已属于另一主体"
    for name, old, new in (
        ("decided_on", dec.decided_on, data.decision_date),
        ("issuing_unit", dec.issuing_unit, data.issuing_unit),
        ("legal_basis", dec.legal_basis, data.legal_basis),
    ):
        if old != new:
            return _differs(name, old, new, what)
    old_v, new_v = known.violations.get(dec.id, []), _file_violations(data)
    if old_v != new_v:
        return _differs("violations", _violations_text(old_v), _violations_text(new_v), what)
    records = known.decision_records.get(dec.id, [])
    same_type = [rec for rec in records if rec.type == data.type]
    if not same_type:
        old_types = "、".join(sorted({rec.type for rec in records})) or "无"
        return _differs("type", old_types, data.type, what)
    return record_mismatch(row, same_type[0], known, unit_id, what)
