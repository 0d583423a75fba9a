"""Per-request DataLoaders: every relation field resolves through one of these, so a page
of N subjects costs a fixed number of queries, not N."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import is_stale
from credit.records.models import CreditRecord
from credit.subjects.models import District, Subject

M = TypeVar("M", bound=Model)


def by_id_loader(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: list[int]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=ids)}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _load_evaluations(subject_ids: list[int]) -> Sequence[Evaluation]:
    from credit.grades.services import current_evaluation

    rows = {e.subject_id: e for e in await Evaluation.filter(subject_id__in=subject_ids)}
    at = clock.now()
    out: list[Evaluation] = []
    for sid in subject_ids:
        stored = rows.get(sid)
        if is_stale(stored, at):
            subject = await Subject.get(id=sid)
            stored = await current_evaluation(subject)
        assert stored is not None
        out.append(stored)
    return out


@dataclass
class Loaders:
    district: DataLoader[int, District | None] = field(
        default_factory=lambda: by_id_loader(District)
    )
    subject: DataLoader[int, Subject | None] = field(default_factory=lambda: by_id_loader(Subject))
    record: DataLoader[int, CreditRecord | None] = field(
        default_factory=lambda: by_id_loader(CreditRecord)
    )
    # Current (never stale) evaluation per subject id.
    evaluation: DataLoader[int, Evaluation] = field(
        default_factory=lambda: DataLoader(load_fn=_load_evaluations)
    )
    extra: dict[str, Any] = field(default_factory=dict)
