"""When a credit record is legally complete, and what a reviewer should look at twice.

Plain functions over plain values (no database): the console's form, the API, the
lifecycle (submit, verify, publish) and the import all call these, so a record refused in
one place is refused in every other with the same code on the same field. Field names are
the API's (camelCase); the importer maps them to its columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from credit.policies.catalogues import INFO_TYPES, INFO_TYPES_BY_CODE, SANCTION_KINDS_BY_CODE
from credit.policies.facts import Category
from credit.policies.params import ShenyangParams, WugangParams
from credit.records.amounts import InvalidAmount, check_amount


class RuleCode(StrEnum):
    DECISION_REQUIRED = "DECISION_REQUIRED"  # a listing/sanctioning record lacks its decision
    DATE_ORDER = "DATE_ORDER"  # the decision is dated before what it decides
    FUTURE_DATE = "FUTURE_DATE"
    AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE"


class WarningCode(StrEnum):
    DUPLICATE_DECISION_NO = "DUPLICATE_DECISION_NO"
    OLDER_THAN_RETENTION = "OLDER_THAN_RETENTION"


@dataclass(frozen=True)
class FieldError:
    field: str
    code: RuleCode
    message: str


@dataclass(frozen=True)
class ReviewWarning:
    code: WarningCode
    message: str


def _counted_types() -> frozenset[str]:
    """The types some list or grade rule counts (the policies' parameters name them)."""
    out: set[str] = set()
    for params in (WugangParams(), ShenyangParams()):
        for name in ("a_record_types", "c_record_types"):
            out.update(getattr(params, name, ()))
    return frozenset(out)


def _decision_types() -> frozenset[str]:
    """A record that lists, sanctions or counts against a subject stands on a decision:
    every bad-information type (提示/警示信息: a sanction, a watch-list case, a blacklist
    entry), and every type a list or grade rule counts except good information (an
    inspection result counts towards the red list, SY 第十条; WG 三（一）)."""
    counted = _counted_types()
    return frozenset(
        t.code
        for t in INFO_TYPES
        if not t.automatic
        and (
            t.category in (Category.HINT, Category.WARNING)
            or (t.code in counted and t.category != Category.GOOD)
        )
    )


DECISION_TYPES = _decision_types()

# Which fields a record of each type takes. Each surface (the console's form, the API, the
# import) words its refusal for its own readers; the rule itself is only here.
SITUATION_TYPE = "watch_list_case"  # SY 第九条: a watch-list case names its situation
INSPECTION_TYPE = "inspection"  # an inspection result says whether it passed


def enterable(type_code: str) -> bool:
    """A known type that people enter (the engine produces the automatic ones)."""
    info_type = INFO_TYPES_BY_CODE.get(type_code)
    return info_type is not None and not info_type.automatic


def takes_situation(type_code: str) -> bool:
    """Only a watch-list case has, and must have, a 第九条 situation (s01–s26)."""
    return type_code == SITUATION_TYPE


def takes_inspection_result(type_code: str) -> bool:
    """Only an inspection result has, and must have, passed/failed."""
    return type_code == INSPECTION_TYPE


def sanction_takes_amount(kind_code: str) -> bool:
    """Only a monetary sanction (a fine, a confiscation) has an amount."""
    kind = SANCTION_KINDS_BY_CODE.get(kind_code)
    return kind is not None and kind.monetary


def decision_required(type_code: str) -> bool:
    return type_code in DECISION_TYPES


def decision_errors(
    type_code: str, decision_no: str | None, decision_date: date | None, issuing_unit: str
) -> list[FieldError]:
    if not decision_required(type_code):
        return []
    out: list[FieldError] = []
    code = RuleCode.DECISION_REQUIRED
    if not (decision_no or "").strip():
        out.append(FieldError("decisionNo", code, "此类信息须填写决定文书号"))
    if decision_date is None:
        out.append(FieldError("decisionDate", code, "此类信息须填写决定日期"))
    if not (issuing_unit or "").strip():
        out.append(FieldError("issuingUnit", code, "此类信息须填写作出决定的单位"))
    return out


def date_errors(occurred_on: date, decision_date: date | None, today: date) -> list[FieldError]:
    out: list[FieldError] = []
    if occurred_on > today:
        out.append(
            FieldError(
                "occurredOn", RuleCode.FUTURE_DATE, f"发生日期不能晚于今天（{today.isoformat()}）"
            )
        )
    if decision_date is not None:
        if decision_date > today:
            out.append(
                FieldError(
                    "decisionDate",
                    RuleCode.FUTURE_DATE,
                    f"决定日期不能晚于今天（{today.isoformat()}）",
                )
            )
        if decision_date < occurred_on:
            out.append(
                FieldError(
                    "decisionDate",
                    RuleCode.DATE_ORDER,
                    f"决定日期不能早于发生日期（{occurred_on.isoformat()}）",
                )
            )
    return out


def amount_errors(amounts: Iterable[tuple[str, Decimal]]) -> list[FieldError]:
    """`amounts`: (field, amount in yuan); the bounds are the import's (records.amounts)."""
    out: list[FieldError] = []
    for field, amount in amounts:
        try:
            check_amount(amount)
        except InvalidAmount as exc:
            out.append(FieldError(field, RuleCode.AMOUNT_OUT_OF_RANGE, str(exc)))
    return out


def record_errors(
    type_code: str,
    occurred_on: date,
    decision_no: str | None,
    decision_date: date | None,
    issuing_unit: str,
    today: date,
    amounts: Iterable[tuple[str, Decimal]] = (),
) -> list[FieldError]:
    """Every rule a record must meet to be entered, submitted, verified or published."""
    return (
        decision_errors(type_code, decision_no, decision_date, issuing_unit)
        + date_errors(occurred_on, decision_date, today)
        + amount_errors(amounts)
    )


def review_warnings(
    *,
    decision_no: str | None,
    same_decision_no_elsewhere: int,
    occurred_on: date,
    retention_years: int,
    today: date,
) -> list[ReviewWarning]:
    """What is unusual but not wrong: a reviewer looks twice before verifying."""
    out: list[ReviewWarning] = []
    if decision_no and same_decision_no_elsewhere:
        out.append(
            ReviewWarning(
                WarningCode.DUPLICATE_DECISION_NO,
                f"决定文书号 {decision_no} 另有 {same_decision_no_elsewhere} 条信用信息使用，"
                "请核对是否重复录入",
            )
        )
    if occurred_on < years_before(today, retention_years):
        out.append(
            ReviewWarning(
                WarningCode.OLDER_THAN_RETENTION,
                f"发生日期 {occurred_on.isoformat()} 早于 {retention_years} 年保存期限，"
                "公布后不会计入评价",
            )
        )
    return out


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
