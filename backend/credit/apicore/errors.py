"""Error codes a client branches on (extensions.code), and the masking of everything else."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from graphql import GraphQLError


# In the schema (as ApiErrorCode) so that clients generate their list from it; the codes a
# client makes up itself (no network, a timeout of its own) stay on the client.
@strawberry.enum(
    name="ApiErrorCode",
    description="请求级错误代码：errors[].extensions.code 的取值"
    "（与变更载荷中 errors 的各领域错误代码不同）",
)
class ErrorCode(StrEnum):
    INVALID_USCC = "INVALID_USCC"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    NOT_FOUND = "NOT_FOUND"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    CSRF_FAILED = "CSRF_FAILED"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"  # the database cannot be reached
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"  # the request body is over the size limit
    TIMEOUT = "TIMEOUT"  # the request ran past the server's time limit (HTTP 504)
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"  # the query text is not valid
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"  # introspection is off in production


class CodedError(GraphQLError):
    """A top-level GraphQL error with a stable `extensions.code`."""

    def __init__(self, message: str, code: ErrorCode, **extra: Any) -> None:
        super().__init__(message, extensions={"code": code.value, **extra})


def has_code(error: GraphQLError) -> bool:
    """Errors we raised on purpose carry a code; validation errors from graphql-core are
    about the query text and safe to show. Everything else is masked."""
    original = error.original_error
    if original is None:
        return True
    if isinstance(original, GraphQLError):
        return bool((original.extensions or {}).get("code"))
    return False


def should_mask(error: GraphQLError) -> bool:
    return not has_code(error)
