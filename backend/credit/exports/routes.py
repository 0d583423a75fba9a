"""GET /export/{source}.{xlsx|csv}?filters…: a list as a file, streamed.

Signed in by the session cookie (the console) or a bearer token (a partner), like
/graphql. The public lists and search are open to all and rate-limited per address like
the public lookup; every other export needs the page's own permission and is audited
(an event with the filters and the number of rows)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from tortoise.transactions import in_transaction

from credit.accounts.actor import Actor
from credit.api.http import resolve_actor
from credit.api.schema import schema
from credit.apicore import ratelimit
from credit.apicore.context import Context
from credit.audit.services import record_event
from credit.core import clock
from credit.exports import runner
from credit.exports.formats import Row, Sheet, csv_stream, xlsx_stream
from credit.exports.params import BadParam, parse_all
from credit.exports.runner import ExportFailed, Pages
from credit.exports.sources import SOURCES, Source

# A file costs up to runner.MAX_ROWS / PAGE_SIZE queries: a tighter budget than a lookup's.
EXPORTS_PER_MINUTE = 10
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
STATUS = {
    "UNAUTHENTICATED": 401,
    "PERMISSION_DENIED": 403,
    "CSRF_FAILED": 403,
    "NOT_FOUND": 404,
    "RATE_LIMITED": 429,
    "SERVICE_UNAVAILABLE": 503,
    "INTERNAL_ERROR": 500,
}


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code, **extra}}]},
        status_code=status,
        headers={"cache-control": "no-store"},
    )


async def _rate_limit(request: Request, actor: Actor) -> Response | None:
    client = request.client.host if request.client else ""
    retry = await ratelimit.over_limit(
        client, actor, public_bucket="export:ip", public_limit=EXPORTS_PER_MINUTE
    )
    if retry is None:
        return None
    response = _error(429, "RATE_LIMITED", f"导出过于频繁，请{retry}秒后再试", retryAfter=retry)
    response.headers["retry-after"] = str(retry)
    return response


def content_disposition(title: str, source: str, fmt: str) -> str:
    """The Chinese name (RFC 5987 filename*) with an ASCII fallback for old clients."""
    today = clock.today().isoformat()
    fallback = f"{source}-{today}.{fmt}"
    utf8 = quote(f"{title}_{today}.{fmt}", safe="")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{utf8}"


async def _filters(source: Source, variables: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for p in source.params:
        if p.name not in variables:
            continue
        value = variables[p.name]
        if p.name == "district":
            from credit.subjects.models import District

            found = await District.get_or_none(code=value)
            shown = found.name if found else f"{value}（未知辖区）"
        else:
            shown = p.show(value) if not hasattr(value, "isoformat") else value.isoformat()
        out.append((p.label, shown))
    return out


async def export(request: Request) -> Response:
    name, fmt = request.path_params["source"], request.path_params["fmt"]
    source = SOURCES.get(name)
    if source is None:
        return _error(404, "NOT_FOUND", f"没有名为 {name} 的导出", field="source")
    if fmt not in MEDIA:
        return _error(400, "INVALID_ARGUMENT", "格式只能是 xlsx 或 csv", field="format")
    actor = await resolve_actor(request)
    if actor is None:
        return _error(401, "UNAUTHENTICATED", "API 令牌无效、已过期或已吊销")
    if not source.public and not actor.is_authenticated:
        return _error(401, "UNAUTHENTICATED", "请先登录")
    limited = await _rate_limit(request, actor)
    if limited is not None:
        return limited
    try:
        for key in request.query_params:
            if len(request.query_params.getlist(key)) > 1:
                raise BadParam(key, f"参数 {key} 重复")
        variables = parse_all(source.params, request.query_params)
    except BadParam as exc:
        return _error(400, "INVALID_ARGUMENT", exc.message, field=exc.name)
    request_id = request.scope.get("credit.request_id") or Context.new_request_id()
    pages = Pages(schema, source, variables, actor, request, request_id)
    try:
        first = await pages.fetch(None)
    except ExportFailed as exc:
        extensions = {k: v for k, v in exc.extensions.items() if k != "code"}
        status = STATUS.get(exc.code, 400)
        return _error(status, exc.code, exc.message, **extensions)
    sheet = Sheet(
        title=source.title,
        columns=[c.header for c in source.columns],
        filters=await _filters(source, variables),
        exported_at=clock.now(),
        total=first.total,
        cap=runner.MAX_ROWS,
    )
    if not source.public:
        await _audit(request, actor, source, fmt, sheet, request_id)

    async def chunks() -> AsyncIterator[list[Row]]:
        try:
            async for rows in pages.rows(first, sheet.cap):
                yield rows
        except ExportFailed as exc:
            sheet.notes.append(f"导出中断：{exc.message}")

    body = (csv_stream if fmt == "csv" else xlsx_stream)(sheet, chunks())
    return StreamingResponse(
        body,
        media_type=MEDIA[fmt],
        headers={
            "content-disposition": content_disposition(source.title, name, fmt),
            "cache-control": "no-store",
            "x-export-rows": str(min(sheet.total, sheet.cap)),
        },
    )


async def _audit(
    request: Request, actor: Actor, source: Source, fmt: str, sheet: Sheet, request_id: str
) -> None:
    async with in_transaction() as conn:
        await record_event(
            conn,
            actor,
            "export.download",
            object_type="export",
            object_id=source.name,
            after={
                "export": source.title,
                "format": fmt,
                "filters": dict(sheet.filters),
                "rows": min(sheet.total, sheet.cap),
                "total": sheet.total,
            },
            request_id=request_id,
            client_addr=request.client.host if request.client else "",
        )


routes = [Route("/export/{source}.{fmt}", export, methods=["GET"])]
