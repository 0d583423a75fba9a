"""Which association a caller acts for: an association account for its own unit only; a
city-bureau user for an association unit of its jurisdiction, named by id."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from credit.accounts.actor import Actor
from credit.accounts.models import Role, Unit, UnitKind
from credit.associations.models import AssociationMember


class NoAssociation(LookupError):
    """Unknown, not an association, or outside the caller's reach: one answer for all."""


async def association_for(
    actor: Actor, association_id: str | None, conn: BaseDBAsyncClient | None = None
) -> Unit:
    if actor.role == Role.ASSOCIATION.value:
        if association_id not in (None, "", str(actor.unit_id)):
            raise NoAssociation
        unit = await Unit.get_or_none(id=actor.unit_id, using_db=conn)
    else:
        try:
            uid = int(association_id or "")
        except ValueError as exc:
            raise NoAssociation from exc
        unit = await Unit.get_or_none(id=uid, using_db=conn)
        if unit is not None and unit.jurisdiction_id != actor.jurisdiction_id:
            unit = None
    if unit is None or unit.kind != UnitKind.ASSOCIATION:
        raise NoAssociation
    return unit


def current_members(unit_id: int) -> QuerySet[AssociationMember]:
    return AssociationMember.filter(association_id=unit_id, left_at__isnull=True)


async def is_member(unit_id: int, subject_id: int, conn: BaseDBAsyncClient | None = None) -> bool:
    return await current_members(unit_id).filter(subject_id=subject_id).using_db(conn).exists()
