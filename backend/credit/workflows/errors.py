"""The one exception the workflow services raise for an expected failure."""

from __future__ import annotations

from enum import StrEnum


class WorkflowErrorCode(StrEnum):
    # The first six have the same names as credit.apicore.mutations.MutationErrorCode.
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"
    OUT_OF_SCOPE = "OUT_OF_SCOPE"
    CONFLICT = "CONFLICT"
    DEADLINE_PASSED = "DEADLINE_PASSED"
    # Workflow-specific.
    TOO_EARLY = "TOO_EARLY"  # credit repair before the minimum publication period
    BLOCKED_BY_REPORT = "BLOCKED_BY_REPORT"  # a valid complaint arrived (第十五条)
    NOT_HANDLER = "NOT_HANDLER"  # only the assigned handler of a report may do this


class WorkflowError(Exception):
    """An expected failure: a Chinese message for the user, a stable code, the input
    field it is about (camelCase, as the API names it) if any."""

    def __init__(
        self,
        message: str,
        code: WorkflowErrorCode = WorkflowErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
