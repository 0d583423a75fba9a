"""What every catalogue shares: the two seed regulations' document numbers, the Chinese
ordinals of their items, and the table of entries by their stable code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

SY = "沈公发〔2018〕4号"
WG = "舞公〔2021〕394号"


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_T = TypeVar("_T", bound=_Coded)


def by_code(entries: Iterable[_T]) -> dict[str, _T]:
    table: dict[str, _T] = {}
    for entry in entries:
        if entry.code in table:
            raise ValueError(f"duplicate catalogue code {entry.code!r}")
        table[entry.code] = entry
    return table


# The item ordinals of the regulations: （一）…（二十六）.
NUMERALS = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
)
