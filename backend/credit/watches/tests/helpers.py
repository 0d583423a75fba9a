"""Test helpers: a watched subject, and a change made the way every public-change point
makes it (the change, then the events, in one transaction)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.models import ApiToken
from credit.core import clock
from credit.subjects.models import Subject
from credit.testing import make_partner_token
from credit.watches.events import ensure_snapshots, record_pending
from credit.watches.models import Watch, WatchEvent


async def watch(subject: Subject, token_id: int | None = None) -> int:
    """`subject` watched by a (new) partner token; returns the token id."""
    if token_id is None:
        await make_partner_token(["WATCH_SUBJECTS"])
        token_id = (await ApiToken.all().order_by("-id").first()).id  # type: ignore[union-attr]
    async with in_transaction() as conn:
        await Watch.create(
            token_id=token_id,
            subject_id=subject.id,
            uscc=subject.uscc,
            created_at=clock.now(),
            using_db=conn,
        )
        await ensure_snapshots(conn, [subject.id])
    return token_id


async def change(fn: Callable[[BaseDBAsyncClient], Awaitable[Any]]) -> Any:
    async with in_transaction() as conn:
        result = await fn(conn)
        await record_pending(conn)
    return result


async def kinds(subject: Subject) -> list[str]:
    rows = await WatchEvent.filter(subject_id=subject.id).order_by("position")
    return [str(e.kind.value if hasattr(e.kind, "value") else e.kind) for e in rows]
