"""The workflows' states and steps as plain state machines (no database here).

Objection (SY 第十四条): filed → accepted → upheld | rejected; filed → not_accepted;
filed | accepted → withdrawn.
Credit repair (SY 第十五条, WG 五): filed → approved | rejected; filed → withdrawn.
Public report (举报): received → triaged → investigating → closed; received | triaged →
closed (dismissed at triage).
Outbox event: pending → delivered | failed; failed → pending (requeued by an operator).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from credit.workflows.errors import WorkflowError, WorkflowErrorCode


class ObjectionStatus(StrEnum):
    FILED = "FILED"
    ACCEPTED = "ACCEPTED"
    NOT_ACCEPTED = "NOT_ACCEPTED"
    UPHELD = "UPHELD"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


class RepairStatus(StrEnum):
    FILED = "FILED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


class ReportStatus(StrEnum):
    RECEIVED = "RECEIVED"
    TRIAGED = "TRIAGED"
    INVESTIGATING = "INVESTIGATING"
    CLOSED = "CLOSED"


class ReportOutcome(StrEnum):
    SUBSTANTIATED = "SUBSTANTIATED"  # 属实
    UNSUBSTANTIATED = "UNSUBSTANTIATED"  # 不属实
    DISMISSED = "DISMISSED"  # 不予受理 (not about a matter of this bureau, no content …)


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


class Channel(StrEnum):
    ONLINE = "ONLINE"  # filed by the enterprise account
    PAPER = "PAPER"  # a written application entered by a reviewer


class ReminderMethod(StrEnum):
    ORAL_REMINDER = "ORAL_REMINDER"  # 口头信用提醒
    WRITTEN_REMINDER = "WRITTEN_REMINDER"  # 书面信用提醒
    INTERVIEW = "INTERVIEW"  # 诚信约谈


class IntervieweeRole(StrEnum):
    PRINCIPAL = "PRINCIPAL"  # 主要负责人
    MANAGER_IN_CHARGE = "MANAGER_IN_CHARGE"  # 分管负责人
    DIRECTLY_RESPONSIBLE = "DIRECTLY_RESPONSIBLE"  # 直接责任人
    SELF = "SELF"  # 本人 (a natural person)


class NoticeKind(StrEnum):
    LISTING = "LISTING"  # 列入名单告知 (SY 第十二条)
    REMOVAL = "REMOVAL"  # 移出名单告知
    OBJECTION_ACCEPTED = "OBJECTION_ACCEPTED"  # 异议受理通知
    OBJECTION_NOT_ACCEPTED = "OBJECTION_NOT_ACCEPTED"  # 异议不予受理通知
    OBJECTION_RESULT = "OBJECTION_RESULT"  # 异议核实结果告知 (SY 第十四条)
    REPAIR_APPROVED = "REPAIR_APPROVED"  # 解除管理决定 / 信用修复决定 (SY 第十五条)
    REPAIR_REJECTED = "REPAIR_REJECTED"  # 不予修复决定
    WRITTEN_REMINDER = "WRITTEN_REMINDER"  # 书面信用提醒 (WG 五)


class Step(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    UPHOLD = "uphold"
    REJECT = "reject"
    APPROVE = "approve"
    WITHDRAW = "withdraw"
    TRIAGE = "triage"
    DISMISS = "dismiss"
    INVESTIGATE = "investigate"
    CLOSE = "close"
    DELIVER = "deliver"
    FAIL = "fail"
    REQUEUE = "requeue"


S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True)
class Machine(Generic[S]):
    name_zh: str
    steps: Mapping[Step, tuple[frozenset[S], S]]
    labels_zh: Mapping[S, str]

    def next(self, step: Step, current: S) -> S:
        """The state after `step`; a WorkflowError (INVALID_STATE) naming both otherwise."""
        if step not in self.steps:
            raise WorkflowError(f"{self.name_zh}没有此操作", WorkflowErrorCode.INVALID_STATE)
        allowed, target = self.steps[step]
        if current not in allowed:
            names = "、".join(self.labels_zh[s] for s in sorted(allowed))
            raise WorkflowError(
                f"{self.name_zh}当前为“{self.labels_zh[current]}”，不能执行该操作（仅限：{names}）",
                WorkflowErrorCode.INVALID_STATE,
            )
        return target

    def open_states(self) -> frozenset[S]:
        """States from which some step leads on."""
        return frozenset(s for allowed, _ in self.steps.values() for s in allowed)


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

E = OutboxStatus
OUTBOX = Machine[OutboxStatus](
    "推送事件",
    {
        Step.DELIVER: (frozenset({E.PENDING}), E.DELIVERED),
        Step.FAIL: (frozenset({E.PENDING}), E.FAILED),
        Step.REQUEUE: (frozenset({E.FAILED}), E.PENDING),
    },
    {E.PENDING: "待推送", E.DELIVERED: "已送达", E.FAILED: "推送失败"},
)

OPEN_OBJECTION_STATES = frozenset({OS.FILED, OS.ACCEPTED})
OPEN_REPAIR_STATES = frozenset({R.FILED})
OPEN_REPORT_STATES = frozenset({P.RECEIVED, P.TRIAGED, P.INVESTIGATING})

# Which reminder methods WG 五 allows for a grade: B 一般失信 → oral or written reminder;
# C 严重失信 → written reminder or interview.
REMINDER_METHODS: Mapping[str, tuple[ReminderMethod, ...]] = {
    "B": (ReminderMethod.ORAL_REMINDER, ReminderMethod.WRITTEN_REMINDER),
    "C": (ReminderMethod.WRITTEN_REMINDER, ReminderMethod.INTERVIEW),
}
METHOD_ZH = {
    ReminderMethod.ORAL_REMINDER: "口头信用提醒",
    ReminderMethod.WRITTEN_REMINDER: "书面信用提醒",
    ReminderMethod.INTERVIEW: "诚信约谈",
}
INTERVIEWEE_ZH = {
    IntervieweeRole.PRINCIPAL: "主要负责人",
    IntervieweeRole.MANAGER_IN_CHARGE: "分管负责人",
    IntervieweeRole.DIRECTLY_RESPONSIBLE: "直接责任人",
    IntervieweeRole.SELF: "本人",
}


def reminder_methods(grade: str | None) -> tuple[ReminderMethod, ...]:
    """WG 五: the methods open for a subject of this grade (none for A or ungraded)."""
    return REMINDER_METHODS.get(grade or "", ())
