"""The audit trail is append-only; admins and reviewers can read it, nobody else."""

from __future__ import annotations

import pytest
from tortoise import connections
from tortoise.exceptions import OperationalError, TransactionManagementError

from credit.accounts.actor import Actor, ActorKind
from credit.audit.models import AuditEvent
from credit.audit.services import record_event
from credit.conftest import gql, sign_in
from credit.testing import make_user


async def test_postgres_refuses_update_and_delete_of_audit_events(db: str) -> None:
    if db != "postgres":
        pytest.skip("the append-only trigger is PostgreSQL's; SQLite is the embedded default")
    event = await record_event(None, Actor(kind=ActorKind.USER, username="u"), "x.y")
    conn = connections.get("default")
    for sql in (
        f"UPDATE audit_event SET action = 'tampered' WHERE id = {event.id}",
        f"DELETE FROM audit_event WHERE id = {event.id}",
    ):
        with pytest.raises((OperationalError, TransactionManagementError), match="append-only"):
            await conn.execute_script(sql)
    assert (await AuditEvent.get(id=event.id)).action == "x.y"


async def test_reviewer_reads_the_trail_an_officer_may_not(make_client) -> None:
    await make_user("reviewer", "CITY_REVIEWER")
    await make_user("officer", "DISTRICT_OFFICER")
    reviewer, officer = make_client(), make_client()
    await sign_in(reviewer, "reviewer")
    await sign_in(officer, "officer")
    query = '{ auditEvents(action: "auth.login") { totalCount edges { node { actorUsername } } } }'
    body = await gql(reviewer, query)
    names = {e["node"]["actorUsername"] for e in body["data"]["auditEvents"]["edges"]}
    assert names == {"reviewer", "officer"}
    denied = await gql(officer, query)
    assert denied["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
