"""The expected failures of the case services.

`CaseError` is the one exception class they raise: a Chinese message for the user, a
stable code, the input field it is about (camelCase, as the API names it) if any. Each
domain declares its code enum in its own `error_codes.py` (ObjectionErrorCode,
RepairErrorCode, …) holding the codes its mutations answer with: the shared codes below,
repeated there Saleor-style so that each domain's enum is complete on its own, plus the
domain's own. The helpers of this package (loading, locking, scope, evidence, the state
machines) raise `CaseworkError` with a shared code; a domain's `to_user_error` maps
either kind by the code's name.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry


@strawberry.enum(description="各类案件共有的失败原因")
class CaseworkErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the case is not in a state that allows this step
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # someone else acted first, or a duplicate


class CaseError(Exception):
    """An expected failure of a case service; `code` is a member of a domain's enum."""

    def __init__(self, message: str, code: StrEnum, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


class CaseworkError(CaseError):
    def __init__(
        self,
        message: str,
        code: CaseworkErrorCode = CaseworkErrorCode.INVALID,
        field: str | None = None,
    ) -> None:
        super().__init__(message, code, field)
