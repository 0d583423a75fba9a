"""Watches, their change events, and the last public snapshot of each watched subject.

Ordering invariant of `WatchEvent.position` (the cursor partners resume from): positions
are strictly increasing in COMMIT order. A reader that has seen position p never later sees
a new event with a position below p. A sequence alone does not give this (two concurrent
transactions may commit in the opposite order of their sequence values), so positions are
taken from one counter row (table `watch_event_counter`, credit.watches.events) updated
under its row lock, late in the transaction and held until commit: a transaction that
takes positions after another one can only do so once that other one has committed (or
rolled back). Lock order: the counter row is taken just before the public data version
(credit.core.dataversion), which stays the very last lock.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from credit.accounts.models import ApiToken
    from credit.subjects.models import Subject


class WatchEventKind(StrEnum):
    LIST_ENTRY_ADDED = "LIST_ENTRY_ADDED"
    LIST_ENTRY_ENDED = "LIST_ENTRY_ENDED"
    GRADE_CHANGED = "GRADE_CHANGED"
    RECORD_PUBLISHED = "RECORD_PUBLISHED"
    RECORD_REVOKED = "RECORD_REVOKED"
    RECORD_REPAIRED = "RECORD_REPAIRED"
    # A record left its public window (time passing, found by the evaluation sweep).
    RECORD_PUBLIC_WINDOW_ENDED = "RECORD_PUBLIC_WINDOW_ENDED"


# A partner token watches one subject (organisations only: watched by USCC).
class Watch(Model):
    id = fields.IntField(primary_key=True)
    token: fields.ForeignKeyRelation[ApiToken] = fields.ForeignKeyField(
        "credit.ApiToken", related_name="watches", on_delete=fields.CASCADE
    )
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="watches", on_delete=fields.CASCADE
    )
    uscc = fields.CharField(max_length=18)
    created_at = fields.DatetimeField(auto_now_add=True)

    token_id: int
    subject_id: int

    class Meta:
        table = "watch"
        unique_together = (("token", "subject"),)
        indexes = (Index(fields=("subject_id",)),)


# One change of a watched subject's public state. Written in the transaction of the
# change; never updated. before/after hold public fields only (the public lookup's).
class WatchEvent(Model):
    id = fields.BigIntField(primary_key=True)
    position = fields.BigIntField(unique=True)
    event_id = fields.UUIDField(unique=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="watch_events", on_delete=fields.CASCADE
    )
    uscc = fields.CharField(max_length=18)
    kind = fields.CharEnumField(WatchEventKind, max_length=32)
    # Public snapshots (credit.watches.snapshot), null on the side an event has none of;
    # Any: readers index the snapshot they know the event kind to have.
    before: fields.JSONField[Any] = fields.JSONField(null=True)
    after: fields.JSONField[Any] = fields.JSONField(null=True)
    effective_date = fields.DateField()
    # [{"text": Chinese reason, "rule": rule code, "article": article}, ...]
    reasons: fields.JSONField[list[Any]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()

    subject_id: int

    class Meta:
        table = "watch_event"
        indexes = (Index(fields=("subject_id", "position")),)


# The public snapshot of a watched subject as of its last event (one row per watched
# subject): a change, or the sweep at a later clock, diffs the current snapshot with it.
class WatchSnapshot(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.OneToOneRelation[Subject] = fields.OneToOneField(
        "credit.Subject", related_name="watch_snapshot", on_delete=fields.CASCADE
    )
    snapshot: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    taken_at = fields.DatetimeField()

    subject_id: int

    class Meta:
        table = "watch_snapshot"
