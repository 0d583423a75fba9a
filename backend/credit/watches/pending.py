"""Subjects whose public state may have changed in the current transaction (a leaf
module: the evaluation marks them, credit.watches.events records them before commit).

The mark is kept on the transaction's connection object, so it ends with it."""

from __future__ import annotations

from datetime import date
from typing import Any

_ATTR = "_credit_watch_pending"


def mark(conn: Any, subject_id: int, effective_date: date) -> None:
    if conn is None:
        return
    pending: dict[int, date] | None = getattr(conn, _ATTR, None)
    if pending is None:
        pending = {}
        setattr(conn, _ATTR, pending)
    old = pending.get(subject_id)
    pending[subject_id] = effective_date if old is None else min(old, effective_date)


def take(conn: Any) -> dict[int, date]:
    """The marks, removed from `conn` (subject id -> earliest effective date)."""
    pending: dict[int, date] | None = getattr(conn, _ATTR, None)
    if not pending:
        return {}
    setattr(conn, _ATTR, {})
    return pending
