"""Calendar conventions: years and months forward, the 12-month window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit.policies.tests.builders import d
from credit.policies.timeline import add_months, add_years, yuan


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        ("2024-02-29", 1, "2025-03-01"),
        ("2024-02-29", 4, "2028-02-29"),
        ("2023-03-10", 1, "2024-03-10"),
        ("2020-05-10", 5, "2025-05-10"),
    ],
)
def test_add_years(start, years, end) -> None:
    assert add_years(d(start), years) == d(end)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2024-08-31", 6, "2025-03-01"),
        ("2024-01-31", 1, "2024-03-01"),
        ("2024-12-15", 1, "2025-01-15"),
        ("2024-03-15", 12, "2025-03-15"),
    ],
)
def test_add_months(start, months, end) -> None:
    assert add_months(d(start), months) == d(end)


def _minus_months_clamped(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month + 1, min(day.day, last))


@settings(max_examples=300, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(0, 800), st.integers(1, 36))
def test_window_forward_equals_clamped_backward(start: date, offset: int, months: int) -> None:
    """``d <= D < add_months(d, n)`` is the same as ``d in (D - n months, D]``."""
    day = start + timedelta(days=offset)
    forward = start <= day < add_months(start, months)
    backward = _minus_months_clamped(day, months) < start <= day
    assert forward == backward


def test_yuan_format() -> None:
    from decimal import Decimal

    assert (yuan(Decimal(30000)), yuan(Decimal("1234.5")), yuan(Decimal(0))) == (
        "30,000",
        "1,234.50",
        "0",
    )
