"""The credit repair application (SY 第十五条, WG 五): filed → approved | rejected;
filed → withdrawn."""

from __future__ import annotations

from enum import StrEnum

from credit.casework.states import Machine, Step


class RepairStatus(StrEnum):
    FILED = "FILED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


R = RepairStatus
REPAIR = Machine[RepairStatus](
    "信用修复申请",
    {
        Step.APPROVE: (frozenset({R.FILED}), R.APPROVED),
        Step.REJECT: (frozenset({R.FILED}), R.REJECTED),
        Step.WITHDRAW: (frozenset({R.FILED}), R.WITHDRAWN),
    },
    {R.FILED: "已提交", R.APPROVED: "准予修复", R.REJECTED: "不予修复", R.WITHDRAWN: "已撤回"},
)

OPEN_REPAIR_STATES = frozenset({R.FILED})
