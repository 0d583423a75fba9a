"""The credit repair domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from credit.casework.loaders import evidence_loader
from credit.casework.models import EvidenceFile


def repair_evidence() -> DataLoader[int, list[EvidenceFile]]:
    """The evidence of each repair application, by its id."""
    return evidence_loader("repair")
