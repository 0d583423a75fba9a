"""GET /reports/{uscc}.pdf?asOf=YYYY-MM-DD: a subject's credit report as a PDF.

Public content only (see content.py). A caller holding VIEW_UNMASKED_ID (a partner token
with that scope, or a signed-in reviewer) also gets a natural person's full ID number,
only of a person of its own jurisdiction.
Anonymous callers are rate-limited per address, partner tokens by their own limit.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from credit.accounts.actor import Actor, ActorKind
from credit.api.http import resolve_actor
from credit.apicore import ratelimit
from credit.core import clock, replica
from credit.creditreport.content import build_content
from credit.creditreport.render import Extras, render_pdf
from credit.creditreport.verify import code_for
from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject
from credit.subjects.scope import may_see_full_id_number
from credit.subjects.services import AsOfInFuture, check_public_as_of

# A report costs an evaluation and a PDF: a tighter budget than GraphQL's per address.
REPORTS_PER_MINUTE = 20


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code, **extra}}]},
        status_code=status,
    )


async def _rate_limit(request: Request, actor: Actor) -> Response | None:
    client = request.client.host if request.client else ""
    retry = await ratelimit.over_limit(
        client, actor, public_bucket="report:ip", public_limit=REPORTS_PER_MINUTE
    )
    if retry is None:
        return None
    response = _error(429, "RATE_LIMITED", f"请求过于频繁，请{retry}秒后再试", retryAfter=retry)
    response.headers["retry-after"] = str(retry)
    return response


def _as_of(request: Request) -> date | Response:
    raw = request.query_params.get("asOf")
    try:
        day = date.fromisoformat(raw) if raw else None
    except ValueError:
        return _error(400, "INVALID_ARGUMENT", "asOf 应为日期，格式 YYYY-MM-DD", field="asOf")
    try:
        return check_public_as_of(day)
    except AsOfInFuture as exc:
        return _error(400, "INVALID_ARGUMENT", str(exc), field="asOf")


def verify_url(request: Request, uscc: str, as_of: date, code: str) -> str:
    """The SPA's page that checks a report (built by the frontend; it calls
    verifyCreditReport with these three values)."""
    query = urlencode({"uscc": uscc, "asOf": as_of.isoformat(), "code": code})
    return f"{str(request.base_url).rstrip('/')}/verify?{query}"


async def credit_report_pdf(request: Request) -> Response:
    actor = await resolve_actor(request)
    if actor is None:
        return _error(401, "UNAUTHENTICATED", "API 令牌无效、已过期或已吊销")
    limited = await _rate_limit(request, actor)
    if limited is not None:
        return limited
    raw = request.path_params["uscc"]
    try:
        uscc = validate_uscc(raw)
    except InvalidUSCC as exc:
        return _error(400, "INVALID_USCC", str(exc), field="uscc", fault=exc.fault, input=raw[:64])
    as_of = _as_of(request)
    if isinstance(as_of, Response):
        return as_of
    # A public reader's report may come from the replica (credit.core.replica).
    public = actor.kind != ActorKind.USER
    with replica.public_reads() if public else contextlib.nullcontext():
        subject = await Subject.get_or_none(uscc=uscc)
        if subject is None:
            return _error(404, "NOT_FOUND", f"本平台未收录统一社会信用代码 {uscc}", field="uscc")
        content = await build_content(subject, as_of)
    code = code_for(subject, content)
    id_number = None
    if (
        subject.kind == SubjectKind.NATURAL_PERSON
        and subject.id_number_cipher
        and may_see_full_id_number(actor, subject)
    ):
        from credit.accounts.crypto import decrypt

        id_number = decrypt(subject.id_number_cipher)
    extras = Extras(
        code=code,
        verify_url=verify_url(request, uscc, as_of, code),
        generated_at=clock.now(),
        id_number=id_number,
    )
    pdf = await run_in_threadpool(render_pdf, content, extras)
    filename = f"credit-report-{uscc}-{as_of.isoformat()}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "content-disposition": f'inline; filename="{filename}"',
            "cache-control": "no-store",
            "x-verification-code": code,
        },
    )


routes = [Route("/reports/{uscc}.pdf", credit_report_pdf, methods=["GET"])]
