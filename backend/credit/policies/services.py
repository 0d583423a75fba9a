"""Policies from the database: the version in force at a given moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core.clock import TZ, local_midnight
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


async def next_version_at(
    code: str, after: PolicyInForce, at: datetime, conn: BaseDBAsyncClient | None = None
) -> datetime | None:
    """The moment (local midnight of its effective date) a later version of `code` takes
    over from `after`, if one is already created: an evaluation made under `after` is good
    only until then (policy_for picks the highest version in force, so only a higher
    version can replace it)."""
    day = at.astimezone(TZ).date()
    row = (
        await Policy.filter(code=code, version__gt=after.version, effective_from__gt=day)
        .using_db(conn)
        .order_by("effective_from")
        .first()
    )
    return local_midnight(row.effective_from) if row else None


async def expire_evaluations_from(
    code: str, effective_from: date, conn: BaseDBAsyncClient | None = None
) -> int:
    """A new version of `code` was created: every stored evaluation under the policy is
    good only until the version's first moment, so that no read serves the old answer
    from then on (today's version: stale at once, and recomputed by the next read or
    sweep; a future one: at its effective date). Returns the number of rows capped."""
    from tortoise.expressions import Q

    from credit.grades.models import Evaluation

    start = local_midnight(effective_from)
    return await (
        Evaluation.filter(
            Q(next_change_at__isnull=True) | Q(next_change_at__gt=start), policy_code=code
        )
        .using_db(conn)
        .update(next_change_at=start)
    )
