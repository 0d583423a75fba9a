"""The codes a outbox mutation answers with, and their conversion to the payload
error."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors


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


@strawberry.type(name="OutboxError", description="公示推送的预期内失败：字段、说明与代码")
class OutboxPayloadError(UserError):
    code: OutboxErrorCode


# The payload error of a failed outbox mutation (the one place that builds it): a casework
# code OutboxErrorCode lacks is a bug, and fails loudly.
to_user_error = CaseErrors(OutboxPayloadError, OutboxErrorCode)
