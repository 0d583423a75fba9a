"""The grades domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import current_evaluation, is_stale
from credit.subjects.models import Subject


async def _load_evaluations(subject_ids: list[int]) -> Sequence[Evaluation]:

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


def evaluation_of_subject() -> DataLoader[int, Evaluation]:
    """The current (never stale) evaluation per subject id."""
    return DataLoader(load_fn=_load_evaluations)
