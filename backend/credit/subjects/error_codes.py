"""The codes of the subjects' mutations (registration and edits)."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="主体类变更（登记、修改）失败的原因")
class SubjectErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction
    DUPLICATE = "DUPLICATE"  # the identifier (USCC, ID number) is already registered


@strawberry.type(description="主体类变更的预期内失败")
class SubjectError(UserError):
    code: SubjectErrorCode
