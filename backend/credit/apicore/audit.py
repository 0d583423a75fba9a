"""The audit event the mutation runner writes in every mutation's transaction.

The audit trail is a domain (credit.audit: the jurisdiction of an event is read from the
audited row, so it knows the other domains' models), above this layer: the api layer plugs
its writer in when it assembles the application (credit.api.wiring) instead of this layer
importing it. Until then the runner refuses to run: a change nobody can trace is never
committed.
"""

from __future__ import annotations

from typing import Any, Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor


class AuditWriter(Protocol):
    async def __call__(
        self,
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
    ) -> object: ...


_writer: AuditWriter | None = None


def set_writer(writer: AuditWriter) -> None:
    global _writer
    _writer = writer


def writer() -> AuditWriter | None:
    return _writer


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
) -> None:
    if _writer is None:
        raise RuntimeError("no audit writer: credit.api.wiring.wire() plugs credit.audit in")
    await _writer(
        conn,
        actor,
        action,
        object_type=object_type,
        object_id=object_id,
        before=before,
        after=after,
        request_id=request_id,
        client_addr=client_addr,
    )
