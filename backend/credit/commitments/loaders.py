"""Per-request DataLoaders of the commitments register, made once per request by
`Loaders.get` so one request shares them: a page of N commitments costs a fixed number
of queries, not N."""

from __future__ import annotations

from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from credit.apicore.context import Info
from credit.apicore.loaders import grouped_loader
from credit.casework.loaders import evidence_loader
from credit.casework.models import EvidenceFile
from credit.commitments.models import Commitment, CommitmentBreach


@dataclass
class CommitmentLoaders:
    # Newest first: the register reads as the latest commitments on top.
    of_subject: DataLoader[int, list[Commitment]] = field(
        default_factory=lambda: grouped_loader(Commitment, "subject_id", ("-signed_on", "-id"))
    )
    breaches: DataLoader[int, list[CommitmentBreach]] = field(
        default_factory=lambda: grouped_loader(CommitmentBreach, "commitment_id", ("id",))
    )
    documents: DataLoader[int, list[EvidenceFile]] = field(
        default_factory=lambda: evidence_loader("commitment")
    )


def loaders(info: Info) -> CommitmentLoaders:
    return info.context.loaders.get(CommitmentLoaders)
