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
from credit.core.orm import flat


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


# Object types whose row names its subject: the event belongs to that subject's
# jurisdiction, whoever acted (the administrator acting on a Wugang record included).
def _subject_models() -> dict[str, Any]:
    from credit.associations.models import AssociationMember
    from credit.commitments.models import Commitment
    from credit.notices.models import Notice
    from credit.objections.models import Objection
    from credit.records.models import CreditRecord, Decision
    from credit.reminders.models import Reminder
    from credit.repairs.models import RepairApplication
    from credit.reports.models import PublicReport

    return {
        "credit_record": CreditRecord,
        "decision": Decision,
        "objection": Objection,
        "repair_application": RepairApplication,
        "public_report": PublicReport,
        "reminder": Reminder,
        "notice": Notice,
        "commitment": Commitment,
        "association_member": AssociationMember,
    }


_MAX_ID = 2**31 - 1  # ids are 32-bit (credit.apicore.inputs.MAX_ID)


async def _user_jurisdiction(conn: BaseDBAsyncClient | None, ref: str) -> int | None:
    from credit.accounts.models import Unit, User

    user = await User.filter(username=ref).using_db(conn).first()
    # A username of digits is not an id beyond the id range (the database refuses it).
    if user is None and ref.isdigit() and len(ref) <= 10 and int(ref) <= _MAX_ID:
        user = await User.filter(id=int(ref)).using_db(conn).first()
    if user is None:
        return None
    found = await flat(
        Unit.filter(id=user.unit_id).using_db(conn).values_list("jurisdiction_id", flat=True)
    )
    return int(found[0]) if found and found[0] is not None else None


async def jurisdiction_of(
    conn: BaseDBAsyncClient | None, actor: Actor, object_type: str, object_id: str | int
) -> int | None:
    """The jurisdiction an audit event belongs to (None: the administrator's alone)."""
    from credit.subjects.models import Subject

    try:
        oid = int(object_id)
    except (TypeError, ValueError):
        oid = None
    if oid is not None and not 0 < oid <= _MAX_ID:
        oid = None
    subject_id: int | None = None
    if oid is not None and object_type == "subject":
        subject_id = oid
    elif oid is not None and object_type in _subject_models():
        model = _subject_models()[object_type]
        found = await flat(model.filter(id=oid).using_db(conn).values_list("subject_id", flat=True))
        subject_id = int(found[0]) if found else None
    if object_type == "user" and object_id != "":
        # sign-ins name the user by username, user administration by id
        j_user = await _user_jurisdiction(conn, str(object_id))
        if j_user is not None:
            return j_user
    if subject_id is not None:
        j = await flat(
            Subject.filter(id=subject_id).using_db(conn).values_list("jurisdiction_id", flat=True)
        )
        if j:
            return int(j[0])
    if actor.role == "ADMIN":
        return None
    return actor.jurisdiction_id


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
    jurisdiction_id = await jurisdiction_of(conn, actor, object_type, object_id)
    return await AuditEvent.create(
        jurisdiction_id=jurisdiction_id,
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
