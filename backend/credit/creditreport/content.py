"""What a credit report says: the public content of a subject as of a date (DOMAIN.md
"Disclosure"), as plain data. The PDF prints it and the verification code digests it.

Invariants:
- Only what the public lookup (`PublicSubject`) shows: published records inside their
  public window (the evaluation's `public_record_ids` and derived records), active list
  entries, the grade and its reasons, the measures. Never internal notes, providers, who
  entered a record, or records in any other state.
- A natural person's name and ID number are masked. The full ID number, for callers
  allowed to see it, is not part of the content: the renderer takes it separately, so the
  digest (and the verification code) is the same for every audience.
- Deterministic for (subject, date): no timestamp, ordering fixed, so a report as of a past
  date can be verified by recomputing it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum
from typing import Any

from credit.core import clock
from credit.policies import display
from credit.policies.facts import GradeLevel, SubjectKind
from credit.policies.models import Policy
from credit.policies.services import policy_for
from credit.records.models import CreditRecord
from credit.subjects.identifiers import mask_person_name
from credit.subjects.models import District, Jurisdiction, Subject
from credit.subjects.services import Snapshot, snapshot

# Bump when the content's shape or wording changes: codes of older reports then no longer
# match, which is right, since the platform would no longer print the same report.
CONTENT_VERSION = "1"
PLATFORM_NAME = "公安信用监管平台"

KIND_ZH = {
    SubjectKind.ENTERPRISE: "企业",
    SubjectKind.SOCIAL_ORGANISATION: "社会组织",
    SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户",
    SubjectKind.NATURAL_PERSON: "自然人",
}
GRADE_ZH = {
    GradeLevel.A: "A 信用优良",
    GradeLevel.B: "B 一般失信",
    GradeLevel.C: "C 严重失信",
    GradeLevel.UNGRADED: "未评级",
}
NOT_GRADED_ZH = "本政策不评级"
LIST_ZH = {"RED": "红名单", "WATCH": "警示目录", "BLACK": "黑名单"}
CATEGORY_ZH = {"basic": "基础信息", "good": "优良信息", "hint": "提示信息", "warning": "警示信息"}
MEASURE_KIND_ZH = {"PUNISHMENT": "惩戒措施", "MANAGEMENT": "管理措施", "INCENTIVE": "激励措施"}


@dataclass(frozen=True)
class Identity:
    name: str  # masked for a natural person
    kind: str
    kind_zh: str
    uscc: str | None
    id_number_masked: str | None
    district: str
    jurisdiction: str


@dataclass(frozen=True)
class ReasonLine:
    article: str
    summary: str


@dataclass(frozen=True)
class ListLine:
    list: str
    list_zh: str
    since: str
    until: str | None
    decision_no: str | None
    article: str


@dataclass(frozen=True)
class RecordLine:
    category_zh: str
    type_name: str
    decision_no: str | None
    date: str  # the decision date, else the date it occurred
    issuing_unit: str | None
    summary: str


@dataclass(frozen=True)
class MeasureLine:
    name: str
    article: str
    kind_zh: str


@dataclass(frozen=True)
class ReportContent:
    identity: Identity
    as_of: str
    policy: str  # the regulation applied, with its document number
    grade: str | None  # GradeLevel value; None when the policy grades nobody
    grade_zh: str
    grade_reasons: tuple[ReasonLine, ...]
    lists: tuple[ListLine, ...]
    records: tuple[RecordLine, ...]
    measures: tuple[MeasureLine, ...]
    issuer: str
    version: str = CONTENT_VERSION

    @property
    def as_of_date(self) -> date:
        return date.fromisoformat(self.as_of)

    def canonical(self) -> bytes:
        """The content as canonical JSON (sorted keys, no whitespace): what is digested."""
        return json.dumps(
            asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode()

    def digest(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


def _value(v: Any) -> str:
    return str(v.value if isinstance(v, Enum) else v)


def public_name(subject: Subject) -> str:
    if subject.kind == SubjectKind.NATURAL_PERSON:
        return mask_person_name(subject.name)
    return subject.name


async def build_content(subject: Subject, as_of: date) -> ReportContent:
    """The public report of `subject` as of `as_of` (not after today: the caller checks)."""
    return await content_from_snapshot(await snapshot(subject, as_of))


async def content_from_snapshot(snap: Snapshot) -> ReportContent:
    subject = snap.subject
    district = await District.get(id=subject.district_id)
    jurisdiction = await Jurisdiction.get(id=subject.jurisdiction_id)
    in_force = await policy_for(jurisdiction.policy_code, clock.as_of_instant(snap.as_of))
    policy = await Policy.get(code=in_force.code, version=in_force.version)
    kind = SubjectKind(subject.kind)
    identity = Identity(
        name=public_name(subject),
        kind=kind.value,
        kind_zh=KIND_ZH[kind],
        uscc=subject.uscc,
        id_number_masked=subject.id_number_masked if kind == SubjectKind.NATURAL_PERSON else None,
        district=district.name,
        jurisdiction=jurisdiction.name,
    )
    payload = snap.payload
    grade_reasons = tuple(
        ReasonLine(article=r["article"], summary=r["summary"])
        for r in payload.get("grade_reasons", [])
    )
    lists = tuple(
        ListLine(
            list=e["list"],
            list_zh=LIST_ZH.get(e["list"], e["list"]),
            since=e["since"],
            until=e["until"],
            decision_no=e["decision_no"],
            article=e["article"],
        )
        for e in sorted(
            snap.list_entries, key=lambda e: (e["since"], e["list"], e["decision_no"] or "")
        )
    )
    measures = []
    for code in payload.get("measures", []):
        m = display.measure(code)
        measures.append(
            MeasureLine(name=m.name_zh, article=m.article, kind_zh=MEASURE_KIND_ZH.get(m.kind, ""))
        )
    return ReportContent(
        identity=identity,
        as_of=snap.as_of.isoformat(),
        policy=f"{policy.name}（{policy.document_no}）" if policy.document_no else policy.name,
        grade=snap.grade.value if snap.grade is not None else None,
        grade_zh=GRADE_ZH[snap.grade] if snap.grade is not None else NOT_GRADED_ZH,
        grade_reasons=grade_reasons,
        lists=lists,
        records=await _records(snap),
        measures=tuple(measures),
        issuer=f"{jurisdiction.name}公安局 · {PLATFORM_NAME}",
    )


async def _records(snap: Snapshot) -> tuple[RecordLine, ...]:
    """Published records inside their public window, then the derived ones (e.g. Shenyang's
    automatic warning), newest first: the same set as `PublicSubject.records`."""
    ids = snap.public_record_ids
    rows = await CreditRecord.filter(id__in=ids, subject_id=snap.subject.id) if ids else []
    keyed: list[tuple[str, str, RecordLine]] = []
    for r in rows:
        day = r.decision_date or r.occurred_on
        keyed.append(
            (
                day.isoformat(),
                f"r{r.id:012d}",
                RecordLine(
                    category_zh=CATEGORY_ZH.get(_value(r.category), _value(r.category)),
                    type_name=display.info_type_name(r.type),
                    decision_no=r.decision_no,
                    date=day.isoformat(),
                    issuing_unit=r.issuing_unit or None,
                    summary=r.summary,
                ),
            )
        )
    for d in snap.payload.get("derived_records", []):
        keyed.append(
            (
                d["occurred_on"],
                f"d{d['key']}",
                RecordLine(
                    category_zh=CATEGORY_ZH.get(d["category"], d["category"]),
                    type_name=display.info_type_name(d["type"]),
                    decision_no=None,
                    date=d["occurred_on"],
                    issuing_unit=None,
                    summary=d["summary"],
                ),
            )
        )
    keyed.sort(key=lambda k: (k[0], k[1]), reverse=True)
    return tuple(line for _, _, line in keyed)
