"""Workflow parameters: each default resolves an ambiguity of the regulations.

``WORKFLOW_DEFAULTS`` maps a policy code to its parameters (JSON-friendly, the shape a
settings row would store); ``workflow_params(code)`` builds the validated dataclass.
The policy engine's own parameters (credit.policies.params) are not touched.

Reasons for the defaults:
- objection_window_days=30: SY 第十四条 "自公示之日起30日内". The day of publication is not
  counted (民法典 第二百零一条), so a record published on 10-01 may be objected to until
  10-31 inclusive. WG 五 names no period: the Shenyang one is reused.
- objection_deadline_rolls_over=True: 民法典 第二百零三条, a period whose last day is a
  statutory rest day (weekend or holiday, make-up working days count as working) ends on
  the next working day. Off gives a plain calendar count.
- objection_verify_working_days=15: SY 第十四条 "自受理之日起15个工作日内核实完毕"; the
  day of acceptance is not counted.
- due_soon_working_days=3: the "due soon" flag of the open-objection list.
- repair_min_public_months: NDRC Order No. 36《信用修复管理办法》(in force 2026-04-01)
  allows repair only after the minimum publication period of its tier (general 3 months,
  serious 1 year), counted from the decision date (fallback: the publication date).
  Shenyang hint info (约谈/警告, watch-list cases) is the information 第十五条 lifts on
  verified rectification alone: 0 months. Its warning info (blacklist, repeated penalties)
  is the serious tier: 12 months. Wugang hint info is 一般失信 (三（二）) = general tier:
  3 months; warning info is 严重失信 = serious tier: 12 months. Good and basic info are
  never repaired.
- repair_blocked_by_open_reports=True: SY 第十五条 asks that no *valid* complaint arrived
  during publication; a report still being investigated cannot be known to be invalid,
  so removal waits for its outcome.
- notice_lists: lists whose entries (added or removed) produce a notice to the subject:
  SY 第十二条 names the watch list and the blacklist; WG has only red and black lists and
  a blacklisting is the adverse one.
- publish_lists: lists whose changes go to the public sites: all of them (SY 第八条: red,
  watch and black lists are public to all).
- publication_targets: SY 第十二条 信用沈阳 (credit_shenyang), 沈阳警网 (shenyang_police_web),
  and the municipal sharing platform (municipal_platform); WG 五: the municipal platform.
- reminder_targets: WG 五 "局办公室将根据情况推送至市公共信用信息共享服务平台".
- listing_decision_no_format: the document number of a listing decision the product issues
  itself (SY 第十二条) when no record carries one, e.g. a 第十一条 blacklisting reached by the
  count of watch-list cases. ``{list}`` is 红/警/黑, ``{year}`` the year of the decision,
  ``{seq}`` its serial number (unique across the deployment, not restarted each year).
- evidence_*: keep uploads small and of document/image types a reviewer can open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Self

from credit.policies.facts import Category, ListKind
from credit.policies.params import SHENYANG_CODE, WUGANG_CODE

EVIDENCE_CONTENT_TYPES = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/ofd",  # GB/T 33190 版式文档, common for official Chinese documents
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


@dataclass(frozen=True)
class WorkflowParams:
    objection_window_days: int = 30
    objection_deadline_rolls_over: bool = True
    objection_verify_working_days: int = 15
    due_soon_working_days: int = 3
    repair_min_public_months: Mapping[str, int] = field(
        default_factory=lambda: {Category.HINT.value: 0, Category.WARNING.value: 12}
    )
    repair_blocked_by_open_reports: bool = True
    notice_lists: tuple[str, ...] = (ListKind.WATCH.value, ListKind.BLACK.value)
    publish_lists: tuple[str, ...] = (
        ListKind.RED.value,
        ListKind.WATCH.value,
        ListKind.BLACK.value,
    )
    publication_targets: tuple[str, ...] = (
        "credit_shenyang",
        "shenyang_police_web",
        "municipal_platform",
    )
    reminder_targets: tuple[str, ...] = ("municipal_platform",)
    listing_decision_no_format: str = "沈公信{list}决〔{year}〕{seq}号"
    evidence_max_bytes: int = 10 * 1024 * 1024
    evidence_max_files: int = 20
    evidence_content_types: tuple[str, ...] = EVIDENCE_CONTENT_TYPES

    def __post_init__(self) -> None:
        for name in (
            "objection_window_days",
            "objection_verify_working_days",
            "due_soon_working_days",
            "evidence_max_bytes",
            "evidence_max_files",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        for category, months in self.repair_min_public_months.items():
            if category not in (Category.HINT.value, Category.WARNING.value):
                raise ValueError(f"repair_min_public_months: not a bad category {category!r}")
            if isinstance(months, bool) or not isinstance(months, int) or months < 0:
                raise ValueError(f"repair_min_public_months[{category}] must be >= 0")
        if "{seq}" not in self.listing_decision_no_format:
            raise ValueError("listing_decision_no_format must contain {seq}")
        for name in ("notice_lists", "publish_lists"):
            for kind in getattr(self, name):
                if kind not in ListKind.__members__:
                    raise ValueError(f"{name}: unknown list {kind!r}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ValueError(f"unknown workflow parameter {unknown[0]!r}")
        kwargs: dict[str, Any] = {
            k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
        }
        return cls(**kwargs)


WORKFLOW_DEFAULTS: dict[str, dict[str, Any]] = {
    SHENYANG_CODE: {},
    WUGANG_CODE: {
        "repair_min_public_months": {Category.HINT.value: 3, Category.WARNING.value: 12},
        "notice_lists": [ListKind.BLACK.value],
        "publish_lists": [ListKind.RED.value, ListKind.BLACK.value],
        "publication_targets": ["municipal_platform"],
        "listing_decision_no_format": "舞公信{list}决〔{year}〕{seq}号",
    },
}


def workflow_params(policy_code: str) -> WorkflowParams:
    """The parameters of a policy; an unknown policy gets the plain defaults."""
    return WorkflowParams.from_mapping(WORKFLOW_DEFAULTS.get(policy_code, {}))
