"""The expected failures of the case services.

`CaseError` is the one exception class they raise: a Chinese message for the user, a
stable code, the input field it is about (camelCase, as the API names it) if any. Each
domain declares its code enum in its own `error_codes.py` (ObjectionErrorCode,
RepairErrorCode, …) holding the codes its mutations answer with: the shared codes below,
repeated there Saleor-style so that each domain's enum is complete on its own, plus the
domain's own. The helpers of this package (loading, locking, scope, evidence, the state
machines) raise `CaseworkError` with a shared code; a domain's `to_user_error` (a
`CaseErrors`) maps either kind by the code's value into its own payload error type.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

import strawberry

from credit.apicore.mutations import MutationFailed
from credit.apicore.user_errors import UserError

E = TypeVar("E", bound=UserError)


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


@dataclass(frozen=True)
class CaseErrors(Generic[E]):
    """A domain's payload errors: its GraphQL error type and its code enum. Called with a
    service's CaseError, it gives the MutationFailed the payload answers with; a code the
    domain's enum lacks raises ValueError (a bug, found by the tests)."""

    error_type: type[E]
    codes: type[StrEnum]

    def __call__(self, exc: CaseError) -> MutationFailed:
        return MutationFailed(exc.message, self.codes(exc.code.value), exc.field)
