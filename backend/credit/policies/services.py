"""Policies from the database: the version in force at a given moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core.clock import TZ
from credit.policies.models import Policy


@dataclass(frozen=True)
class PolicyInForce:
    code: str
    version: int
    params: dict[str, Any]


class PolicyNotFound(LookupError):
    pass


async def policy_for(
    code: str, at: datetime, conn: BaseDBAsyncClient | None = None
) -> PolicyInForce:
    """The latest version of `code` effective on the local date of `at`; before the first
    version took effect, the first version (a record older than its policy is judged by it)."""
    day = at.astimezone(TZ).date()
    row = (
        await Policy.filter(code=code, effective_from__lte=day)
        .using_db(conn)
        .order_by("-version")
        .first()
    )
    if row is None:
        row = await Policy.filter(code=code).using_db(conn).order_by("version").first()
    if row is None:
        raise PolicyNotFound(f"policy {code!r} is not loaded")
    return PolicyInForce(code=row.code, version=row.version, params=dict(row.params))
