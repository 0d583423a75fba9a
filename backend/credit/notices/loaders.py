"""The notice domain's loaders (factories for `info.context.loaders.get`)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from credit.apicore.loaders import by_id_loader
from credit.notices.models import Notice


def notice_by_id() -> DataLoader[int, Notice | None]:
    return by_id_loader(Notice)
