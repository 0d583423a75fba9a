"""Demo data of watches: the procurement centre's token watching a few subjects. Its
webhook is left unset, so `make run` never posts to a made-up address; the console shows
the token's watches and its (empty) delivery log, and the partner can set a URL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.auth import NewToken, create_api_token
from credit.accounts.models import Unit
from credit.accounts.permissions import Permission
from credit.core import clock
from credit.subjects.models import Subject
from credit.watches.events import ensure_snapshots
from credit.watches.models import Watch

DEMO_TOKEN_NAME = "政府采购中心 · 投标人关注"


async def load_watch_demo(
    conn: BaseDBAsyncClient, unit: Unit, subjects: Sequence[Subject]
) -> NewToken:
    """The token (its secret is printed once by `credit demo`, like any new token)."""
    new = await create_api_token(
        name=DEMO_TOKEN_NAME,
        unit_id=unit.id,
        scopes=[Permission.WATCH_SUBJECTS],
        expires_at=clock.now() + timedelta(days=365),
        rate_limit_per_minute=600,
        conn=conn,
    )
    for s in subjects:
        await Watch.create(token_id=new.token.id, subject_id=s.id, uscc=s.uscc, using_db=conn)
    await ensure_snapshots(conn, [s.id for s in subjects])
    return new
