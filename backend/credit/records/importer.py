"""Bulk import of subjects, decisions and records (docs/import.md).

1. Read: JSON Lines, CSV or XLSX become nested rows with their line numbers
   (credit.records.importer_formats).
2. Validate every row: each value on its own (formats, catalogues, dates), then against the
   file and the database (duplicates, unknown subjects, units and districts, conflicts with
   what an earlier import or the console already wrote). Every problem names its line and
   field; nothing is written while there is one.
3. Write everything in ONE transaction (all or nothing), in a few bulk statements, then
   re-evaluate each touched subject once, in the same transaction.

Idempotent: subjects are keyed by USCC or by the digest of the ID number, decisions by
(jurisdiction, document_no), records without a decision by `external_key`; a row already
imported with the same content is skipped, one that differs is an error.

Records are written directly (in bulk) exactly as `create_published` would write them:
draft at 09:00 of the earliest of decision/occurrence and publication dates, submitted,
verified and published at 10:00, 11:00 and 12:00 of the publication date (`published_at`
= the last), and, for a revoked or repaired record, that transition at 15:00 of its date.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as dtime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from credit.accounts.crypto import protect_id_number
from credit.accounts.models import Unit
from credit.audit.models import AuditEvent
from credit.core import clock, dataversion
from credit.grades.models import Evaluation
from credit.grades.services import evaluation_to_payload, load_record_facts
from credit.lists.decisions import issue_missing
from credit.lists.models import ListEntry
from credit.policies.catalogues import INFO_TYPES_BY_CODE
from credit.policies.engine import evaluate
from credit.policies.facts import RecordStatus, SubjectFact, SubjectKind
from credit.policies.services import PolicyInForce, policy_for
from credit.policies.vocabulary import Vocabulary
from credit.records import importer_formats as formats
from credit.records.importer_formats import (
    EXIT_DATE_FIELD,
    SOURCE,
    SUBJECT_KIND_ZH,
    EntryRow,
    ImportIssue,
    SubjectKey,
    SubjectRow,
)
from credit.records.lifecycle import STATUS_ZH
from credit.records.models import CreditRecord, Decision, RecordTransition, Sanction, Violation
from credit.records.services import RecordInput
from credit.subjects.identifiers import mask_id_number
from credit.subjects.models import District, Jurisdiction, Subject, SubjectNameChange
from credit.subjects.policy import jurisdiction_vocabulary
from credit.watches import pending as watch_pending
from credit.watches.events import record_pending as record_watched_changes

if TYPE_CHECKING:
    from credit.accounts.actor import Actor

CHUNK = 500  # keys per IN (…) query
BATCH = 1000  # rows per bulk insert statement
MAX_ERRORS_SHOWN = 50
# Serialises imports on PostgreSQL (pg_advisory_xact_lock), so that what was checked is
# what is written. SQLite serialises writers by itself.
_LOCK_KEY = 0x637265646974  # "credit"
# Hours of the historical transitions: those of create_published (tested to be identical).
_DRAFT_HOUR, _SUBMIT_HOUR, _VERIFY_HOUR, _PUBLISH_HOUR, _EXIT_HOUR = 9, 10, 11, 12, 15

# A violation as compared: (type_code, domain, description, ((sanction kind, amount), …)).
ViolationKey = tuple[str, str, str, tuple[tuple[str, Decimal], ...]]

# --- the report -----------------------------------------------------------------------------


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    rows: int = 0
    subjects_created: int = 0
    subjects_updated: int = 0
    subjects_unchanged: int = 0
    decisions_created: int = 0
    decisions_skipped: int = 0
    records_created: int = 0
    records_skipped: int = 0
    subjects_reevaluated: int = 0
    seconds: float = 0.0
    errors: list[ImportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> bool:
        return bool(
            self.subjects_created
            or self.subjects_updated
            or self.decisions_created
            or self.records_created
        )

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "subjects_created": self.subjects_created,
            "subjects_updated": self.subjects_updated,
            "subjects_unchanged": self.subjects_unchanged,
            "decisions_created": self.decisions_created,
            "decisions_skipped": self.decisions_skipped,
            "records_created": self.records_created,
            "records_skipped": self.records_skipped,
            "subjects_reevaluated": self.subjects_reevaluated,
        }

    def describe(self, max_errors: int = MAX_ERRORS_SHOWN) -> str:
        if self.errors:
            lines = [f"文件有 {len(self.errors)} 处错误，未写入任何数据："]
            lines += [str(e) for e in self.errors[:max_errors]]
            if len(self.errors) > max_errors:
                more = len(self.errors) - max_errors
                lines.append(f"…and {more} more（另有 {more} 处错误未显示）")
            return "\n".join(lines)
        head = (
            "试运行：校验通过，未写入任何数据；以下为将写入的数量" if self.dry_run else "导入完成"
        )
        return "\n".join(
            [
                f"{head}（{self.format}，{self.rows} 行，用时 {self.seconds:.2f} 秒）",
                f"  主体：新建 {self.subjects_created}，更新 {self.subjects_updated}，"
                f"未变 {self.subjects_unchanged}",
                f"  决定：新建 {self.decisions_created}，已导入跳过 {self.decisions_skipped}",
                f"  无决定的信用信息：新建 {self.records_created}，"
                f"已导入跳过 {self.records_skipped}",
                f"  重新评价的主体：{self.subjects_reevaluated}",
            ]
        )


# --- what the database already holds --------------------------------------------------------


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Stored rows read for comparison only, as plain attribute bags (`.values()` is several
# times cheaper than model instances when a re-import reads back thousands of rows).
Stored = SimpleNamespace

_DECISION_COLUMNS = (
    "id",
    "jurisdiction_id",
    "subject_id",
    "document_no",
    "decided_on",
    "issuing_unit",
    "legal_basis",
)
_RECORD_COLUMNS = (
    "id",
    "subject_id",
    "decision_id",
    "type",
    "status",
    "occurred_on",
    "summary",
    "situation_code",
    "inspection_passed",
    "issuing_unit",
    "legal_basis",
    "public_until_override",
    "retention_until_override",
    "provider_unit_id",
    "provider_person",
    "internal_note",
    "external_key",
)


@dataclass
class _Known:
    """Reference data and the existing rows the file's keys point at."""

    jurisdictions: dict[str, Jurisdiction]
    districts: dict[str, District]
    units: dict[str, Unit]
    unit_codes: dict[int, str]
    subjects: dict[SubjectKey, Subject]
    decisions: dict[tuple[int, str], Stored]
    keyed_records: dict[str, Stored]
    violations: dict[int, list[ViolationKey]] = field(default_factory=lambda: defaultdict(list))
    decision_records: dict[int, list[Stored]] = field(default_factory=lambda: defaultdict(list))
    history: dict[int, list[tuple[RecordStatus, date]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    governs: dict[tuple[str, SubjectKind], bool] = field(default_factory=dict)


async def _load(rows: Sequence[SubjectRow | EntryRow], conn: BaseDBAsyncClient | None) -> _Known:
    units = await Unit.all().using_db(conn)
    usccs = sorted({k for r in rows for t, k in [_key_of(r)] if t == "uscc"})
    digests = sorted({k for r in rows for t, k in [_key_of(r)] if t == "id"})
    subjects: dict[SubjectKey, Subject] = {}
    for chunk in _chunks(usccs):
        for s in await Subject.filter(uscc__in=chunk).using_db(conn):
            subjects[("uscc", s.uscc or "")] = s
    for chunk in _chunks(digests):
        for s in await Subject.filter(id_number_digest__in=chunk).using_db(conn):
            subjects[("id", s.id_number_digest or "")] = s
    entries = [r for r in rows if isinstance(r, EntryRow)]
    decisions: dict[tuple[int, str], Stored] = {}
    for chunk in _chunks(sorted({r.data.decision_no for r in entries if r.data.decision_no})):
        query = Decision.filter(document_no__in=chunk).using_db(conn)
        for d in await query.values(*_DECISION_COLUMNS):
            decisions[(d["jurisdiction_id"], d["document_no"])] = Stored(**d)
    keyed: dict[str, Stored] = {}
    for chunk in _chunks(sorted({r.data.external_key for r in entries if r.data.external_key})):
        query = CreditRecord.filter(external_key__in=chunk).using_db(conn)
        for rec in await query.values(*_RECORD_COLUMNS):
            keyed[rec["external_key"]] = Stored(**rec)
    known = _Known(
        jurisdictions={j.code: j for j in await Jurisdiction.all().using_db(conn)},
        districts={d.code: d for d in await District.all().using_db(conn)},
        units={u.code: u for u in units},
        unit_codes={u.id: u.code for u in units},
        subjects=subjects,
        decisions=decisions,
        keyed_records=keyed,
    )
    await _load_details(known, conn)
    return known


async def _load_details(known: _Known, conn: BaseDBAsyncClient | None) -> None:
    """Violations, sanctions, records and transitions of the existing decisions and keyed
    records: what a re-imported row is compared with."""
    decision_ids = [d.id for d in known.decisions.values()]
    records = list(known.keyed_records.values())
    violations: list[tuple[int, int, str, str, str, int]] = []
    for chunk in _chunks(decision_ids):
        query = Violation.filter(decision_id__in=chunk).using_db(conn)
        violations += await query.values_list(
            "decision_id", "seq", "type_code", "domain", "description", "id"
        )
        query = CreditRecord.filter(decision_id__in=chunk).using_db(conn)
        records += [Stored(**r) for r in await query.values(*_RECORD_COLUMNS)]
    sanctions: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for chunk in _chunks([v[-1] for v in violations]):
        query = Sanction.filter(violation_id__in=chunk).using_db(conn).order_by("id")
        for violation_id, kind, amount in await query.values_list(
            "violation_id", "kind", "amount_yuan"
        ):
            sanctions[violation_id].append((kind, Decimal(amount).quantize(_CENT)))
    for decision_id, _, type_code, domain, description, vid in sorted(violations):
        known.violations[decision_id].append(
            (type_code, domain, description, tuple(sanctions[vid]))
        )
    for rec in records:
        if rec.decision_id is not None:
            known.decision_records[rec.decision_id].append(rec)
    for chunk in _chunks(sorted({rec.id for rec in records})):
        query = RecordTransition.filter(record_id__in=chunk).using_db(conn)
        for record_id, to_status, at, _ in sorted(
            await query.values_list("record_id", "to_status", "at", "id"),
            key=lambda t: (t[2], t[3]),
        ):
            local = at.astimezone(clock.TZ).date()
            known.history[record_id].append((RecordStatus(to_status), local))


_CENT = Decimal("0.01")


def _key_of(row: SubjectRow | EntryRow) -> SubjectKey:
    return row.key if isinstance(row, SubjectRow) else row.subject_key


async def _governs(
    known: _Known, jurisdiction: Jurisdiction, kind: SubjectKind, conn: BaseDBAsyncClient | None
) -> bool:
    """Whether the jurisdiction's policy evaluates subjects of this kind (Shenyang 第三条
    governs enterprises only): asked of the engine itself, with no records."""
    cache_key = (jurisdiction.policy_code, kind)
    if cache_key not in known.governs:
        try:
            policy = await policy_for(jurisdiction.policy_code, clock.now(), conn)
            evaluate(policy.code, policy.params, SubjectFact(id=0, kind=kind), (), clock.now())
        except (ValueError, LookupError):
            known.governs[cache_key] = False
        else:
            known.governs[cache_key] = True
    return known.governs[cache_key]


# --- the plan: checks against the file and the database -------------------------------------


@dataclass
class _Target:
    """A subject a row may point at: in the file, in the database, or both."""

    jurisdiction_id: int
    existing: Subject | None


@dataclass
class _Plan:
    create_subjects: list[tuple[SubjectRow, Jurisdiction, District]] = field(default_factory=list)
    update_subjects: list[tuple[SubjectRow, Subject, dict[str, Any]]] = field(default_factory=list)
    unchanged_subjects: int = 0
    create_entries: list[tuple[EntryRow, int, int]] = field(default_factory=list)
    skipped_decisions: int = 0
    skipped_records: int = 0


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
            tuple((s.kind, Decimal(s.amount_yuan).quantize(_CENT)) for s in v.sanctions),
        )
        for v in data.violations
    ]


def _differs(field_name: str, old: Any, new: Any, what: str) -> tuple[str, str]:
    return field_name, f"与系统中已有的{what}不一致：已有“{_short(old)}”，文件为“{_short(new)}”"


def _record_mismatch(
    row: EntryRow, rec: Stored, known: _Known, unit_id: int, what: str
) -> tuple[str, str] | None:
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


def _decision_mismatch(
    row: EntryRow, dec: Stored, known: _Known, subject: Subject | None, unit_id: int
) -> tuple[str, str] | None:
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
    return _record_mismatch(row, same_type[0], known, unit_id, what)


async def _plan(
    rows: Sequence[SubjectRow | EntryRow],
    known: _Known,
    issues: list[ImportIssue],
    invalid_keys: set[SubjectKey],
    conn: BaseDBAsyncClient | None,
) -> _Plan:
    plan = _Plan()
    targets: dict[SubjectKey, _Target] = {
        key: _Target(s.jurisdiction_id, s) for key, s in known.subjects.items()
    }
    first_line: dict[SubjectKey, int] = {}

    def error(line: int, path: str | None, message: str) -> None:
        issues.append(ImportIssue(line, path, message))

    for row in rows:
        if not isinstance(row, SubjectRow):
            continue
        if row.key in first_line:
            error(row.line, row.key_field, f"与第{first_line[row.key]}行是同一主体，重复")
            continue
        first_line[row.key] = row.line
        j = known.jurisdictions.get(row.jurisdiction_code)
        d = known.districts.get(row.district_code)
        if j is None:
            error(row.line, "jurisdiction_code", f"未知的辖区代码：{row.jurisdiction_code}")
        if d is None:
            error(row.line, "district_code", f"未知的区县代码：{row.district_code}")
        elif j is not None and d.jurisdiction_id != j.id:
            error(row.line, "district_code", f"区县 {d.code} 不属于辖区 {j.code}")
        if j is None or d is None or d.jurisdiction_id != j.id:
            invalid_keys.add(row.key)
            continue
        if not await _governs(known, j, row.kind, conn):
            error(
                row.line,
                "subject_kind",
                f"辖区 {j.code} 适用的政策（{j.policy_code}）不适用于{SUBJECT_KIND_ZH[row.kind]}",
            )
            invalid_keys.add(row.key)
            continue
        existing = known.subjects.get(row.key)
        if existing is None:
            plan.create_subjects.append((row, j, d))
            targets[row.key] = _Target(j.id, None)
            continue
        if existing.jurisdiction_id != j.id:
            current = next(
                (c for c, x in known.jurisdictions.items() if x.id == existing.jurisdiction_id),
                "?",
            )
            error(
                row.line,
                "jurisdiction_code",
                f"该主体在系统中属于辖区 {current}，导入不能改变主体的辖区",
            )
            invalid_keys.add(row.key)
            continue
        changes = {
            name: new
            for name, old, new in (
                ("kind", SubjectKind(existing.kind), row.kind),
                ("name", existing.name, row.name),
                ("district_id", existing.district_id, d.id),
                ("address", existing.address, row.address),
            )
            if old != new and not (name == "address" and new is None)
        }
        if changes:
            plan.update_subjects.append((row, existing, changes))
        else:
            plan.unchanged_subjects += 1

    decision_lines: dict[tuple[int, str], int] = {}
    key_lines: dict[str, int] = {}
    vocabularies: dict[int, Vocabulary] = {}
    for row in rows:
        if not isinstance(row, EntryRow):
            continue
        target = targets.get(row.subject_key)
        if target is None:
            if row.subject_key not in invalid_keys:
                error(
                    row.line,
                    row.key_field,
                    "主体不存在：文件中没有它的主体行（kind=subject），系统中也没有",
                )
            continue
        unit = known.units.get(row.provider_unit)
        if unit is None:
            error(row.line, "provider_unit", f"未知的提供单位代码：{row.provider_unit}")
            continue
        if unit.jurisdiction_id not in (None, target.jurisdiction_id):
            error(row.line, "provider_unit", f"提供单位 {unit.code} 不属于该主体所在辖区")
            continue
        data = row.data
        if row.row_kind == "decision":
            assert data.decision_no
            dkey = (target.jurisdiction_id, data.decision_no)
            if dkey in decision_lines:
                error(
                    row.line,
                    "document_no",
                    f"文书号 {data.decision_no} 与第{decision_lines[dkey]}行重复",
                )
                continue
            decision_lines[dkey] = row.line
            existing_decision = known.decisions.get(dkey)
            if existing_decision is not None:
                problem = _decision_mismatch(
                    row, existing_decision, known, target.existing, unit.id
                )
                if problem:
                    error(row.line, *problem)
                else:
                    plan.skipped_decisions += 1
                continue
        else:
            assert data.external_key
            if data.external_key in key_lines:
                error(
                    row.line,
                    "external_key",
                    f"外部编号 {data.external_key} 与第{key_lines[data.external_key]}行重复",
                )
                continue
            key_lines[data.external_key] = row.line
            existing_record = known.keyed_records.get(data.external_key)
            if existing_record is not None:
                what = f"信息（外部编号 {data.external_key}）"
                if target.existing is None or existing_record.subject_id != target.existing.id:
                    error(row.line, "external_key", f"外部编号 {data.external_key} 已属于另一主体")
                elif existing_record.decision_id is not None:
                    error(row.line, "external_key", f"外部编号 {data.external_key} 已用于一份决定")
                elif problem := _record_mismatch(row, existing_record, known, unit.id, what):
                    error(row.line, *problem)
                else:
                    plan.skipped_records += 1
                continue
        vocab = vocabularies.get(target.jurisdiction_id)
        if vocab is None:
            vocab = vocabularies[target.jurisdiction_id] = await jurisdiction_vocabulary(
                target.jurisdiction_id, conn
            )
        if not vocab.knows(data.type):
            name = INFO_TYPES_BY_CODE[data.type].name_zh
            error(row.line, "type", f"该主体适用的{vocab.regulation}没有“{name}”这一信息类型")
            continue
        plan.create_entries.append((row, target.jurisdiction_id, unit.id))
    return plan


# --- writing --------------------------------------------------------------------------------


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, dtime(hour), tzinfo=clock.TZ)


def _actor_fields(actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {"actor_user_id": None, "actor_username": "cli", "unit_code": "", "role": "SYSTEM"}
    return {
        "actor_user_id": actor.user_id,
        "actor_username": actor.username,
        "unit_code": actor.unit_code,
        "role": actor.role or actor.kind.value,
    }


async def _ids_by(
    query: Callable[[Sequence[Any]], Any], keys: Sequence[Any], key: Callable[[tuple], Any]
) -> dict[Any, int]:
    """Re-read generated ids by natural keys (bulk inserts do not return them)."""
    out: dict[Any, int] = {}
    for chunk in _chunks(keys):
        for values in await query(chunk):
            out[key(values)] = values[0]
    return out


async def _insert(conn: BaseDBAsyncClient, model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert many rows without model instances (building tens of thousands of Tortoise
    instances costs seconds): COPY on PostgreSQL, batched INSERTs on SQLite. Every row has
    the same keys, the model's field names, with values as Tortoise stores them: enums by
    value, JSON by the field's own encoder, aware times. Columns with a default are given
    explicitly."""
    if not rows:
        return
    meta = model._meta
    names = list(rows[0])
    columns = [meta.fields_db_projection[n] for n in names]
    encoders = {
        n: meta.fields_map[n].to_db_value
        for n in names
        if isinstance(meta.fields_map[n], fields.JSONField)
    }

    def stored(name: str, value: Any) -> Any:
        if name in encoders:
            return encoders[name](value, model)
        return value.value if isinstance(value, Enum) else value

    values = [tuple(stored(n, row[n]) for n in names) for row in rows]
    if conn.capabilities.dialect == "postgres":
        # COPY: an order of magnitude faster than row-by-row INSERTs, same transaction.
        async with conn.acquire_connection() as connection:
            await connection.copy_records_to_table(meta.db_table, records=values, columns=columns)
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})'
    for chunk in _chunks(values, BATCH):
        await conn.execute_many(sql, list(chunk))


async def _write(
    plan: _Plan,
    known: _Known,
    conn: BaseDBAsyncClient,
    actor: Actor | None,
    summary: dict[str, Any],
) -> set[int]:
    """Everything in bulk; returns the ids of the subjects to re-evaluate."""
    user_id = actor.user_id if actor is not None else None
    now = clock.now()
    stamp = datetime.now(UTC)  # created_at / updated_at: real time, as auto_now writes it
    audit = _actor_fields(actor) | {"at": now, "request_id": "", "client_addr": ""}
    events: list[dict[str, Any]] = []
    subject_ids: dict[SubjectKey, int] = {k: s.id for k, s in known.subjects.items()}
    touched: set[int] = set()

    def event(action: str, kind: str, oid: int, before: Any, after: Any) -> None:
        events.append(
            audit
            | {"action": action, "object_type": kind, "object_id": str(oid)}
            | {"before": before, "after": after}
        )

    # Subjects: new ones in bulk, changed ones one by one (rare, and each is audited).
    await _insert(
        conn,
        Subject,
        [
            {
                "kind": row.kind,
                "uscc": row.uscc,
                "name": row.name,
                "jurisdiction_id": j.id,
                "district_id": d.id,
                "address": row.address or "",
                "legal_representative": "",
                "licence_no": "",
                **(
                    protect_id_number(row.id_number)
                    if row.id_number
                    else dict.fromkeys(("id_number_digest", "id_number_cipher", "id_number_masked"))
                ),
                "created_at": stamp,
                "updated_at": stamp,
            }
            for row, j, d in plan.create_subjects
        ],
    )
    subject_ids |= await _ids_by(
        lambda c: Subject.filter(uscc__in=c).using_db(conn).values_list("id", "uscc"),
        [row.uscc for row, _, _ in plan.create_subjects if row.uscc],
        lambda v: ("uscc", v[1]),
    )
    subject_ids |= await _ids_by(
        lambda c: (
            Subject.filter(id_number_digest__in=c)
            .using_db(conn)
            .values_list("id", "id_number_digest")
        ),
        [row.key[1] for row, _, _ in plan.create_subjects if row.key[0] == "id"],
        lambda v: ("id", v[1]),
    )
    for row, _, _ in plan.create_subjects:
        sid = subject_ids[row.key]
        touched.add(sid)
        shown = row.uscc or mask_id_number(row.id_number or "")
        after = {"line": row.line, "name": row.name, "key": shown, "kind": row.kind.value}
        event("subject.import", "subject", sid, None, after)
    for row, subject, changes in plan.update_subjects:
        before = {k: _jsonable(getattr(subject, k)) for k in changes}
        if "name" in changes:  # the name history (曾用名), as the console keeps it
            await SubjectNameChange.create(
                subject_id=subject.id,
                old_name=subject.name,
                new_name=changes["name"],
                changed_at=now,
                changed_by_id=user_id,
                source="import",
                using_db=conn,
            )
        subject.update_from_dict(changes)
        await subject.save(using_db=conn, update_fields=[*changes, "updated_at"])
        touched.add(subject.id)
        after = {"line": row.line} | {k: _jsonable(v) for k, v in changes.items()}
        event("subject.import_update", "subject", subject.id, before, after)

    # Decisions, their violations and sanctions.
    entries = plan.create_entries
    decided = [(row, jid) for row, jid, _ in entries if row.row_kind == "decision"]
    await _insert(
        conn,
        Decision,
        [
            {
                "jurisdiction_id": jid,
                "subject_id": subject_ids[row.subject_key],
                "document_no": row.data.decision_no,
                "decided_on": row.data.decision_date,
                "issuing_unit": row.data.issuing_unit,
                "legal_basis": row.data.legal_basis,
                "appeals": [],
                "source": SOURCE,
                "created_at": stamp,
            }
            for row, jid in decided
        ],
    )
    decision_ids = await _ids_by(
        lambda c: (
            Decision.filter(document_no__in=c)
            .using_db(conn)
            .values_list("id", "jurisdiction_id", "document_no")
        ),
        sorted({row.data.decision_no for row, _ in decided if row.data.decision_no}),
        lambda v: (v[1], v[2]),
    )

    def decision_id(row: EntryRow, jid: int) -> int:
        return decision_ids[(jid, row.data.decision_no)]

    await _insert(
        conn,
        Violation,
        [
            {
                "decision_id": decision_id(row, jid),
                "seq": seq,
                "type_code": v.type_code,
                "domain": v.domain,
                "description": v.description,
            }
            for row, jid in decided
            for seq, v in enumerate(row.data.violations, start=1)
        ],
    )
    violation_ids = await _ids_by(
        lambda c: (
            Violation.filter(decision_id__in=c)
            .using_db(conn)
            .values_list("id", "decision_id", "seq")
        ),
        [decision_id(row, jid) for row, jid in decided if row.data.violations],
        lambda v: (v[1], v[2]),
    )
    await _insert(
        conn,
        Sanction,
        [
            {
                "violation_id": violation_ids[(decision_id(row, jid), seq)],
                "kind": s.kind,
                "amount_yuan": Decimal(s.amount_yuan).quantize(_CENT),
            }
            for row, jid in decided
            for seq, v in enumerate(row.data.violations, start=1)
            for s in v.sanctions
        ],
    )

    # Records, created in their final state with their historical publication.
    await _insert(
        conn,
        CreditRecord,
        [
            {
                "subject_id": subject_ids[row.subject_key],
                "decision_id": decision_id(row, jid) if row.row_kind == "decision" else None,
                "category": INFO_TYPES_BY_CODE[row.data.type].category,
                "type": row.data.type,
                "situation_code": row.data.situation_code,
                "inspection_passed": row.data.inspection_passed,
                "summary": row.data.summary,
                "internal_note": row.data.internal_note,
                "status": row.status,
                "occurred_on": row.data.occurred_on,
                "decision_date": row.data.decision_date,
                "decision_no": row.data.decision_no,
                "issuing_unit": row.data.issuing_unit,
                "legal_basis": row.data.legal_basis,
                "published_at": _at(row.published_on, _PUBLISH_HOUR),
                "public_until_override": row.data.public_until_override,
                "retention_until_override": row.data.retention_until_override,
                "provider_unit_id": unit_id,
                "provider_person": row.data.provider_person,
                "created_by_id": user_id,
                "source": SOURCE,
                "external_key": row.data.external_key,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for row, jid, unit_id in entries
        ],
    )
    record_ids = await _ids_by(
        lambda c: (
            CreditRecord.filter(decision_id__in=c).using_db(conn).values_list("id", "decision_id")
        ),
        [decision_id(row, jid) for row, jid in decided],
        lambda v: ("decision", v[1]),
    )
    record_ids |= await _ids_by(
        lambda c: (
            CreditRecord.filter(external_key__in=c).using_db(conn).values_list("id", "external_key")
        ),
        [row.data.external_key for row, _, _ in entries if row.row_kind == "record"],
        lambda v: ("key", v[1]),
    )

    transitions: list[dict[str, Any]] = []
    for row, jid, _ in entries:
        data = row.data
        if row.row_kind == "decision":
            rid = record_ids[("decision", decision_id(row, jid))]
        else:
            rid = record_ids[("key", data.external_key)]
        start = min(data.decision_date or data.occurred_on, row.published_on)
        steps = [
            (None, RecordStatus.DRAFT, _at(start, _DRAFT_HOUR), ""),
            (RecordStatus.DRAFT, RecordStatus.SUBMITTED, _at(row.published_on, _SUBMIT_HOUR), ""),
            (
                RecordStatus.SUBMITTED,
                RecordStatus.VERIFIED,
                _at(row.published_on, _VERIFY_HOUR),
                "",
            ),
            (
                RecordStatus.VERIFIED,
                RecordStatus.PUBLISHED,
                _at(row.published_on, _PUBLISH_HOUR),
                "",
            ),
        ]
        if row.exit_on is not None:
            exit_at = _at(row.exit_on, _EXIT_HOUR)
            steps.append((RecordStatus.PUBLISHED, row.status, exit_at, row.status_reason))
        transitions += [
            {
                "record_id": rid,
                "from_status": a,
                "to_status": b,
                "at": at,
                "by_user_id": user_id,
                "reason": why,
            }
            for a, b, at, why in steps
        ]
        touched.add(subject_ids[row.subject_key])
        after = {
            "line": row.line,
            "type": data.type,
            "decision_no": data.decision_no,
            "external_key": data.external_key,
            "status": row.status.value,
            "published_on": row.published_on.isoformat(),
        }
        event("credit_record.import", "credit_record", rid, None, after)
    await _insert(conn, RecordTransition, transitions)
    digest_ = str(summary.get("sha256", ""))
    events.append(
        audit
        | {"action": "records.import", "object_type": "import", "object_id": digest_[:64]}
        | {"before": None, "after": summary}
    )
    await _insert(conn, AuditEvent, events)
    return touched


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


async def reevaluate_many(
    subject_ids: Iterable[int], conn: BaseDBAsyncClient, at: datetime | None = None
) -> int:
    """`credit.grades.services.reevaluate` for many subjects at once: the same evaluation and
    the same stored rows, with the facts of a hundred subjects read in four queries and the
    evaluations and list entries written in bulk. Returns the number of subjects."""
    at = at or clock.now()
    ids = sorted(set(subject_ids))
    jurisdictions = {j.id: j for j in await Jurisdiction.all().using_db(conn)}
    policies: dict[str, PolicyInForce] = {}
    for chunk in _chunks(ids, 100):
        subjects = await Subject.filter(id__in=chunk).using_db(conn)
        facts = await load_record_facts([s.id for s in subjects], conn)
        stored = {
            e.subject_id: e for e in await Evaluation.filter(subject_id__in=chunk).using_db(conn)
        }
        new: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for subject in subjects:
            code = jurisdictions[subject.jurisdiction_id].policy_code
            if code not in policies:
                policies[code] = await policy_for(code, at, conn)
            policy = policies[code]
            ev = evaluate(
                policy.code,
                policy.params,
                SubjectFact(id=subject.id, kind=SubjectKind(subject.kind)),
                facts[subject.id],
                at,
            )
            payload = evaluation_to_payload(ev)
            # an entry with no decision of its own gets one (SY 第十二条)
            await issue_missing(
                conn,
                subject.id,
                policy.code,
                payload["list_entries"],
                at.astimezone(clock.TZ).date(),
            )
            values = {
                "policy_code": policy.code,
                "policy_version": policy.version,
                "computed_at": at,
                "next_change_at": ev.next_change_at,
                "grade": ev.grade,
                "payload": payload,
            }
            row = stored.get(subject.id)
            if row is None:
                new.append({"subject_id": subject.id} | values)
            else:
                row.update_from_dict(values)
                await row.save(using_db=conn)
            entries += [
                {
                    "subject_id": subject.id,
                    "district_id": subject.district_id,
                    "kind": e.list,
                    "since": e.since,
                    "until": e.until,
                    "rule": e.rule,
                    "article": e.article,
                    "decision_no": d["decision_no"],
                    "record_ids": list(e.record_ids),
                }
                for e, d in zip(ev.list_entries, payload["list_entries"], strict=True)
            ]
        await _insert(conn, Evaluation, new)
        await ListEntry.filter(subject_id__in=chunk).using_db(conn).delete()
        await _insert(conn, ListEntry, entries)
    for sid in ids:  # partners' watches, as reevaluate does
        watch_pending.mark(conn, sid, at.astimezone(clock.TZ).date())
    return len(ids)


# --- entry points ---------------------------------------------------------------------------


def _scope_issues(
    rows: Sequence[SubjectRow | EntryRow], known: _Known, actor: Actor | None
) -> list[ImportIssue]:
    """An importer acts within its own jurisdiction (data scope): a row about a subject of
    another jurisdiction is an error, like any other bad row. The system administrator
    (who also manages units, users and tokens of every jurisdiction) is not scoped."""
    own = actor.jurisdiction_id if actor is not None else None
    if own is None or (actor is not None and actor.role == "ADMIN"):
        return []
    out = []
    for row in rows:
        if isinstance(row, SubjectRow):
            j = known.jurisdictions.get(row.jurisdiction_code)
            if j is not None and j.id != own:
                out.append(ImportIssue(row.line, "jurisdiction_code", "不在您的管辖范围内"))
        else:
            subject = known.subjects.get(row.subject_key)
            if subject is not None and subject.jurisdiction_id != own:
                out.append(ImportIssue(row.line, row.key_field, "该主体不在您的管辖范围内"))
    return out


class _Rollback(Exception):
    pass


async def _import(
    source: formats.Source, *, dry_run: bool, actor: Actor | None, origin: dict[str, Any]
) -> ImportReport:
    started = time.perf_counter()
    report = ImportReport(format=source.format, dry_run=dry_run, rows=len(source.rows))
    rows, issues, invalid_keys = formats.check_rows(source, clock.today())

    async def check_and_write(conn: BaseDBAsyncClient | None) -> _Plan:
        known = await _load(rows, conn)
        issues.extend(_scope_issues(rows, known, actor))
        plan = await _plan(rows, known, issues, invalid_keys, conn)
        _count(report, plan)
        if conn is not None and not issues and report.changed:
            touched = await _write(plan, known, conn, actor, origin | {"counts": report.counts()})
            report.subjects_reevaluated = await reevaluate_many(touched, conn)
        return plan

    try:
        if dry_run or issues:
            plan = await check_and_write(None)
            report.subjects_reevaluated = len(
                {r.key for r, _, _ in plan.create_subjects}
                | {r.key for r, _, _ in plan.update_subjects}
                | {r.subject_key for r, _, _ in plan.create_entries}
            )
        else:
            async with in_transaction() as conn:
                if conn.capabilities.dialect == "postgres":
                    await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_LOCK_KEY])
                await check_and_write(conn)
                if issues:
                    raise _Rollback
                if report.changed:
                    await record_watched_changes(conn)  # partners' change events
                    await dataversion.bump(conn)  # last: see the lock order in dataversion
    except _Rollback:
        pass
    except IntegrityError as exc:
        issues.append(
            ImportIssue(0, None, f"写入时与同时进行的其他修改冲突，已全部回滚，请重新导入（{exc}）")
        )
    report.errors = [
        ImportIssue(i.line, i.field, i.message, source.label(i.field) if i.field else None, i.code)
        for i in sorted(issues, key=lambda i: i.line)
    ]
    if report.errors:
        _count(report, _Plan())
        report.subjects_reevaluated = 0
    report.seconds = time.perf_counter() - started
    return report


def _count(report: ImportReport, plan: _Plan) -> None:
    report.subjects_created = len(plan.create_subjects)
    report.subjects_updated = len(plan.update_subjects)
    report.subjects_unchanged = plan.unchanged_subjects
    created = [r for r, _, _ in plan.create_entries]
    report.decisions_created = sum(1 for r in created if r.row_kind == "decision")
    report.records_created = sum(1 for r in created if r.row_kind == "record")
    report.decisions_skipped = plan.skipped_decisions
    report.records_skipped = plan.skipped_records


async def import_file(
    source: str | Path | bytes,
    format: str | None = None,
    *,
    dry_run: bool = False,
    actor: Actor | None = None,
) -> ImportReport:
    """Import a .jsonl, .csv or .xlsx file (a path, or its bytes with `format`)."""
    if isinstance(source, bytes):
        if format is None:
            raise ValueError("format is required when importing bytes")
        data, name = source, ""
    else:
        path = Path(source)
        format = format or formats.detect_format(path)
        data, name = await asyncio.to_thread(path.read_bytes), path.name
    parsed = formats.read(data, format)
    origin = {"file": name, "format": format, "sha256": hashlib.sha256(data).hexdigest()}
    return await _import(parsed, dry_run=dry_run, actor=actor, origin=origin)


async def import_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    dry_run: bool = False,
    actor: Actor | None = None,
) -> ImportReport:
    """Import rows already in the JSON Lines shape; row n (from 1) is reported as line n."""
    source = formats.Source(
        "rows",
        [formats.SourceRow(n, dict(r)) for n, r in enumerate(rows, start=1)],
        formats.json_label,
    )
    return await _import(
        source, dry_run=dry_run, actor=actor, origin={"file": "", "format": "rows"}
    )


async def import_file_cli(path: str, dry_run: bool) -> int:
    """`python -m credit import FILE [--dry-run]`: 0 when imported (or valid), 1 otherwise."""
    try:
        report = await import_file(path, dry_run=dry_run)
    except formats.UnknownFormat as exc:
        print(f"文件：{exc}")
        return 1
    except OSError as exc:
        print(f"文件无法读取：{path}（{exc.strerror or exc}）")
        return 1
    print(report.describe())
    return 0 if report.ok else 1
