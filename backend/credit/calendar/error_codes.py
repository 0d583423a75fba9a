"""The codes a calendar mutation answers with, and their conversion to the payload
error."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.mutations import MutationErrorCode, MutationFailed
from credit.casework.error_codes import CaseError


@strawberry.enum(description="工作日历维护失败的原因")
class CalendarErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    CONFLICT = "CONFLICT"  # someone else changed it at the same time (every domain has it)


class CalendarError(CaseError):
    def __init__(
        self,
        message: str,
        code: CalendarErrorCode = CalendarErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)


def to_user_error(exc: CaseError) -> MutationFailed:
    """The payload error of a failed calendar mutation (the one place that builds it).
    The code must be one of CalendarErrorCode's: a casework code it lacks is a bug."""
    code = CalendarErrorCode(exc.code.value)
    return MutationFailed(exc.message, MutationErrorCode(code.value), exc.field)
