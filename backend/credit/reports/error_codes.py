"""The codes a report mutation answers with, and their conversion to the payload
error. The shared codes of
credit.casework.error_codes are repeated here, so this enum is complete on its own.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors


@strawberry.enum(description="举报办理失败的原因")
class ReportErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the case is not in a state that allows this step
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # someone else acted first, or a duplicate
    NOT_HANDLER = "NOT_HANDLER"  # only the assigned handler of the report may do this
    RATE_LIMITED = "RATE_LIMITED"  # too many reports from one address (publicReportFile)


class ReportError(CaseError):
    def __init__(
        self,
        message: str,
        code: ReportErrorCode = ReportErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)


@strawberry.type(name="ReportError", description="举报办理的预期内失败：字段、说明与代码")
class ReportPayloadError(UserError):
    code: ReportErrorCode


# The payload error of a failed reports mutation (the one place that builds it): a casework
# code ReportErrorCode lacks is a bug, and fails loudly.
to_user_error = CaseErrors(ReportPayloadError, ReportErrorCode)
