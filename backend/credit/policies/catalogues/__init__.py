"""Catalogues of the two seed regulations, as data with stable codes.

Sources (texts copied verbatim; the engine never reads the seed files):
- SY: 沈阳市公安局 沈公发〔2018〕4号《沈阳市安全技术防范行业信用监管规定（试行）》
- WG: 舞钢市公安局 舞公〔2021〕394号《信用分级分类监管制度》

The Shenyang 第九条 texts keep the regulation's own punctuation, including the half-width
``(音)`` and ``, `` of items (十二) and (二十三); only the numbering prefix and the closing
``；``/``。`` are dropped. Codes are stable lower_snake ASCII and never reused.

One module per catalogue: situations (SY 第九条), info_types (SY 第六条, WG 一/三), measures
(SY 第十三条, WG 四), sanctions (sanction kinds and violation domains, WG 二/三). This
package is their one public name: callers import from `credit.policies.catalogues`.
"""

from credit.policies.catalogues.base import SY, WG
from credit.policies.catalogues.info_types import INFO_TYPES, INFO_TYPES_BY_CODE, InfoType
from credit.policies.catalogues.measures import (
    SHENYANG_MEASURES,
    SHENYANG_MEASURES_BY_CODE,
    WUGANG_MEASURES,
    WUGANG_MEASURES_BY_CODE,
    Measure,
)
from credit.policies.catalogues.sanctions import (
    CORRECTION_OR_WARNING,
    PENALTY,
    SANCTION_KINDS,
    SANCTION_KINDS_BY_CODE,
    VIOLATION_DOMAINS,
    VIOLATION_DOMAINS_BY_CODE,
    SanctionKind,
    ViolationDomain,
)
from credit.policies.catalogues.situations import (
    WATCH_SITUATIONS,
    WATCH_SITUATIONS_BY_CODE,
    WatchSituation,
)

__all__ = [
    "CORRECTION_OR_WARNING",
    "INFO_TYPES",
    "INFO_TYPES_BY_CODE",
    "PENALTY",
    "SANCTION_KINDS",
    "SANCTION_KINDS_BY_CODE",
    "SHENYANG_MEASURES",
    "SHENYANG_MEASURES_BY_CODE",
    "SY",
    "VIOLATION_DOMAINS",
    "VIOLATION_DOMAINS_BY_CODE",
    "WATCH_SITUATIONS",
    "WATCH_SITUATIONS_BY_CODE",
    "WG",
    "WUGANG_MEASURES",
    "WUGANG_MEASURES_BY_CODE",
    "InfoType",
    "Measure",
    "SanctionKind",
    "ViolationDomain",
    "WatchSituation",
]
