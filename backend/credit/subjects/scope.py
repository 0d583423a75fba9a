"""Data scope, enforced here (the service layer) so that no query path can read another
district's internal data: every internal query starts from `subjects_in_scope`.

Who sees what (issue 11): the system administrator sees every jurisdiction; city roles
and partner tokens their jurisdiction; district roles their district; an enterprise
account its own subject, and of its records only those the public sees or saw."""

from __future__ import annotations

from typing import Any

from tortoise.queryset import QuerySet

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission
from credit.policies.facts import RecordStatus
from credit.subjects.models import Subject

# The states of a record an enterprise may read about itself: published, or published and
# since revoked / repaired (its own objections and repairs name them). Never a draft, a
# record under review, a rejected one.
OUTSIDER_RECORD_STATUSES = frozenset(
    {RecordStatus.PUBLISHED, RecordStatus.REVOKED, RecordStatus.REPAIRED}
)


def is_system_admin(actor: Actor) -> bool:
    """The one role not bounded by a jurisdiction (it administers all of them)."""
    return actor.is_authenticated and actor.role == "ADMIN"


def subjects_in_scope(actor: Actor) -> QuerySet[Subject]:
    query = Subject.all()
    if actor.can(Permission.VIEW_INTERNAL):
        if is_system_admin(actor):
            return query
        if actor.district_id is not None:
            return query.filter(district_id=actor.district_id)
        if actor.jurisdiction_id is not None:
            return query.filter(jurisdiction_id=actor.jurisdiction_id)
        return query.filter(id=-1)  # an internal reader without a jurisdiction sees nothing
    if actor.can(Permission.VIEW_OWN_SUBJECT) and actor.subject_id is not None:
        return query.filter(id=actor.subject_id)
    return query.filter(id=-1)


async def in_scope(actor: Actor, subject_id: int) -> bool:
    return await subjects_in_scope(actor).filter(id=subject_id).exists()


def covers(actor: Actor, subject: Any) -> bool:
    """Whether `subject` (a row with jurisdiction_id and district_id) lies inside the
    caller's jurisdiction (and district, for district roles); the administrator aside."""
    if is_system_admin(actor):
        return True
    if actor.jurisdiction_id is None or subject.jurisdiction_id != actor.jurisdiction_id:
        return False
    return actor.district_id is None or subject.district_id == actor.district_id


def may_see_full_id_number(actor: Actor, subject: Any) -> bool:
    """VIEW_UNMASKED_ID reaches only natural persons of the caller's own jurisdiction: a
    Shenyang partner never receives a Wugang person's number."""
    return actor.can(Permission.VIEW_UNMASKED_ID) and covers(actor, subject)


def reads_internal_records(actor: Actor) -> bool:
    return actor.can(Permission.VIEW_INTERNAL)


def record_visible_to(actor: Actor, record: Any) -> bool:
    """Whether a record (already known to be of a subject in scope) may be shown: staff
    see every state; anyone else only what is or was public."""
    if reads_internal_records(actor):
        return True
    status = record.status.value if hasattr(record.status, "value") else record.status
    return record.published_at is not None and status in OUTSIDER_RECORD_STATUSES


async def writable(actor: Actor, subject: Subject) -> bool:
    """Who may enter records for a subject: its district's officers; city roles of its
    jurisdiction."""
    if actor.district_id is not None:
        return subject.district_id == actor.district_id
    if actor.jurisdiction_id is not None:
        return subject.jurisdiction_id == actor.jurisdiction_id
    return actor.is_authenticated
