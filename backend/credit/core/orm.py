"""Where Tortoise's typing falls short, said once.

`values_list(field, flat=True)` returns the field's values, but Tortoise types every
`values_list` as a list of tuples, flat or not: await it through `flat()` to get the list
the query really returns (the element type is the caller's to state).
"""

from __future__ import annotations

from typing import Any, cast

from tortoise.queryset import ValuesListQuery


async def flat(query: ValuesListQuery[Any]) -> list[Any]:
    return cast("list[Any]", await query)
