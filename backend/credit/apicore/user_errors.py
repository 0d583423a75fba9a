"""Expected failures, in the schema: one error vocabulary per domain (Saleor's pattern).

The convention, for every domain that has mutations:

- `<domain>/error_codes.py` declares `@strawberry.enum class <Domain>ErrorCode(StrEnum)`
  holding exactly the codes its mutations (and the services they call) can return, CONFLICT
  included (`run_mutation` answers it for any domain: see CommonErrorCode), and
  `@strawberry.type class <Domain>Error(UserError)` with `code: <Domain>ErrorCode`.
- The domain raises `MutationFailed(message, <Domain>ErrorCode.X, field)` (credit.apicore.
  mutations) and runs its body with `run_mutation(info, action, body, <Domain>Error)`, which
  returns the payload's errors already typed; its payloads declare
  `errors: list[<Domain>Error]`. An error built outside `run_mutation` (a rate limit before
  the transaction) is `<Domain>Error(field=..., message=..., code=<Domain>ErrorCode.X)`.
- Codes are converted by value (`from_failure`): a failure whose code is not in the payload's
  enum raises ValueError. `credit/apicore/tests/test_user_errors.py` finds that in the tests
  (every code each package can raise is in its enum), so it never reaches a client.
- Clients select `errors { field message code }` unchanged; `field` and `message` are on the
  `UserError` interface, so one fragment serves every payload.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Self

import strawberry


class CommonErrorCode(StrEnum):
    """Codes the machinery answers for any mutation: every domain's enum has them."""

    CONFLICT = "CONFLICT"  # the transaction kept colliding with others (run_mutation)


@dataclass(frozen=True)
class Failure:
    """An expected failure before it becomes a payload error of its domain."""

    message: str
    code: StrEnum
    field: str | None = None


@strawberry.interface(
    description="预期内的失败（如字段不合法、状态不允许）：所涉字段（camelCase，可为空）与说明；"
    "各领域的错误类型另有该领域的错误代码 code"
)
class UserError:
    field: str | None
    message: str

    @classmethod
    def code_enum(cls) -> type[StrEnum]:
        """The enum of the subclass's `code` field (read when an error is answered, which is
        rare enough not to cache)."""
        code_type = typing.get_type_hints(cls)["code"]
        assert isinstance(code_type, type) and issubclass(code_type, StrEnum), cls
        return code_type

    @classmethod
    def from_failure(cls, failure: Failure) -> Self:
        """The payload error for `failure`; ValueError when the code is not in this
        domain's enum (a code the domain forgot to declare)."""
        code = cls.code_enum()(failure.code.value)
        return cls(field=failure.field, message=failure.message, code=code)  # type: ignore[call-arg]  # `code` is declared by each subclass

    @classmethod
    def from_failures(cls, failures: Iterable[Failure]) -> list[Self]:
        return [cls.from_failure(f) for f in failures]
