"""The codes of the industry associations' mutations (members, ratings)."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="行业协会类变更（会员名册、协会评价）失败的原因")
class AssociationErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the object is not in a state that allows this
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction


@strawberry.type(description="行业协会类变更的预期内失败")
class AssociationError(UserError):
    code: AssociationErrorCode
