"""The codes of the accounts' mutations: sign-in, users, units and districts, API tokens."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="账号类变更（登录、用户、单位与辖区、API 令牌）失败的原因")
class AccountErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the object is not in a state that allows this
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    # No longer answered (a locked account gets INVALID_CREDENTIALS: docs/sign-in.md); kept
    # so that clients which branch on it still compile.
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    RATE_LIMITED = "RATE_LIMITED"  # sign-in or password change attempts, before the transaction
    LAST_ADMINISTRATOR = "LAST_ADMINISTRATOR"  # the last active administrator must remain


@strawberry.type(description="账号类变更的预期内失败")
class AccountError(UserError):
    code: AccountErrorCode
