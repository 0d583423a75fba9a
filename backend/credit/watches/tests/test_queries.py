"""events_for_token: a token reads the events of its own watched subjects only, written
at or after its watch, after the cursor, in position order."""

from __future__ import annotations

import uuid
from datetime import timedelta

from credit.accounts.models import ApiToken
from credit.core import clock
from credit.testing import make_partner_token, make_subject
from credit.watches.models import Watch, WatchEvent, WatchEventKind
from credit.watches.queries import events_for_token


async def _event(subject, position: int, created_at) -> WatchEvent:
    return await WatchEvent.create(
        position=position,
        event_id=uuid.uuid4(),
        subject_id=subject.id,
        uscc=subject.uscc,
        kind=WatchEventKind.GRADE_CHANGED,
        before={},
        after={},
        effective_date=clock.today(),
        reasons=[],
        created_at=created_at,
    )


async def test_events_for_token_reads_own_watches_after_cursor(db: str) -> None:
    await make_partner_token()
    await make_partner_token()
    mine, other = await ApiToken.all().order_by("id")
    a, b = await make_subject(), await make_subject()
    now = clock.now()
    await Watch.create(token_id=mine.id, subject_id=a.id, uscc=a.uscc, created_at=now)
    await Watch.create(token_id=other.id, subject_id=b.id, uscc=b.uscc, created_at=now)
    await _event(a, 10, now - timedelta(days=1))  # before the watch: not mine
    await _event(a, 11, now)
    await _event(b, 12, now)  # another token's subject
    await _event(a, 13, now + timedelta(seconds=1))

    assert [e.position for e in await events_for_token(mine.id, None, 100)] == [11, 13]
    assert [e.position for e in await events_for_token(mine.id, 11, 100)] == [13]
    assert [e.position for e in await events_for_token(mine.id, None, 1)] == [11]
    assert [e.position for e in await events_for_token(other.id, None, 100)] == [12]
