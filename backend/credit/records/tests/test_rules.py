"""The rules of a legally complete record, as plain functions (no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from credit.records import rules
from credit.records.rules import RuleCode, WarningCode

TODAY = date(2026, 6, 1)


def test_listing_sanctioning_and_counting_types_need_a_decision() -> None:
    # derived from the catalogues and the policies' counted types
    for code in (
        "watch_list_case",
        "administrative_decision",
        "interview_or_warning",
        "blacklist",
        "inspection",
        "licence_commitment_violation",
    ):
        assert rules.decision_required(code), code
    for code in ("filing", "honour", "red_list", "honest_operation", "repeat_penalty"):
        assert not rules.decision_required(code), code


def test_watch_list_case_without_decision_names_each_missing_field() -> None:
    errors = rules.decision_errors("watch_list_case", None, None, " ")
    assert [(e.field, e.code) for e in errors] == [
        ("decisionNo", RuleCode.DECISION_REQUIRED),
        ("decisionDate", RuleCode.DECISION_REQUIRED),
        ("issuingUnit", RuleCode.DECISION_REQUIRED),
    ]
    assert all("须填写" in e.message for e in errors)


def test_a_filing_needs_no_decision() -> None:
    assert rules.decision_errors("filing", None, None, "") == []


def test_decision_before_occurrence_is_refused() -> None:
    (error,) = rules.date_errors(date(2026, 3, 2), date(2026, 3, 1), TODAY)
    assert error.field == "decisionDate" and error.code == RuleCode.DATE_ORDER
    assert "不能早于发生日期" in error.message
    assert rules.date_errors(date(2026, 3, 1), date(2026, 3, 1), TODAY) == []


def test_no_date_in_the_future() -> None:
    errors = rules.date_errors(date(2026, 6, 2), date(2026, 6, 3), TODAY)
    assert [(e.field, e.code) for e in errors] == [
        ("occurredOn", RuleCode.FUTURE_DATE),
        ("decisionDate", RuleCode.FUTURE_DATE),
    ]


def test_amounts_within_the_import_bounds() -> None:
    ok = ("a", Decimal("999999999999.99"))
    too_big = ("b", Decimal(10) ** 12)
    negative = ("c", Decimal("-1"))
    nan = ("d", Decimal("NaN"))
    errors = rules.amount_errors([ok, too_big, negative, nan])
    assert [e.field for e in errors] == ["b", "c", "d"]
    assert {e.code for e in errors} == {RuleCode.AMOUNT_OUT_OF_RANGE}


def test_record_errors_collects_every_rule() -> None:
    errors = rules.record_errors(
        "administrative_decision",
        date(2026, 5, 2),
        "舞公（治）决字〔2026〕1号",
        date(2026, 5, 1),
        "",
        TODAY,
        [("violations[0].sanctions[0].amountYuan", Decimal("-5"))],
    )
    assert [e.code for e in errors] == [
        RuleCode.DECISION_REQUIRED,
        RuleCode.DATE_ORDER,
        RuleCode.AMOUNT_OUT_OF_RANGE,
    ]


def test_review_warnings_for_a_reused_number_and_an_old_occurrence() -> None:
    warnings = rules.review_warnings(
        decision_no="沈公技防警〔2026〕1号",
        same_decision_no_elsewhere=1,
        occurred_on=date(2021, 5, 31),
        retention_years=5,
        today=TODAY,
    )
    assert [w.code for w in warnings] == [
        WarningCode.DUPLICATE_DECISION_NO,
        WarningCode.OLDER_THAN_RETENTION,
    ]
    assert "另有 1 条" in warnings[0].message and "5 年" in warnings[1].message


def test_no_warning_for_an_ordinary_record() -> None:
    assert (
        rules.review_warnings(
            decision_no="x",
            same_decision_no_elsewhere=0,
            occurred_on=date(2021, 6, 1),
            retention_years=5,
            today=TODAY,
        )
        == []
    )


def test_years_before_handles_29_february() -> None:
    assert rules.years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)
