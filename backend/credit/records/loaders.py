"""The records domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from credit.apicore.loaders import by_id_loader, grouped_loader
from credit.records.models import CreditRecord, Decision, RecordTransition, Sanction, Violation


async def _load_violations(
    decision_ids: list[int],
) -> Sequence[list[tuple[Violation, list[Sanction]]]]:
    """Each decision's violations in order, each with its sanctions (rows; the GraphQL
    types are built from them in credit.records.types)."""
    violations = await Violation.filter(decision_id__in=decision_ids).order_by("seq")
    sanctions = await Sanction.filter(violation_id__in=[v.id for v in violations]).order_by("id")
    by_violation: dict[int, list[Sanction]] = {v.id: [] for v in violations}
    for row in sanctions:
        by_violation[row.violation_id].append(row)
    groups: dict[int, list[tuple[Violation, list[Sanction]]]] = {i: [] for i in decision_ids}
    for v in violations:
        groups[v.decision_id].append((v, by_violation[v.id]))
    return [groups[i] for i in decision_ids]


def record_by_id() -> DataLoader[int, CreditRecord | None]:
    return by_id_loader(CreditRecord)


def decision_by_id() -> DataLoader[int, Decision | None]:
    return by_id_loader(Decision)


def violations_of_decision() -> DataLoader[int, list[tuple[Violation, list[Sanction]]]]:
    return DataLoader(load_fn=_load_violations)


def transitions_of_record() -> DataLoader[int, list[RecordTransition]]:
    return grouped_loader(RecordTransition, "record_id", ("at", "id"))


def records_of_subject() -> DataLoader[int, list[CreditRecord]]:
    return grouped_loader(CreditRecord, "subject_id", ("-occurred_on", "-id"))
