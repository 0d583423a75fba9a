"""What the database already holds about the rows of a file: the reference data (
jurisdictions, districts, units), the subjects, decisions and keyed records the rows point
at, and the details a re-imported row is compared with. Read in a few queries per batch of
rows, whatever its size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import Unit
from credit.core import clock
from credit.policies.engine import evaluate
from credit.policies.facts import RecordStatus, SubjectFact, SubjectKind
from credit.policies.services import policy_for
from credit.records.importer.bulk import chunks
from credit.records.importer.rows import EntryRow, Row, SubjectKey, subject_key_of
from credit.records.models import CreditRecord, Decision, RecordTransition, Sanction, Violation
from credit.subjects.models import District, Jurisdiction, Subject

CENT = Decimal("0.01")
# A violation as compared: (type_code, domain, description, ((sanction kind, amount), …)).
ViolationKey = tuple[str, str, str, tuple[tuple[str, Decimal], ...]]

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
class Known:
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


async def load(rows: Sequence[Row], conn: BaseDBAsyncClient | None) -> Known:
    units = await Unit.all().using_db(conn)
    usccs = sorted({k for r in rows for t, k in [subject_key_of(r)] if t == "uscc"})
    digests = sorted({k for r in rows for t, k in [subject_key_of(r)] if t == "id"})
    subjects: dict[SubjectKey, Subject] = {}
    for chunk in chunks(usccs):
        for s in await Subject.filter(uscc__in=chunk).using_db(conn):
            subjects[("uscc", s.uscc or "")] = s
    for chunk in chunks(digests):
        for s in await Subject.filter(id_number_digest__in=chunk).using_db(conn):
            subjects[("id", s.id_number_digest or "")] = s
    entries = [r for r in rows if isinstance(r, EntryRow)]
    decisions: dict[tuple[int, str], Stored] = {}
    for chunk in chunks(sorted({r.data.decision_no for r in entries if r.data.decision_no})):
        query = Decision.filter(document_no__in=chunk).using_db(conn)
        for d in await query.values(*_DECISION_COLUMNS):
            decisions[(d["jurisdiction_id"], d["document_no"])] = Stored(**d)
    keyed: dict[str, Stored] = {}
    for chunk in chunks(sorted({r.data.external_key for r in entries if r.data.external_key})):
        records = CreditRecord.filter(external_key__in=chunk).using_db(conn)
        for rec in await records.values(*_RECORD_COLUMNS):
            keyed[rec["external_key"]] = Stored(**rec)
    known = Known(
        jurisdictions={j.code: j for j in await Jurisdiction.all().using_db(conn)},
        districts={d.code: d for d in await District.all().using_db(conn)},
        units={u.code: u for u in units},
        unit_codes={u.id: u.code for u in units},
        subjects=subjects,
        decisions=decisions,
        keyed_records=keyed,
    )
    await _details(known, conn)
    return known


async def _details(known: Known, conn: BaseDBAsyncClient | None) -> None:
    """Violations, sanctions, records and transitions of the existing decisions and keyed
    records: what a re-imported row is compared with."""
    decision_ids = [d.id for d in known.decisions.values()]
    records = list(known.keyed_records.values())
    violations: list[tuple[int, int, str, str, str, int]] = []
    for chunk in chunks(decision_ids):
        query = Violation.filter(decision_id__in=chunk).using_db(conn)
        violations += await query.values_list(
            "decision_id", "seq", "type_code", "domain", "description", "id"
        )
        decided = CreditRecord.filter(decision_id__in=chunk).using_db(conn)
        records += [Stored(**r) for r in await decided.values(*_RECORD_COLUMNS)]
    sanctions: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for chunk in chunks([v[-1] for v in violations]):
        imposed = Sanction.filter(violation_id__in=chunk).using_db(conn).order_by("id")
        for violation_id, kind, amount in await imposed.values_list(
            "violation_id", "kind", "amount_yuan"
        ):
            sanctions[violation_id].append((kind, Decimal(amount).quantize(CENT)))
    for decision_id, _, type_code, domain, description, vid in sorted(violations):
        known.violations[decision_id].append(
            (type_code, domain, description, tuple(sanctions[vid]))
        )
    for rec in records:
        if rec.decision_id is not None:
            known.decision_records[rec.decision_id].append(rec)
    for chunk in chunks(sorted({rec.id for rec in records})):
        steps = RecordTransition.filter(record_id__in=chunk).using_db(conn)
        for record_id, to_status, at, _ in sorted(
            await steps.values_list("record_id", "to_status", "at", "id"),
            key=lambda t: (t[2], t[3]),
        ):
            local = at.astimezone(clock.TZ).date()
            known.history[record_id].append((RecordStatus(to_status), local))


async def governs(
    known: Known, jurisdiction: Jurisdiction, kind: SubjectKind, conn: BaseDBAsyncClient | None
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
