"""Error handling: every error leaves with an extensions.code; unexpected ones are masked
(no stack trace or SQL text reaches a client) and logged with the request id."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from credit.api.errors import ErrorCode

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
        if isinstance(candidate, GraphQLError) and (candidate.extensions or {}).get("code"):
            return str(candidate.extensions["code"])  # type: ignore[index]
    return None


class CodedErrors(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if not errors:
            # Parse/validation failures are reported as pre-execution errors.
            errors = self.execution_context.pre_execution_errors
            if not errors:
                return
        fixed = [self._fix(e) for e in errors]
        if getattr(result, "errors", None):
            result.errors = fixed  # type: ignore[union-attr]
        else:
            self.execution_context.pre_execution_errors = fixed

    def _fix(self, error: GraphQLError) -> GraphQLError:
        code = _code_of(error)
        if code is not None:
            ext = dict((error.original_error or error).extensions or {})  # type: ignore[union-attr]
            ext.update(error.extensions or {})
            ext["code"] = code
            return GraphQLError(
                error.message,
                error.nodes,
                error.source,
                error.positions,
                error.path,
                None,
                ext,
            )
        if error.original_error is None:
            limit = any(p.search(error.message) for p in _LIMIT_PATTERNS)
            code = ErrorCode.QUERY_TOO_COMPLEX if limit else "GRAPHQL_VALIDATION_FAILED"
            return GraphQLError(
                error.message,
                error.nodes,
                error.source,
                error.positions,
                error.path,
                None,
                {"code": str(code)},
            )
        request_id = getattr(self.execution_context.context, "request_id", "")
        log.error(
            "unexpected error in %s (request %s)",
            ".".join(str(p) for p in error.path or ()),
            request_id,
            exc_info=error.original_error,
        )
        return GraphQLError(
            "服务器内部错误（请求编号 " + request_id + "）",
            error.nodes,
            error.source,
            error.positions,
            error.path,
            None,
            {"code": ErrorCode.INTERNAL_ERROR.value, "requestId": request_id},
        )
