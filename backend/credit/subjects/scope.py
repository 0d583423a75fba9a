"""Data scope, enforced here (the service layer) so that no query path can read another
district's internal data: every internal query starts from `subjects_in_scope`."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission
from credit.subjects.models import Subject


def subjects_in_scope(actor: Actor) -> QuerySet[Subject]:
    query = Subject.all()
    if actor.can(Permission.VIEW_INTERNAL):
        if actor.district_id is not None:
            return query.filter(district_id=actor.district_id)
        if actor.jurisdiction_id is not None:
            return query.filter(jurisdiction_id=actor.jurisdiction_id)
        return query
    if actor.can(Permission.VIEW_OWN_SUBJECT) and actor.subject_id is not None:
        return query.filter(id=actor.subject_id)
    return query.filter(id=-1)


async def in_scope(actor: Actor, subject_id: int) -> bool:
    return await subjects_in_scope(actor).filter(id=subject_id).exists()


async def writable(actor: Actor, subject: Subject) -> bool:
    """Who may enter records for a subject: its district's officers; city roles of its
    jurisdiction."""
    if actor.district_id is not None:
        return subject.district_id == actor.district_id
    if actor.jurisdiction_id is not None:
        return subject.jurisdiction_id == actor.jurisdiction_id
    return actor.is_authenticated
