"""The outbox event: pending → delivered | failed; failed → pending (requeued by an operator)."""

from __future__ import annotations

from enum import StrEnum

from credit.casework.states import Machine, Step


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


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
