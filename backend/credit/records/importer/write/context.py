"""What every writing step shares: the transaction, who imports, the times stamped on the
rows, the ids of the subjects written so far, and the audit events collected to be
inserted at the end in one statement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.audit.models import AuditEvent
from credit.core import clock
from credit.records.importer.bulk import insert
from credit.records.importer.rows import SubjectKey

if TYPE_CHECKING:
    from credit.accounts.actor import Actor


def actor_fields(actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {"actor_user_id": None, "actor_username": "cli", "unit_code": "", "role": "SYSTEM"}
    return {
        "actor_user_id": actor.user_id,
        "actor_username": actor.username,
        "unit_code": actor.unit_code,
        "role": actor.role or actor.kind.value,
    }


def jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


@dataclass
class WriteContext:
    conn: BaseDBAsyncClient
    actor: Actor | None
    subject_ids: dict[SubjectKey, int]  # every subject of the file, once written
    now: datetime = field(default_factory=clock.now)
    # created_at / updated_at: real time, as auto_now writes it
    stamp: datetime = field(default_factory=lambda: datetime.now(UTC))
    events: list[dict[str, Any]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # subjects to re-evaluate

    @property
    def user_id(self) -> int | None:
        return self.actor.user_id if self.actor is not None else None

    async def flush_events(self) -> None:
        """Insert the audit events gathered so far, in their order (ids follow it)."""
        await insert(self.conn, AuditEvent, self.events)
        self.events = []

    def event(self, action: str, kind: str, oid: int | str, before: Any, after: Any) -> None:
        audit = actor_fields(self.actor) | {"at": self.now, "request_id": "", "client_addr": ""}
        self.events.append(
            audit
            | {"action": action, "object_type": kind, "object_id": str(oid)}
            | {"before": before, "after": after}
        )
