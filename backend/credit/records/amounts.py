"""The one rule for a sanction's amount in yuan, whoever enters it (the console's form,
the API, an import file): a finite, non-negative number of yuan with at most two decimals
and at most 12 integer digits (the column holds 14 digits, 2 of them decimals)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")
LIMIT = Decimal(10) ** 12


class InvalidAmount(ValueError):
    """The message says what is wrong, in Chinese, for the person who typed it."""


def parse_amount(value: object) -> Decimal:
    """An amount typed as text or given as a number ("1,200.50", 1200.5, Decimal)."""
    if isinstance(value, bool):
        raise InvalidAmount(f"金额应为数字（元）：{value}")
    try:
        if isinstance(value, Decimal):
            amount = value
        else:
            amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise InvalidAmount(f"金额应为数字（元）：{value}") from exc
    return check_amount(amount)


def check_amount(amount: Decimal) -> Decimal:
    """The amount to store, rounded to the cent it already is."""
    if not amount.is_finite():
        raise InvalidAmount(f"金额应为数字（元）：{amount}")
    if amount < 0:
        raise InvalidAmount("金额不能为负数")
    # The limit first: quantizing 1e400 exceeds the decimal context's precision.
    if amount >= LIMIT or amount != amount.quantize(CENT):
        raise InvalidAmount("金额最多两位小数、不超过 12 位整数")
    return amount.quantize(CENT)
