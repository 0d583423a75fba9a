"""The public snapshot of a subject, as the public lookup shows it (lists, grade, public
records), in plain JSON: what a change event carries in `before` and `after`.

Built with the public GraphQL type's own code (credit.subjects.types.PublicSubject and its
record serialisers), so an event never holds a field the public lookup does not show.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any

from credit.grades.models import Evaluation
from credit.subjects.models import Subject
from credit.subjects.services import snapshot_from_stored
from credit.subjects.types import PublicSubject, derived_public_record, public_record


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def _plain(value: Any) -> Any:
    """JSON of a public type's value (a field the public types gain later included)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _as_dict(value)
    return str(value)


def _as_dict(obj: Any) -> dict[str, Any]:
    return {_camel(f.name): _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def public_snapshot(
    subject: Subject, stored: Evaluation | None, records: dict[int, Any], as_of: date
) -> dict[str, Any]:
    """`records`: the subject's credit records by id (those the evaluation lists as public
    must be there). A subject not evaluated yet shows nothing."""
    if stored is None:
        return {"grade": None, "gradeReasons": [], "lists": [], "records": []}
    public = PublicSubject.from_model(snapshot_from_stored(subject, stored, as_of))
    grade = public.grade()
    items = [public_record(records[i]) for i in public.snapshot.public_record_ids if i in records]
    items.extend(
        derived_public_record(d) for d in public.snapshot.payload.get("derived_records", [])
    )
    items.sort(key=lambda r: str(r.id))
    return {
        "grade": _plain(grade.level) if grade else None,
        "gradeReasons": [_as_dict(r) for r in grade.reasons] if grade else [],
        "lists": [_as_dict(e) for e in public.lists()],
        "records": [_as_dict(r) for r in items],
    }
