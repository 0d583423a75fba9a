"""The shape every mutation shares: a declared permission (on the field), CSRF for cookie
sessions, one transaction, an audit event, typed errors in the payload (one vocabulary per
domain: the convention is in credit.apicore.user_errors) and nothing written when it
fails. A change the public can see bumps the public data version in the same
transaction (credit.core.dataversion), so the answer never depends on the cache: nothing
runs after the commit that could fail and misreport what was committed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.auth import csrf_ok
from credit.apicore.audit import record_event
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.retry import TransactionConflict, with_retries
from credit.apicore.user_errors import CommonErrorCode, Failure
from credit.apicore.user_errors import UserError as UserErrorInterface
from credit.core import dataversion, hooks

E = TypeVar("E", bound=UserErrorInterface)


class MutationFailed(Exception):
    """Raise inside a mutation body: the transaction rolls back and the payload carries
    the failure, as an error of the payload's domain (`code` is a member of its enum)."""

    def __init__(self, message: str, code: StrEnum, field: str | None = None) -> None:
        super().__init__(message)
        self.failure = Failure(message=message, code=code, field=field)


@dataclass
class Outcome:
    """What a mutation body returns: the object for the payload and the audit facts."""

    value: Any
    object_type: str
    object_id: str | int
    before: Any = None
    after: Any = None
    public_change: bool = True


def check_csrf(info: Info) -> None:
    actor = info.context.actor
    if not csrf_ok(actor, info.context.csrf_header):
        raise CodedError("缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）", ErrorCode.CSRF_FAILED)


async def run_mutation(
    info: Info,
    action: str,
    body: Callable[[BaseDBAsyncClient], Awaitable[Outcome]],
    error: type[E],
) -> tuple[Any, list[E]]:
    """Run `body` in one transaction with its audit event. Returns (value, errors), the
    errors as `error`, the payload's domain error type. A transaction aborted for a
    deadlock or serialization failure is re-run (a bounded number of times,
    credit.apicore.retry), then answered CONFLICT. Nothing runs after the commit: the
    answer is what was committed, whatever the cache does."""
    check_csrf(info)
    ctx = info.context

    async def attempt() -> Outcome:
        async with in_transaction() as conn:
            outcome = await body(conn)
            await record_event(
                conn,
                ctx.actor,
                action,
                object_type=outcome.object_type,
                object_id=outcome.object_id,
                before=outcome.before,
                after=outcome.after,
                request_id=ctx.request_id,
                client_addr=ctx.client_addr,
            )
            # Partners' change events of the subjects this transaction re-evaluated
            # (credit.core.hooks: registered by credit.api.wiring).
            await hooks.before_commit(conn)
            if outcome.public_change:
                await dataversion.bump(conn)  # last: see the lock order in dataversion
        return outcome

    try:
        outcome = await with_retries(attempt)
    except MutationFailed as failed:
        return None, [error.from_failure(failed.failure)]
    except TransactionConflict:
        message = "数据正被他人同时修改，本次操作未保存，请刷新后重试"
        return None, [error.from_failure(Failure(message, CommonErrorCode.CONFLICT))]
    return outcome.value, []
