"""Per-request DataLoaders: every relation field resolves through one of these, so a page
of N subjects costs a fixed number of queries, not N."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from credit.accounts.models import Unit, User
from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import is_stale
from credit.records.models import CreditRecord, Decision, RecordTransition
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


def grouped_loader(
    model: type[M], key: str, order: tuple[str, ...] = ("id",)
) -> DataLoader[int, list[M]]:
    """Rows grouped by a foreign key: one query for all the keys of a request."""

    async def load(ids: list[int]) -> Sequence[list[M]]:
        groups: dict[int, list[M]] = {i: [] for i in ids}
        for row in await model.filter(**{f"{key}__in": ids}).order_by(*order):
            groups[getattr(row, key)].append(row)
        return [groups[i] for i in ids]

    return DataLoader(load_fn=load)


async def _load_violations(decision_ids: list[int]) -> Sequence[list[Any]]:
    from credit.policies.catalogues import SANCTION_KINDS_BY_CODE
    from credit.records.models import Sanction as SanctionModel
    from credit.records.models import Violation as ViolationModel
    from credit.records.types import Sanction, Violation

    violations = await ViolationModel.filter(decision_id__in=decision_ids).order_by("seq")
    sanctions = await SanctionModel.filter(violation_id__in=[v.id for v in violations]).order_by(
        "id"
    )
    by_violation: dict[int, list[Sanction]] = {v.id: [] for v in violations}
    for s in sanctions:
        kind = SANCTION_KINDS_BY_CODE.get(s.kind)
        by_violation[s.violation_id].append(
            Sanction(
                kind=s.kind, kind_name=kind.name_zh if kind else s.kind, amount_yuan=s.amount_yuan
            )
        )
    groups: dict[int, list[Violation]] = {i: [] for i in decision_ids}
    for v in violations:
        groups[v.decision_id].append(
            Violation(
                seq=v.seq,
                type_code=v.type_code,
                domain=v.domain,
                description=v.description,
                sanctions=by_violation[v.id],
            )
        )
    return [groups[i] for i in decision_ids]


@dataclass
class Loaders:
    actor: Any = None
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
    unit: DataLoader[int, Unit | None] = field(default_factory=lambda: by_id_loader(Unit))
    user: DataLoader[int, User | None] = field(default_factory=lambda: by_id_loader(User))
    decision: DataLoader[int, Decision | None] = field(
        default_factory=lambda: by_id_loader(Decision)
    )
    violations: DataLoader[int, list[Any]] = field(
        default_factory=lambda: DataLoader(load_fn=_load_violations)
    )
    transitions: DataLoader[int, list[RecordTransition]] = field(
        default_factory=lambda: grouped_loader(RecordTransition, "record_id", ("at", "id"))
    )
    records_of_subject: DataLoader[int, list[CreditRecord]] = field(
        default_factory=lambda: grouped_loader(CreditRecord, "subject_id", ("-occurred_on", "-id"))
    )
    extra: dict[str, Any] = field(default_factory=dict)
