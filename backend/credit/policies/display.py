"""Catalogue look-ups for display (names and articles by stable code)."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.catalogues import (
    INFO_TYPES_BY_CODE,
    SHENYANG_MEASURES_BY_CODE,
    WUGANG_MEASURES_BY_CODE,
)

# Wugang 四: incentives for A, management measures for B, punishment for C.
_WUGANG_KIND = {"A": "INCENTIVE", "B": "MANAGEMENT", "C": "PUNISHMENT"}


@dataclass(frozen=True)
class MeasureView:
    code: str
    name_zh: str
    article: str
    kind: str


def measure(code: str) -> MeasureView:
    if code in SHENYANG_MEASURES_BY_CODE:
        m = SHENYANG_MEASURES_BY_CODE[code]
        return MeasureView(code, m.name_zh, m.article, "PUNISHMENT")
    m = WUGANG_MEASURES_BY_CODE[code]
    return MeasureView(code, m.name_zh, m.article, _WUGANG_KIND.get(m.grade or "", "MANAGEMENT"))


def info_type_name(code: str) -> str:
    t = INFO_TYPES_BY_CODE.get(code)
    return t.name_zh if t else code


def param_value(name: str, value: object) -> str:
    """A policy parameter's value as a person reads it (names, not codes)."""
    from credit.policies.catalogues import SANCTION_KINDS_BY_CODE
    from credit.policies.params import RETENTION_FROM_LABELS

    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        names = []
        for code in value:
            if code in SANCTION_KINDS_BY_CODE:
                names.append(SANCTION_KINDS_BY_CODE[code].name_zh)
            else:
                names.append(info_type_name(str(code)))
        return "、".join(names) or "（无）"
    if name == "retention_from":
        return RETENTION_FROM_LABELS.get(str(value), str(value))
    return str(value)
