"""The record lifecycle of DOMAIN.md as a plain state machine (no database here).

draft → submitted → verified → published; side exits: rejected (review, from submitted or
verified), revoked (objection upheld, from published), repaired (credit repair, from
published); a rejected record can be reopened as a draft, and a draft deleted (kept,
with its history, as `deleted`: never public, never counted). Expiry of the public window
and archiving after retention are derived from time by the engine and are never stored.
"""

from __future__ import annotations

from enum import StrEnum

from credit.policies.facts import RecordStatus as S


class Action(StrEnum):
    SUBMIT = "submit"
    VERIFY = "verify"
    REJECT = "reject"
    PUBLISH = "publish"
    REVOKE = "revoke"
    REPAIR = "repair"
    REOPEN = "reopen"  # a rejected record back to draft, to be corrected and resubmitted
    DELETE = "delete"  # a draft withdrawn by its author: never public, its history kept


TRANSITIONS: dict[Action, tuple[frozenset[S], S]] = {
    Action.SUBMIT: (frozenset({S.DRAFT}), S.SUBMITTED),
    Action.VERIFY: (frozenset({S.SUBMITTED}), S.VERIFIED),
    Action.REJECT: (frozenset({S.SUBMITTED, S.VERIFIED}), S.REJECTED),
    Action.PUBLISH: (frozenset({S.VERIFIED}), S.PUBLISHED),
    Action.REVOKE: (frozenset({S.PUBLISHED}), S.REVOKED),
    Action.REPAIR: (frozenset({S.PUBLISHED}), S.REPAIRED),
    Action.REOPEN: (frozenset({S.REJECTED}), S.DRAFT),
    Action.DELETE: (frozenset({S.DRAFT}), S.DELETED),
}

STATUS_ZH = {
    S.DRAFT: "草稿",
    S.SUBMITTED: "待审核",
    S.VERIFIED: "已审核",
    S.PUBLISHED: "已公布",
    S.REJECTED: "已退回",
    S.REVOKED: "已撤销",
    S.REPAIRED: "已修复",
    S.DELETED: "已删除",
}


class InvalidTransition(ValueError):
    def __init__(self, action: Action, current: S) -> None:
        allowed = "、".join(STATUS_ZH[s] for s in sorted(TRANSITIONS[action][0]))
        super().__init__(f"当前状态为“{STATUS_ZH[current]}”，不能执行该操作（仅限：{allowed}）")
        self.action = action
        self.current = current


def next_status(action: Action, current: S) -> S:
    allowed, target = TRANSITIONS[action]
    if current not in allowed:
        raise InvalidTransition(action, current)
    return target
