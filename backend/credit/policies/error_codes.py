"""The codes of the policies' mutations (new versions of a policy's parameters)."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="政策类变更（新版本参数）失败的原因")
class PolicyErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction


@strawberry.type(description="政策类变更的预期内失败")
class PolicyError(UserError):
    code: PolicyErrorCode
