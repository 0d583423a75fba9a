"""The subject domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from credit.apicore.loaders import by_id_loader
from credit.subjects.models import District, Subject


def subject_by_id() -> DataLoader[int, Subject | None]:
    return by_id_loader(Subject)


def district_by_id() -> DataLoader[int, District | None]:
    return by_id_loader(District)
