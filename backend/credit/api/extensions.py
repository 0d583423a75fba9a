"""Error handling: every error leaves with an extensions.code; unexpected ones are masked
(no stack trace or SQL text reaches a client) and logged with the request id.

Applied to every result in the HTTP layer (CreditGraphQL.process_result), so parse errors
(which strawberry's ParserCache reports outside the extensions' reach) are covered too.
"""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError
from tortoise.exceptions import ValidationError as OrmValidationError

from credit.api.health import database_unreachable
from credit.apicore.errors import ErrorCode
from credit.apicore.inputs import variable_field

UNAVAILABLE_MESSAGE = "数据库暂时无法访问，请稍后再试"

log = logging.getLogger("credit.api")

_LIMIT_PATTERNS = (
    re.compile(r"exceeds maximum operation depth"),
    re.compile(r"aliases found\. Allowed"),
    re.compile(r"Document contains more than \d+ tokens"),
    re.compile(r"tokens?.*limit", re.I),
)


def _code_of(error: GraphQLError) -> str | None:
    original = error.original_error
    for candidate in (original, error):
        code = (
            (candidate.extensions or {}).get("code")
            if isinstance(candidate, GraphQLError)
            else None
        )
        if code:
            return str(code)
    return None


def _copy(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message, error.nodes, error.source, error.positions, error.path, None, extensions
    )


# A value the ORM refuses (a string longer than its column) is the client's input, not a
# fault of ours; the transaction it happened in has rolled back. The message says what is
# wrong without naming the column.
_LENGTH = re.compile(r"Length of .* (\d+) > (\d+)$", re.S)


def _refused_value(text: str) -> tuple[str, dict[str, object]]:
    code = ErrorCode.INVALID_ARGUMENT.value
    found = _LENGTH.search(text)
    if found is None:
        return "输入的值不符合要求", {"code": code, "fault": "INVALID_VALUE"}
    message = f"输入的文本过长（{found.group(1)} 个字符，最多 {found.group(2)} 个）"
    return message, {"code": code, "fault": "TOO_LONG"}


def fix_error(error: GraphQLError, request_id: str) -> GraphQLError:
    code = _code_of(error)
    if code is not None:
        original = error.original_error
        ext = dict(original.extensions or {}) if isinstance(original, GraphQLError) else {}
        ext.update(error.extensions or {})
        ext["code"] = code
        return _copy(error, error.message, ext)
    variable = variable_field(error)
    if variable is not None:
        ext = {"code": ErrorCode.INVALID_ARGUMENT.value, "field": variable}
        return _copy(error, error.message, ext)
    if isinstance(error.original_error, OrmValidationError):
        return _copy(error, *_refused_value(str(error.original_error)))
    if error.original_error is None:
        limit = any(p.search(error.message) for p in _LIMIT_PATTERNS)
        code = ErrorCode.QUERY_TOO_COMPLEX if limit else "GRAPHQL_VALIDATION_FAILED"
        return _copy(error, error.message, {"code": str(code)})
    if database_unreachable(error.original_error):
        log.warning("database unreachable in %s (request %s)", error.path, request_id)
        return _copy(
            error,
            UNAVAILABLE_MESSAGE,
            {"code": ErrorCode.SERVICE_UNAVAILABLE.value, "requestId": request_id},
        )
    log.error(
        "unexpected error in %s (request %s)",
        ".".join(str(p) for p in error.path or ()),
        request_id,
        exc_info=error.original_error,
    )
    return _copy(
        error,
        "服务器内部错误（请求编号 " + request_id + "）",
        {"code": ErrorCode.INTERNAL_ERROR.value, "requestId": request_id},
    )
