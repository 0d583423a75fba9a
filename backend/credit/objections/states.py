"""The objection (SY 第十四条): filed → accepted → upheld | rejected; filed → not_accepted;
filed | accepted → withdrawn."""

from __future__ import annotations

from enum import StrEnum

from credit.casework.states import Machine, Step


class ObjectionStatus(StrEnum):
    FILED = "FILED"
    ACCEPTED = "ACCEPTED"
    NOT_ACCEPTED = "NOT_ACCEPTED"
    UPHELD = "UPHELD"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


OS = ObjectionStatus
OBJECTION = Machine[ObjectionStatus](
    "异议",
    {
        Step.ACCEPT: (frozenset({OS.FILED}), OS.ACCEPTED),
        Step.DECLINE: (frozenset({OS.FILED}), OS.NOT_ACCEPTED),
        Step.UPHOLD: (frozenset({OS.ACCEPTED}), OS.UPHELD),
        Step.REJECT: (frozenset({OS.ACCEPTED}), OS.REJECTED),
        Step.WITHDRAW: (frozenset({OS.FILED, OS.ACCEPTED}), OS.WITHDRAWN),
    },
    {
        OS.FILED: "已提交",
        OS.ACCEPTED: "已受理",
        OS.NOT_ACCEPTED: "不予受理",
        OS.UPHELD: "异议成立",
        OS.REJECTED: "异议不成立",
        OS.WITHDRAWN: "已撤回",
    },
)

OPEN_OBJECTION_STATES = frozenset({OS.FILED, OS.ACCEPTED})
