"""Rules of the association's work, as plain functions: what a rating is, how it is
written in the record, and what the association may do (SY 第六条（二）2: 行业协会信用等级
is good information; it enters review like any record).

Who keeps the member register: the association itself (it knows who joined), and the city
bureau of its jurisdiction (to correct it). An association sees and rates only its current
members; a member is an organisation of the association's jurisdiction, never a natural
person."""

from __future__ import annotations

import re
from datetime import date

from credit.policies.facts import SubjectKind

RATINGS = ("AAA", "AA", "A", "B", "C")
NOTE_MAX = 200
RECORD_TYPE = "association_rating"
_SUMMARY = re.compile(r"^行业协会信用等级 (AAA|AA|A|B|C)(?:（|$)")


class AssociationInputError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def check_rating(rating: str, rated_on: date, note: str, today: date) -> str:
    """The rating's normalised note; raises naming the field."""
    if rating not in RATINGS:
        raise AssociationInputError(f"信用等级须为 {'、'.join(RATINGS)} 之一", "rating")
    if rated_on > today:
        raise AssociationInputError("评定日期不得晚于今天", "ratedOn")
    text = note.strip()
    if len(text) > NOTE_MAX:
        raise AssociationInputError(f"说明不得超过{NOTE_MAX}字", "note")
    return text


def rating_summary(rating: str, note: str) -> str:
    return f"行业协会信用等级 {rating}" + (f"（{note}）" if note else "")


def rating_of(summary: str) -> str | None:
    """The rating a record's summary states (written by `rating_summary`)."""
    m = _SUMMARY.match(summary)
    return m.group(1) if m else None


def check_member(
    kind: str, subject_jurisdiction_id: int, association_jurisdiction_id: int | None
) -> None:
    if kind == SubjectKind.NATURAL_PERSON:
        raise AssociationInputError("自然人不能登记为协会会员", "uscc")
    if (
        association_jurisdiction_id is not None
        and subject_jurisdiction_id != association_jurisdiction_id
    ):
        raise AssociationInputError("该企业不在本协会所属辖区", "uscc")


def check_joined_on(joined_on: date, today: date) -> None:
    if joined_on > today:
        raise AssociationInputError("入会日期不得晚于今天", "joinedOn")
