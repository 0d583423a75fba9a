"""The codes a outbox mutation answers with, and their conversion to the payload
error."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.mutations import MutationErrorCode, MutationFailed
from credit.casework.error_codes import CaseError


@strawberry.enum(description="推送事件操作失败的原因")
class OutboxErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the event is not in a state that allows this step
    CONFLICT = "CONFLICT"  # someone else changed it at the same time (every domain has it)


class OutboxError(CaseError):
    def __init__(
        self,
        message: str,
        code: OutboxErrorCode = OutboxErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)


def to_user_error(exc: CaseError) -> MutationFailed:
    """The payload error of a failed outbox mutation (the one place that builds it).
    The code must be one of OutboxErrorCode's: a casework code it lacks is a bug."""
    code = OutboxErrorCode(exc.code.value)
    return MutationFailed(exc.message, MutationErrorCode(code.value), exc.field)
