"""The case workflows as plain state machines (no database here): each domain declares
its statuses and its machine (credit.objections.states, credit.repairs.states,
credit.reports.states, credit.outbox.states) from these parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from credit.casework.error_codes import CaseworkError, CaseworkErrorCode


class Channel(StrEnum):
    ONLINE = "ONLINE"  # filed by the enterprise account
    PAPER = "PAPER"  # a written application entered by a reviewer


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
        """The state after `step`; a CaseworkError (INVALID_STATE) naming both otherwise."""
        if step not in self.steps:
            raise CaseworkError(f"{self.name_zh}没有此操作", CaseworkErrorCode.INVALID_STATE)
        allowed, target = self.steps[step]
        if current not in allowed:
            names = "、".join(self.labels_zh[s] for s in sorted(allowed))
            raise CaseworkError(
                f"{self.name_zh}当前为“{self.labels_zh[current]}”，不能执行该操作（仅限：{names}）",
                CaseworkErrorCode.INVALID_STATE,
            )
        return target

    def open_states(self) -> frozenset[S]:
        """States from which some step leads on."""
        return frozenset(s for allowed, _ in self.steps.values() for s in allowed)
