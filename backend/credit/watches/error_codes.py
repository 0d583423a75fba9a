"""The codes of the partners' watch mutations (watch list, webhook, deliveries)."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="关注类变更（关注列表、推送地址、重新投递）失败的原因")
class WatchErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the object is not in a state that allows this
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction
    WATCH_LIMIT_EXCEEDED = "WATCH_LIMIT_EXCEEDED"  # a partner token's watch list is full


@strawberry.type(description="关注类变更的预期内失败")
class WatchError(UserError):
    code: WatchErrorCode
