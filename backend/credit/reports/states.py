"""The public report (举报): received → triaged → investigating → closed; received | triaged →
closed (dismissed at triage)."""

from __future__ import annotations

from enum import StrEnum

from credit.casework.states import Machine, Step


class ReportStatus(StrEnum):
    RECEIVED = "RECEIVED"
    TRIAGED = "TRIAGED"
    INVESTIGATING = "INVESTIGATING"
    CLOSED = "CLOSED"


class ReportOutcome(StrEnum):
    SUBSTANTIATED = "SUBSTANTIATED"  # 属实
    UNSUBSTANTIATED = "UNSUBSTANTIATED"  # 不属实
    DISMISSED = "DISMISSED"  # 不予受理 (not about a matter of this bureau, no content …)


P = ReportStatus
REPORT = Machine[ReportStatus](
    "举报",
    {
        Step.TRIAGE: (frozenset({P.RECEIVED, P.TRIAGED}), P.TRIAGED),
        Step.DISMISS: (frozenset({P.RECEIVED, P.TRIAGED}), P.CLOSED),
        Step.INVESTIGATE: (frozenset({P.TRIAGED}), P.INVESTIGATING),
        Step.CLOSE: (frozenset({P.INVESTIGATING}), P.CLOSED),
    },
    {P.RECEIVED: "已接收", P.TRIAGED: "已分办", P.INVESTIGATING: "核查中", P.CLOSED: "已办结"},
)

OPEN_REPORT_STATES = frozenset({P.RECEIVED, P.TRIAGED, P.INVESTIGATING})
