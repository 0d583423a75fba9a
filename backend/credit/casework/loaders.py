"""The evidence loader every case domain builds its own from (objections, repairs, reports,
commitments): metadata grouped by owner, one query for all the owners of a request."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from credit.casework.evidence import META_FIELDS
from credit.casework.models import EvidenceFile


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
