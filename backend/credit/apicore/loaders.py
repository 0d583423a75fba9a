"""Per-request DataLoaders: every relation field resolves through one of these, so a page
of N subjects costs a fixed number of queries, not N.

Each domain declares its loaders as factories in its own `loaders.py`; a request makes
each at most once, on first use (`info.context.loaders.get(subject_by_id)`), so this
module knows no domain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader
from tortoise.models import Model

M = TypeVar("M", bound=Model)
T = TypeVar("T")


def by_id_loader(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: list[int]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=ids)}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


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


class Loaders:
    """The loaders of one request, made on first use: one per factory."""

    def __init__(self) -> None:
        self._made: dict[Callable[[], Any], Any] = {}

    def get(self, factory: Callable[[], T]) -> T:
        made = self._made.get(factory)
        if made is None:
            made = self._made[factory] = factory()
        return cast(T, made)
