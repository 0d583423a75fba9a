"""The reporter's own lookup of a report (举报受理编号查询).

Invariants:
- The acknowledgement number alone reveals nothing: the answer needs the query code
  (查询码) shown once at filing, kept only as its digest. An unknown number, a report
  without a code and a wrong code get the same answer (None), after the same work.
- The answer carries the status and the public outcome only: never the content, the
  handler, the handler's notes, the subject or the reporter.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from credit.core import clock
from credit.reports.models import PublicReport
from credit.reports.states import REPORT, ReportOutcome, ReportStatus

# 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L): about 60 bits.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 12
_ACK = re.compile(r"^JB(\d{8})-(\d{6,9})$")
_DUMMY = "0" * 64

OUTCOME_NAMES = {
    ReportOutcome.SUBSTANTIATED: "经核查属实，已依法处理",
    ReportOutcome.UNSUBSTANTIATED: "经核查不属实",
    ReportOutcome.DISMISSED: "不予受理",
}


def new_query_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def normalise_code(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def query_code_digest(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def parse_acknowledgement_no(value: str) -> tuple[date, int] | None:
    """(day received, report id) of `JB20260105-000012`, or None when malformed."""
    m = _ACK.match(value.strip().upper())
    if not m:
        return None
    try:
        day = datetime.strptime(m.group(1), "%Y%m%d").date()
    except ValueError:
        return None
    return day, int(m.group(2))


@dataclass(frozen=True)
class ReportProgress:
    """What a reporter may learn of their report."""

    received_on: date
    status: ReportStatus
    status_name: str
    closed_on: date | None
    outcome: ReportOutcome | None
    outcome_name: str | None


def progress_of(report: PublicReport) -> ReportProgress:
    status = ReportStatus(report.status)
    outcome = ReportOutcome(report.outcome) if report.outcome else None
    return ReportProgress(
        received_on=report.received_at.astimezone(clock.TZ).date(),
        status=status,
        status_name=REPORT.labels_zh[status],
        closed_on=report.closed_at.astimezone(clock.TZ).date() if report.closed_at else None,
        outcome=outcome,
        outcome_name=OUTCOME_NAMES[outcome] if outcome else None,
    )


async def lookup_report(acknowledgement_no: str, query_code: str) -> ReportProgress | None:
    """The progress of the report, or None for an unknown number or a wrong code alike."""
    parsed = parse_acknowledgement_no(acknowledgement_no)
    report = await PublicReport.get_or_none(id=parsed[1]) if parsed else None
    if report is not None and report.received_at.astimezone(clock.TZ).date() != parsed[0]:  # type: ignore[index]
        report = None
    stored = report.query_code_hash if report and report.query_code_hash else _DUMMY
    # Compared even when there is nothing to compare with: the same work either way.
    matches = hmac.compare_digest(stored, query_code_digest(query_code))
    if report is None or report.query_code_hash is None or not matches:
        return None
    return progress_of(report)
