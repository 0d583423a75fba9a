"""What a decision finds and imposes: the sanction kinds (Wugang 三（二）) and the violation
domains (Wugang 二)."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.catalogues.base import WG, by_code

PENALTY = "penalty"
CORRECTION_OR_WARNING = "correction_or_warning"


@dataclass(frozen=True)
class SanctionKind:
    code: str
    name_zh: str
    name_en: str
    article: str
    severity: int  # 1 = lightest
    bucket: str  # PENALTY (行政处罚案件) or CORRECTION_OR_WARNING
    monetary: bool  # its amount is part of 罚没款


SANCTION_KINDS: tuple[SanctionKind, ...] = (
    SanctionKind(
        "order_to_correct",
        "责令（限期）改正",
        "Order to correct (within a time limit)",
        f"{WG} 三（二）",
        1,
        CORRECTION_OR_WARNING,
        False,
    ),
    SanctionKind("warning", "警告", "Warning", f"{WG} 三（二）", 2, CORRECTION_OR_WARNING, False),
    SanctionKind("fine", "罚款", "Fine", f"{WG} 三（二）", 3, PENALTY, True),
    SanctionKind(
        "confiscation",
        "没收违法所得、没收非法财物",
        "Confiscation of illegal gains or property",
        f"{WG} 三（二）",
        4,
        PENALTY,
        True,
    ),
    SanctionKind(
        "suspension",
        "责令停产停业、暂扣许可证件",
        "Suspension of business or of a licence",
        f"{WG} 三（二）",
        5,
        PENALTY,
        False,
    ),
    SanctionKind(
        "licence_revocation",
        "吊销许可证件",
        "Licence revocation",
        f"{WG} 三（二）",
        6,
        PENALTY,
        False,
    ),
    SanctionKind(
        "detention", "行政拘留", "Administrative detention", f"{WG} 三（二）", 7, PENALTY, False
    ),
)
SANCTION_KINDS_BY_CODE = by_code(SANCTION_KINDS)


@dataclass(frozen=True)
class ViolationDomain:
    code: str
    name_zh: str
    name_en: str
    article: str


VIOLATION_DOMAINS: tuple[ViolationDomain, ...] = tuple(
    ViolationDomain(code, zh, en, f"{WG} 二")
    for code, zh, en in (
        ("public_order", "治安", "Public order"),
        ("narcotics", "禁毒", "Narcotics control"),
        ("traffic", "交通", "Traffic"),
        ("cyber_security", "网络安全", "Cyber security"),
        ("tech_prevention", "技防", "Technical prevention"),
        ("entry_exit", "出入境", "Entry and exit"),
        ("fire", "消防", "Fire safety"),
        ("other", "其他", "Other"),
    )
)
VIOLATION_DOMAINS_BY_CODE = by_code(VIOLATION_DOMAINS)
