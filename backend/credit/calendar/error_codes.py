"""The codes a calendar mutation answers with, and their conversion to the payload
error."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors


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


@strawberry.type(name="CalendarError", description="工作日历的预期内失败：字段、说明与代码")
class CalendarPayloadError(UserError):
    code: CalendarErrorCode


# The payload error of a failed calendar mutation (the one place that builds it): a casework
# code CalendarErrorCode lacks is a bug, and fails loudly.
to_user_error = CaseErrors(CalendarPayloadError, CalendarErrorCode)
