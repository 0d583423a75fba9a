"""List entries (红名单/警示目录/黑名单), materialised from each subject's evaluation.

An entry is an interval [since, until): the engine computes `until` as the day it ends
with no new input, so a page of the list asked "as of now" is right without a recompute.
They are rebuilt whenever the subject is re-evaluated; the history of what a list held on
a past date is answered by evaluating that date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from credit.policies.facts import ListKind

if TYPE_CHECKING:
    from credit.subjects.models import District, Subject


class ListEntry(Model):
    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="list_entries", on_delete=fields.RESTRICT
    )
    district: fields.ForeignKeyRelation[District] = fields.ForeignKeyField(
        "credit.District", related_name="list_entries", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(ListKind, max_length=8)
    since = fields.DateField()
    until = fields.DateField(null=True)
    rule = fields.CharField(max_length=64)
    article = fields.CharField(max_length=32)
    decision_no = fields.CharField(max_length=100, null=True)
    record_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)

    subject_id: int
    district_id: int

    class Meta:
        table = "list_entry"
        indexes = (
            ("subject_id",),
            ("kind", "since"),
        )


class ListingDecision(Model):
    """The decision of its own that lists a subject when no record carries one (SY 第十二条:
    every listing decision produces a notice; e.g. a 第十一条 blacklisting reached by the
    count of watch-list cases). Issued once, the day the evaluation first finds the entry;
    never changed afterwards. `identity` is the entry's identity
    (credit.lists.decisions.entry_identity) and `since` the entry's first day then."""

    id = fields.IntField(primary_key=True)
    subject: fields.ForeignKeyRelation[Subject] = fields.ForeignKeyField(
        "credit.Subject", related_name="listing_decisions", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(ListKind, max_length=8)
    identity = fields.CharField(max_length=200)
    since = fields.DateField()
    decision_no = fields.CharField(max_length=100, unique=True)
    decided_on = fields.DateField()
    created_at = fields.DatetimeField(auto_now_add=True)

    subject_id: int

    class Meta:
        table = "listing_decision"
        indexes = (("subject_id", "identity"),)
