"""Per-request DataLoaders of the workflow types, made once per request by `Loaders.get`
so one request shares them: a page of N objections costs a fixed number of queries, not N."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from credit.accounts.models import User
from credit.apicore.context import Info
from credit.apicore.loaders import by_id_loader
from credit.workflows.evidence import META_FIELDS
from credit.workflows.models import EvidenceFile, Notice


def evidence_loader(owner_type: str) -> DataLoader[int, list[EvidenceFile]]:
    """Evidence metadata (never the bytes) grouped by owner id."""

    async def load(ids: list[int]) -> Sequence[list[EvidenceFile]]:
        groups: dict[int, list[EvidenceFile]] = {i: [] for i in ids}
        rows = (
            await EvidenceFile.filter(owner_type=owner_type, owner_id__in=ids)
            .only(*META_FIELDS)
            .order_by("id")
        )
        for row in rows:
            groups[row.owner_id].append(row)
        return [groups[i] for i in ids]

    return DataLoader(load_fn=load)


@dataclass
class WorkflowLoaders:
    objection_evidence: DataLoader[int, list[EvidenceFile]] = field(
        default_factory=lambda: evidence_loader("objection")
    )
    repair_evidence: DataLoader[int, list[EvidenceFile]] = field(
        default_factory=lambda: evidence_loader("repair")
    )
    report_evidence: DataLoader[int, list[EvidenceFile]] = field(
        default_factory=lambda: evidence_loader("report")
    )
    notice: DataLoader[int, Notice | None] = field(default_factory=lambda: by_id_loader(Notice))
    user: DataLoader[int, User | None] = field(default_factory=lambda: by_id_loader(User))


def loaders(info: Info) -> WorkflowLoaders:
    return info.context.loaders.get(WorkflowLoaders)
