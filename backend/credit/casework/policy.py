"""The policy of a case's subject: its regulation, its workflow parameters, and the unit a
notice is issued in the name of."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.accounts.models import Unit
from credit.casework.error_codes import CaseworkError, CaseworkErrorCode
from credit.casework.params import WorkflowParams, workflow_params
from credit.policies.models import Policy
from credit.subjects.models import Jurisdiction, Subject


async def policy_of(conn: BaseDBAsyncClient | None, subject: Subject) -> Policy:
    """The policy row (latest version) of the subject's jurisdiction, for its name, number
    and code."""
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    row = await Policy.filter(code=j.policy_code).using_db(conn).order_by("-version").first()
    if row is None:
        raise CaseworkError(f"政策 {j.policy_code} 未加载", CaseworkErrorCode.INVALID_STATE)
    return row


async def params_of(conn: BaseDBAsyncClient | None, subject: Subject) -> WorkflowParams:
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    return workflow_params(j.policy_code)


async def issuing_unit_name(conn: BaseDBAsyncClient | None, actor: Actor, subject: Subject) -> str:
    """The unit a notice is issued in the name of: the actor's unit, else the bureau of
    the subject's jurisdiction."""
    if actor.unit_id is not None:
        unit = await Unit.get_or_none(id=actor.unit_id, using_db=conn)
        if unit is not None:
            return unit.name
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    return f"{j.name}公安局"
