"""Input and output types of the policy engine, and the as-of view of a record.

Invariants:
- Every datetime is time-zone aware; dates are local dates in Asia/Shanghai.
- A record's ``transitions`` are chronological; the first one is its creation (``DRAFT``, or
  ``PUBLISHED`` with a historical time for an import). Only stored statuses appear here:
  "public window ended" and "archived" are derived from dates, never stored.
- As of an instant ``at`` a record knows only its transitions at or before ``at``; a record
  whose first transition is after ``at`` did not exist yet. One exception: a revocation
  (objection upheld) or a credit repair, which are final, also replaces the record's
  PUBLISHED status at every earlier instant. An evaluation "as of D" is made today and
  applies today's revocations and repairs to the past: DOMAIN.md says such a record stops
  counting at once, including in the history, and is never public again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


class Category(StrEnum):
    BASIC = "basic"
    GOOD = "good"
    HINT = "hint"
    WARNING = "warning"


BAD_CATEGORIES = frozenset({Category.HINT, Category.WARNING})


class RecordStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VERIFIED = "verified"
    PUBLISHED = "published"
    REJECTED = "rejected"
    REVOKED = "revoked"
    REPAIRED = "repaired"
    DELETED = "deleted"  # a draft its author withdrew; kept with its history


class ListKind(StrEnum):
    RED = "RED"
    WATCH = "WATCH"
    BLACK = "BLACK"


class GradeLevel(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    UNGRADED = "UNGRADED"


class SubjectKind(StrEnum):
    ENTERPRISE = "ENTERPRISE"
    SOCIAL_ORGANISATION = "SOCIAL_ORGANISATION"
    INDIVIDUAL_BUSINESS = "INDIVIDUAL_BUSINESS"
    NATURAL_PERSON = "NATURAL_PERSON"


@dataclass(frozen=True)
class Transition:
    status: RecordStatus
    at: datetime  # aware


@dataclass(frozen=True)
class SanctionFact:
    kind: str  # a code of catalogues.SANCTION_KINDS
    amount_yuan: Decimal = Decimal(0)


@dataclass(frozen=True)
class ViolationFact:
    type_code: str  # the kind of unlawful act, free code; "same type" compares these
    domain: str  # a code of catalogues.VIOLATION_DOMAINS
    sanctions: tuple[SanctionFact, ...]
    # The decision's wording of the act, for reasons a person reads (never the free code).
    description: str = field(default="", compare=False)


@dataclass(frozen=True)
class RecordFact:
    id: int
    category: Category
    type: str  # a code of catalogues.INFO_TYPES
    occurred_on: date
    decision_date: date | None
    decision_no: str | None
    transitions: tuple[Transition, ...]
    situation_code: str | None = None
    inspection_passed: bool | None = None
    violations: tuple[ViolationFact, ...] = ()
    public_until_override: date | None = None  # legal override of the public window end (excl.)
    retention_until_override: date | None = None  # legal override of retention end (excl.)
    summary: str = ""


@dataclass(frozen=True)
class SubjectFact:
    id: int
    kind: SubjectKind


@dataclass(frozen=True)
class Reason:
    article: str
    rule: str
    summary: str
    record_ids: tuple[int, ...]


@dataclass(frozen=True)
class ListEntryFact:
    list: ListKind
    since: date
    until: date | None  # exclusive; None = open-ended
    rule: str
    article: str
    record_ids: tuple[int, ...]
    decision_no: str | None


@dataclass(frozen=True)
class DerivedRecord:
    key: str
    category: Category
    type: str
    occurred_on: date
    published_on: date
    public_until: date  # exclusive
    record_ids: tuple[int, ...]
    summary: str


@dataclass(frozen=True)
class Evaluation:
    policy_code: str
    at: datetime
    grade: GradeLevel | None  # None for a policy without grades (Shenyang)
    grade_reasons: tuple[Reason, ...]
    list_entries: tuple[ListEntryFact, ...]  # active at `at`
    public_record_ids: frozenset[int]  # published and inside the public window at `at`
    # record id -> the day its public window ends (exclusive), for every public record:
    # the day it leaves the public view if nothing new happens (override and retention
    # applied)
    public_until: Mapping[int, date]
    counted_record_ids: frozenset[int]  # still count for lists/grades at `at`
    archived_record_ids: frozenset[int]  # retention ended
    derived_records: tuple[DerivedRecord, ...]  # derived records public at `at`
    reasons: tuple[Reason, ...]  # all reasons (lists, grade, derived)
    measures: tuple[str, ...]  # measure codes that apply at `at`
    next_change_at: datetime | None  # earliest local midnight > at where the result changes


def _require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"datetime must be time-zone aware: {at!r}")


# Exits that undo a publication for the past too: an upheld objection says the record
# should never have been published, a repair takes it out of the history. Both are final.
RETROACTIVE_EXITS = frozenset({RecordStatus.REVOKED, RecordStatus.REPAIRED})


def record_status_at(record: RecordFact, at: datetime) -> RecordStatus | None:
    """The status of ``record`` as of ``at``, as known today; None if it did not exist yet.

    Transitions after ``at`` are ignored, except a final revocation or repair: it replaces
    the PUBLISHED status at any earlier instant (before publication nothing changes, the
    record did not count then either)."""
    _require_aware(at)
    status: RecordStatus | None = None
    for transition in record.transitions:
        if transition.at > at:
            break
        status = transition.status
    if status == RecordStatus.PUBLISHED and record.transitions[-1].status in RETROACTIVE_EXITS:
        return record.transitions[-1].status
    return status


def published_on(record: RecordFact, at: datetime) -> date | None:
    """Local date of the first transition to PUBLISHED at or before ``at``."""
    _require_aware(at)
    for transition in record.transitions:
        if transition.at > at:
            return None
        if transition.status == RecordStatus.PUBLISHED:
            return transition.at.astimezone(TZ).date()
    return None
