"""The codes a appeal mutation answers with, and their conversion to the payload
error. The shared codes of
credit.casework.error_codes are repeated here, so this enum is complete on its own.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors


@strawberry.enum(description="复议/诉讼登记失败的原因")
class AppealErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the case is not in a state that allows this step
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # someone else acted first, or a duplicate


class AppealError(CaseError):
    def __init__(
        self,
        message: str,
        code: AppealErrorCode = AppealErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)


@strawberry.type(name="AppealError", description="复议与诉讼登记的预期内失败：字段、说明与代码")
class AppealPayloadError(UserError):
    code: AppealErrorCode


# The payload error of a failed appeals mutation (the one place that builds it): a casework
# code AppealErrorCode lacks is a bug, and fails loudly.
to_user_error = CaseErrors(AppealPayloadError, AppealErrorCode)
