"""Writing the audit trail: one append-only event per mutation and per sign-in."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.audit.models import AuditEvent
from credit.core import clock


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


async def record_event(
    conn: BaseDBAsyncClient | None,
    actor: Actor,
    action: str,
    *,
    object_type: str = "",
    object_id: str | int = "",
    before: Any = None,
    after: Any = None,
    request_id: str = "",
    client_addr: str = "",
) -> AuditEvent:
    before_j, after_j = _jsonable(before), _jsonable(after)
    json.dumps([before_j, after_j])  # fail here, inside the transaction, if not serialisable
    return await AuditEvent.create(
        at=clock.now(),
        actor_user_id=actor.user_id,
        actor_username=actor.username
        or ("partner-token:" + str(actor.token_id) if actor.token_id else ""),
        unit_code=actor.unit_code,
        role=actor.role or actor.kind.value,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        before=before_j,
        after=after_j,
        request_id=request_id,
        client_addr=client_addr,
        using_db=conn,
    )
