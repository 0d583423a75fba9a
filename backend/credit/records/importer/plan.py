"""The plan: the valid rows checked against the file and the database, and what to create,
update or skip. Subjects first (their places, their policy, what changed), then decisions
and records (their subject, their provider unit, duplicates in the file, conflicts with what
is stored, the type's place in the subject's regulation). Each step takes the whole batch of
rows of its kind; every problem names its line and field, and nothing is written while
there is one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import Unit
from credit.policies.catalogues import INFO_TYPES_BY_CODE
from credit.policies.facts import SubjectKind
from credit.policies.vocabulary import Vocabulary
from credit.records.importer.choices import SUBJECT_KIND_ZH
from credit.records.importer.compare import decision_mismatch, record_mismatch
from credit.records.importer.known import Known, governs
from credit.records.importer.rows import EntryRow, ImportIssue, Row, SubjectKey, SubjectRow
from credit.subjects.models import District, Jurisdiction, Subject
from credit.subjects.policy import jurisdiction_vocabulary

if TYPE_CHECKING:
    from credit.accounts.actor import Actor


@dataclass
class Target:
    """A subject a row may point at: in the file, in the database, or both."""

    jurisdiction_id: int
    existing: Subject | None


@dataclass
class Plan:
    create_subjects: list[tuple[SubjectRow, Jurisdiction, District]] = field(default_factory=list)
    update_subjects: list[tuple[SubjectRow, Subject, dict[str, Any]]] = field(default_factory=list)
    unchanged_subjects: int = 0
    # (row, jurisdiction id, provider unit id)
    create_entries: list[tuple[EntryRow, int, int]] = field(default_factory=list)
    skipped_decisions: int = 0
    skipped_records: int = 0


async def make_plan(
    rows: Sequence[Row],
    known: Known,
    issues: list[ImportIssue],
    invalid_keys: set[SubjectKey],
    conn: BaseDBAsyncClient | None,
) -> Plan:
    """`issues` gains the problems found; `invalid_keys` the subjects that cannot be
    written, so that the rows pointing at them are not reported a second time."""
    planner = _Planner(known, issues, invalid_keys, conn)
    await planner.subjects([r for r in rows if isinstance(r, SubjectRow)])
    await planner.entries([r for r in rows if isinstance(r, EntryRow)])
    return planner.plan


def scope_issues(rows: Sequence[Row], known: Known, actor: Actor | None) -> list[ImportIssue]:
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


class _Planner:
    def __init__(
        self,
        known: Known,
        issues: list[ImportIssue],
        invalid_keys: set[SubjectKey],
        conn: BaseDBAsyncClient | None,
    ) -> None:
        self.known = known
        self.issues = issues
        self.invalid_keys = invalid_keys
        self.conn = conn
        self.plan = Plan()
        self.targets: dict[SubjectKey, Target] = {
            key: Target(s.jurisdiction_id, s) for key, s in known.subjects.items()
        }
        self.vocabularies: dict[int, Vocabulary] = {}

    def error(self, line: int, path: str | None, message: str) -> None:
        self.issues.append(ImportIssue(line, path, message))

    # --- subjects ---------------------------------------------------------------------------

    async def subjects(self, rows: Sequence[SubjectRow]) -> None:
        first_line: dict[SubjectKey, int] = {}
        for row in rows:
            if row.key in first_line:
                self.error(row.line, row.key_field, f"与第{first_line[row.key]}行是同一主体，重复")
                continue
            first_line[row.key] = row.line
            place = await self._place(row)
            if place is None or not self._subject(row, *place):
                self.invalid_keys.add(row.key)

    async def _place(self, row: SubjectRow) -> tuple[Jurisdiction, District] | None:
        """The subject's jurisdiction and district, known and consistent, under a policy
        that governs its kind."""
        j = self.known.jurisdictions.get(row.jurisdiction_code)
        d = self.known.districts.get(row.district_code)
        if j is None:
            self.error(row.line, "jurisdiction_code", f"未知的辖区代码：{row.jurisdiction_code}")
        if d is None:
            self.error(row.line, "district_code", f"未知的区县代码：{row.district_code}")
        elif j is not None and d.jurisdiction_id != j.id:
            self.error(row.line, "district_code", f"区县 {d.code} 不属于辖区 {j.code}")
        if j is None or d is None or d.jurisdiction_id != j.id:
            return None
        if not await governs(self.known, j, row.kind, self.conn):
            self.error(
                row.line,
                "subject_kind",
                f"辖区 {j.code} 适用的政策（{j.policy_code}）不适用于{SUBJECT_KIND_ZH[row.kind]}",
            )
            return None
        return j, d

    def _subject(self, row: SubjectRow, j: Jurisdiction, d: District) -> bool:
        """Plan a new subject, or the changes to a stored one; False if it cannot be."""
        existing = self.known.subjects.get(row.key)
        if existing is None:
            self.plan.create_subjects.append((row, j, d))
            self.targets[row.key] = Target(j.id, None)
            return True
        if existing.jurisdiction_id != j.id:
            current = next(
                (
                    c
                    for c, x in self.known.jurisdictions.items()
                    if x.id == existing.jurisdiction_id
                ),
                "?",
            )
            self.error(
                row.line,
                "jurisdiction_code",
                f"该主体在系统中属于辖区 {current}，导入不能改变主体的辖区",
            )
            return False
        changes = _subject_changes(existing, row, d)
        if changes:
            self.plan.update_subjects.append((row, existing, changes))
        else:
            self.plan.unchanged_subjects += 1
        return True

    # --- decisions and records --------------------------------------------------------------

    async def entries(self, rows: Sequence[EntryRow]) -> None:
        decision_lines: dict[tuple[int, str], int] = {}
        key_lines: dict[str, int] = {}
        for row in rows:
            target = self._target(row)
            unit = self._unit(row, target) if target is not None else None
            if target is None or unit is None:
                continue
            if row.row_kind == "decision":
                planned = self._decision(row, target, unit, decision_lines)
            else:
                planned = self._keyed_record(row, target, unit, key_lines)
            if planned and await self._type_known(row, target):
                self.plan.create_entries.append((row, target.jurisdiction_id, unit.id))

    def _target(self, row: EntryRow) -> Target | None:
        target = self.targets.get(row.subject_key)
        if target is None and row.subject_key not in self.invalid_keys:
            self.error(
                row.line,
                row.key_field,
                "主体不存在：文件中没有它的主体行（kind=subject），系统中也没有",
            )
        return target

    def _unit(self, row: EntryRow, target: Target) -> Unit | None:
        unit = self.known.units.get(row.provider_unit)
        if unit is None:
            self.error(row.line, "provider_unit", f"未知的提供单位代码：{row.provider_unit}")
            return None
        if unit.jurisdiction_id not in (None, target.jurisdiction_id):
            self.error(row.line, "provider_unit", f"提供单位 {unit.code} 不属于该主体所在辖区")
            return None
        return unit

    def _decision(
        self, row: EntryRow, target: Target, unit: Unit, lines: dict[tuple[int, str], int]
    ) -> bool:
        """True if the decision is new; a duplicate in the file or a stored decision (the
        same: skipped; different: an error) is not."""
        data = row.data
        assert data.decision_no
        dkey = (target.jurisdiction_id, data.decision_no)
        if dkey in lines:
            self.error(
                row.line, "document_no", f"文书号 {data.decision_no} 与第{lines[dkey]}行重复"
            )
            return False
        lines[dkey] = row.line
        stored = self.known.decisions.get(dkey)
        if stored is None:
            return True
        problem = decision_mismatch(row, stored, self.known, target.existing, unit.id)
        if problem:
            self.error(row.line, *problem)
        else:
            self.plan.skipped_decisions += 1
        return False

    def _keyed_record(
        self, row: EntryRow, target: Target, unit: Unit, lines: dict[str, int]
    ) -> bool:
        """True if the record (keyed by its external_key) is new."""
        key = row.data.external_key
        assert key
        if key in lines:
            self.error(row.line, "external_key", f"外部编号 {key} 与第{lines[key]}行重复")
            return False
        lines[key] = row.line
        stored = self.known.keyed_records.get(key)
        if stored is None:
            return True
        what = f"信息（外部编号 {key}）"
        if target.existing is None or stored.subject_id != target.existing.id:
            self.error(row.line, "external_key", f"外部编号 {key} 已属于另一主体")
        elif stored.decision_id is not None:
            self.error(row.line, "external_key", f"外部编号 {key} 已用于一份决定")
        elif problem := record_mismatch(row, stored, self.known, unit.id, what):
            self.error(row.line, *problem)
        else:
            self.plan.skipped_records += 1
        return False

    async def _type_known(self, row: EntryRow, target: Target) -> bool:
        """The type is one of the subject's regulation (a Wugang-only type for a Shenyang
        subject is refused, as the console refuses it)."""
        vocab = self.vocabularies.get(target.jurisdiction_id)
        if vocab is None:
            vocab = self.vocabularies[target.jurisdiction_id] = await jurisdiction_vocabulary(
                target.jurisdiction_id, self.conn
            )
        if vocab.knows(row.data.type):
            return True
        name = INFO_TYPES_BY_CODE[row.data.type].name_zh
        self.error(row.line, "type", f"该主体适用的{vocab.regulation}没有“{name}”这一信息类型")
        return False


def _subject_changes(existing: Subject, row: SubjectRow, d: District) -> dict[str, Any]:
    """The fields the row changes; an address left empty keeps the stored one."""
    return {
        name: new
        for name, old, new in (
            ("kind", SubjectKind(existing.kind), row.kind),
            ("name", existing.name, row.name),
            ("district_id", existing.district_id, d.id),
            ("address", existing.address, row.address),
        )
        if old != new and not (name == "address" and new is None)
    }
