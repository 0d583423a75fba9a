"""The records domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from credit.apicore.loaders import by_id_loader, grouped_loader
from credit.records.models import CreditRecord, Decision, RecordTransition


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


def record_by_id() -> DataLoader[int, CreditRecord | None]:
    return by_id_loader(CreditRecord)


def decision_by_id() -> DataLoader[int, Decision | None]:
    return by_id_loader(Decision)


def violations_of_decision() -> DataLoader[int, list[Any]]:
    return DataLoader(load_fn=_load_violations)


def transitions_of_record() -> DataLoader[int, list[RecordTransition]]:
    return grouped_loader(RecordTransition, "record_id", ("at", "id"))


def records_of_subject() -> DataLoader[int, list[CreditRecord]]:
    return grouped_loader(CreditRecord, "subject_id", ("-occurred_on", "-id"))
