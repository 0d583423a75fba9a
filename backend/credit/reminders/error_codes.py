"""The codes a reminder mutation answers with, and their conversion to the payload
error. The shared codes of
credit.casework.error_codes are repeated here, so this enum is complete on its own.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors


@strawberry.enum(description="信用提醒登记失败的原因")
class ReminderErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the case is not in a state that allows this step
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # someone else acted first, or a duplicate


class ReminderError(CaseError):
    def __init__(
        self,
        message: str,
        code: ReminderErrorCode = ReminderErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)


@strawberry.type(name="ReminderError", description="信用提醒与约谈的预期内失败：字段、说明与代码")
class ReminderPayloadError(UserError):
    code: ReminderErrorCode


# The payload error of a failed reminders mutation (the one place that builds it): a casework
# code ReminderErrorCode lacks is a bug, and fails loudly.
to_user_error = CaseErrors(ReminderPayloadError, ReminderErrorCode)
