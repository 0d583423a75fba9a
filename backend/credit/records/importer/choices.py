"""The values a coded field accepts: each code, and its Chinese name (as the templates
show), compared after NFKC folding and lower-casing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from credit.policies.catalogues import (
    INFO_TYPES,
    SANCTION_KINDS,
    VIOLATION_DOMAINS,
    WATCH_SITUATIONS,
)
from credit.policies.facts import RecordStatus, SubjectKind
from credit.records.importer.formats.columns import fold


def _table(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    return {fold(k): v for k, v in pairs}


ROW_KINDS = _table(
    [
        *[("subject", "subject"), ("decision", "decision"), ("record", "record")],
        *[("主体", "subject"), ("决定", "decision"), ("信息", "record")],
    ]
)
SUBJECT_KINDS = _table(
    [(k.value, k) for k in SubjectKind]
    + [("企业", SubjectKind.ENTERPRISE), ("法人", SubjectKind.ENTERPRISE)]
    + [("社会组织", SubjectKind.SOCIAL_ORGANISATION)]
    + [("个体工商户", SubjectKind.INDIVIDUAL_BUSINESS), ("自然人", SubjectKind.NATURAL_PERSON)]
)
SUBJECT_KIND_ZH = {
    SubjectKind.ENTERPRISE: "企业",
    SubjectKind.SOCIAL_ORGANISATION: "社会组织",
    SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户",
    SubjectKind.NATURAL_PERSON: "自然人",
}
STATUSES = _table(
    [(s.value, s) for s in (RecordStatus.PUBLISHED, RecordStatus.REVOKED, RecordStatus.REPAIRED)]
    + [("已公布", RecordStatus.PUBLISHED), ("已撤销", RecordStatus.REVOKED)]
    + [("已修复", RecordStatus.REPAIRED)]
)
INFO_TYPE_CODES = _table([(t.code, t) for t in INFO_TYPES] + [(t.name_zh, t) for t in INFO_TYPES])
SITUATION_CODES = _table(
    [(s.code, s.code) for s in WATCH_SITUATIONS] + [(s.name_zh, s.code) for s in WATCH_SITUATIONS]
)
DOMAIN_CODES = _table(
    [(d.code, d.code) for d in VIOLATION_DOMAINS] + [(d.name_zh, d.code) for d in VIOLATION_DOMAINS]
)
SANCTION_CODES = _table(
    [(k.code, k.code) for k in SANCTION_KINDS] + [(k.name_zh, k.code) for k in SANCTION_KINDS]
)
BOOLEANS = _table(
    [(w, True) for w in ("true", "是", "合格", "通过", "1", "yes")]
    + [(w, False) for w in ("false", "否", "不合格", "未通过", "0", "no")]
)
