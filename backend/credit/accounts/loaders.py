"""The accounts domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from credit.accounts.models import Unit, User
from credit.apicore.loaders import by_id_loader


def unit_by_id() -> DataLoader[int, Unit | None]:
    return by_id_loader(Unit)


def user_by_id() -> DataLoader[int, User | None]:
    return by_id_loader(User)
