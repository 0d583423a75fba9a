"""The codes of the credit commitments' mutations."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="信用承诺类变更失败的原因")
class CommitmentErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the object is not in a state that allows this
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction


@strawberry.type(description="信用承诺类变更的预期内失败")
class CommitmentError(UserError):
    code: CommitmentErrorCode
