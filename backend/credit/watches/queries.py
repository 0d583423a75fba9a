"""Reading a token's change events (the polling query and the delivery side use these)."""

from __future__ import annotations

from tortoise import connections

from credit.watches.models import WatchEvent

MAX_PAGE = 500

_EVENTS = (
    "SELECT e.id FROM watch_event e JOIN watch w ON w.subject_id = e.subject_id "
    "WHERE w.token_id = {p1} AND e.created_at >= w.created_at AND e.position > {p2} "
    "ORDER BY e.position LIMIT {p3}"
)


def _sql(dialect: str) -> str:
    if dialect == "postgres":
        return _EVENTS.format(p1="$1", p2="$2", p3="$3")
    return _EVENTS.format(p1="?", p2="?", p3="?")


async def events_for_token(token_id: int, after: int | None, limit: int) -> list[WatchEvent]:
    """Events of the subjects `token_id` watches, written at or after the watch was created,
    with position > `after` (None: from the start), ascending by position, at most `limit`
    (capped at MAX_PAGE). Positions grow in commit order (see models.py), so a reader
    resuming after the last position it saw misses nothing."""
    limit = max(0, min(int(limit), MAX_PAGE))
    if limit == 0:
        return []
    conn = connections.get("default")
    _, rows = await conn.execute_query(
        _sql(conn.capabilities.dialect), [token_id, -1 if after is None else int(after), limit]
    )
    ids = [int(r[0]) for r in rows]
    if not ids:
        return []
    return await WatchEvent.filter(id__in=ids).order_by("position")
