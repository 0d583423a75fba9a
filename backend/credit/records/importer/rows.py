"""The rows of an import once validated, and the problems found on the way: what the
validation hands to the planning, and the planning to the writing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from credit.policies.facts import RecordStatus, SubjectKind
from credit.records.services import RecordInput

SOURCE = "import"  # Decision.source and CreditRecord.source of everything imported
SubjectKey = tuple[str, str]  # ("uscc", code) or ("id", digest of the ID number)
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


@dataclass(slots=True)  # one per row of a file: kept compact
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


@dataclass(slots=True)  # one per row of a file: kept compact
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


Row = SubjectRow | EntryRow


def subject_key_of(row: Row) -> SubjectKey:
    """The subject a row is about (a subject row's own key)."""
    return row.key if isinstance(row, SubjectRow) else row.subject_key
