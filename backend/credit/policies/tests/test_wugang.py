"""舞公〔2021〕394号: grades on both sides of each threshold and window boundary."""

from __future__ import annotations

import pytest

from credit.policies import (
    GradeLevel,
    ListKind,
    RecordFact,
    ViolationFact,
    WugangParams,
    evaluate_wugang,
)
from credit.policies.tests.builders import (
    PERSON,
    at,
    d,
    fine_v,
    midnight,
    record,
    sanction,
    violation,
    warning_v,
)

A, B, C, U = GradeLevel.A, GradeLevel.B, GradeLevel.C, GradeLevel.UNGRADED


def ev(records: list[RecordFact], day: str, params: WugangParams | None = None, hour: int = 12):
    return evaluate_wugang(PERSON, records, at(day, hour), params)


def decisions(*violation_sets: tuple[ViolationFact, ...], month: int = 1) -> list[RecordFact]:
    """One administrative decision per item, decided on successive days of 2024-``month``."""
    return [
        record(
            i,
            "administrative_decision",
            f"2024-{month:02d}-{i:02d}",
            decided=f"2024-{month:02d}-{i:02d}",
            published=f"2024-{month:02d}-{i + 1:02d}",
            violations=vs,
        )
        for i, vs in enumerate(violation_sets, start=1)
    ]


def rule_of(e) -> list[str]:
    return [r.rule for r in e.grade_reasons]


# --- 三（二）/（三）: counts of a kind -----------------------------------------------------


@pytest.mark.parametrize(("warnings", "grade"), [(1, B), (2, B), (3, C)])
def test_wugang_3_2_warnings_two_is_b_three_is_c(warnings: int, grade: GradeLevel) -> None:
    e = ev(decisions(*[(warning_v(),)] * warnings), "2024-06-01")
    assert e.grade == grade
    assert rule_of(e) == (
        ["b_correction_or_warning"] if grade == B else ["c_correction_or_warning"]
    )
    assert e.grade_reasons[0].record_ids == tuple(range(1, warnings + 1))


@pytest.mark.parametrize(("cases", "grade"), [(2, B), (3, C)])
def test_wugang_3_2_penalty_cases_two_is_b_three_is_c(cases: int, grade: GradeLevel) -> None:
    assert ev(decisions(*[(fine_v(100),)] * cases), "2024-06-01").grade == grade


@pytest.mark.parametrize(("breaches", "grade"), [(2, B), (3, C)])
def test_wugang_3_2_licence_commitment_two_is_b_three_is_c(breaches, grade) -> None:
    records = [
        record(
            i, "licence_commitment_violation", f"2024-01-{i:02d}", published=f"2024-01-{i + 1:02d}"
        )
        for i in range(1, breaches + 1)
    ]
    e = ev(records, "2024-06-01")
    assert e.grade == grade
    assert rule_of(e) == ([f"{'b' if grade == B else 'c'}_licence_commitment"])


def test_wugang_3_2_one_of_each_kind_up_to_two_is_still_b() -> None:
    records = decisions((warning_v(),), (warning_v(),), (fine_v(10),), (fine_v(10),))
    records += [record(9, "licence_commitment_violation", "2024-02-01", published="2024-02-01")]
    e = ev(records, "2024-06-01")
    assert e.grade == B
    assert rule_of(e) == ["b_correction_or_warning", "b_penalty", "b_licence_commitment"]


@pytest.mark.parametrize(
    ("amounts", "grade"),
    [
        ((500_000,), B),
        ((500_001,), C),
        ((250_000, 250_000), B),
        ((250_000, 250_001), C),
        (("499999.99",), B),
    ],
)
def test_wugang_3_2_fines_500000_is_b_500001_is_c(amounts, grade) -> None:
    e = ev(decisions(*[(fine_v(a),) for a in amounts]), "2024-06-01")
    assert e.grade == grade
    assert ("c_fine_total" in rule_of(e)) is (grade == C)


def test_wugang_3_2_confiscation_counts_towards_the_money_total() -> None:
    v = violation("v_a", sanction("fine", 300_000), sanction("confiscation", 200_001))
    e = ev(decisions((v,)), "2024-06-01")
    assert e.grade == C
    assert "罚没款合计500,001元，超过500,000元" in e.grade_reasons[-1].summary


def test_wugang_3_penalty_reason_names_count_and_fine_total() -> None:
    e = ev(decisions((fine_v(10_000),), (fine_v(20_000),)), "2024-06-01")
    assert [r.summary for r in e.grade_reasons] == ["近12个月内行政处罚2次，罚没款合计30,000元"]
    assert e.grade_reasons[0].article == "三（二）"


# --- 三: severity of one decision ------------------------------------------------------------


def test_wugang_3_warning_plus_fine_counts_once_as_a_penalty() -> None:
    both = violation("v_a", sanction("warning"), sanction("fine", 1000))
    e = ev(decisions((both,), (warning_v(),), (warning_v(),)), "2024-06-01")
    # three decisions, but the first is a penalty: 2 warnings + 1 penalty → B, not C
    assert e.grade == B
    assert rule_of(e) == ["b_correction_or_warning", "b_penalty"]
    assert e.grade_reasons[1].summary == "近12个月内行政处罚1次，罚没款合计1,000元"


@pytest.mark.parametrize(("violations_in_one", "grade"), [(1, B), (2, B), (3, C)])
def test_wugang_3_one_decision_with_several_violations_counts_each(violations_in_one, grade):
    one = tuple(warning_v(f"v_{i}") for i in range(violations_in_one))
    e = ev(decisions(one), "2024-06-01")
    assert e.grade == grade
    expected = f"近12个月内责令（限期）改正、警告{violations_in_one}次"
    assert e.grade_reasons[0].summary.startswith(expected)


def test_wugang_3_decision_with_two_violations_plus_one_more_is_c() -> None:
    assert ev(decisions((warning_v("x"), warning_v("y")), (warning_v(),)), "2024-06-01").grade == C


# --- 三: the rolling 12 months ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "grade"),
    [
        ("2024-03-14", U),  # decided the next day
        ("2024-03-15", B),  # decision date
        ("2025-03-14", B),  # day before 12 months
        ("2025-03-15", U),  # day of: out of the window
        ("2025-03-16", U),
    ],
)
def test_wugang_3_twelve_month_window_by_decision_date(day, grade) -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2024-03-01",
            decided="2024-03-15",
            published="2024-03-10",
            violations=(warning_v(),),
        )
    ]
    e = ev(r, day)
    assert e.grade == grade
    assert (1 in e.counted_record_ids) is (grade == B)


@pytest.mark.parametrize(("day", "grade"), [("2025-02-28", B), ("2025-03-01", U)])
def test_wugang_3_window_from_feb_29_ends_on_mar_1(day, grade) -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2024-02-29",
            decided="2024-02-29",
            published="2024-02-29",
            violations=(warning_v(),),
        )
    ]
    assert ev(r, day).grade == grade


def test_wugang_3_window_end_is_next_change() -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2024-03-01",
            decided="2024-03-15",
            published="2024-03-10",
            violations=(warning_v(),),
        )
    ]
    assert ev(r, "2024-12-01").next_change_at == midnight("2025-03-10")  # public window first
    assert ev(r, "2025-03-10").next_change_at == midnight("2025-03-15")  # then the grade


def test_wugang_3_third_warning_leaving_window_turns_c_into_b() -> None:
    records = decisions((warning_v(),), (warning_v(),), (warning_v(),))
    # decided 2024-01-01, -02, -03: the first leaves the window on 2025-01-01
    assert ev(records, "2024-12-31", hour=23).grade == C
    assert ev(records, "2024-12-31", hour=23).next_change_at == midnight("2025-01-01")
    assert ev(records, "2025-01-01", hour=0).grade == B


# --- 三（一）/ ungraded ---------------------------------------------------------------------


def test_wugang_3_clean_subject_is_ungraded() -> None:
    e = ev([], "2024-06-01")
    assert (e.grade, e.measures, e.list_entries) == (U, (), ())
    assert rule_of(e) == ["ungraded"]
    assert e.next_change_at is None
    filing = [record(1, "filing", "2024-01-01", published="2024-01-02")]
    assert ev(filing, "2024-06-01").grade == U


def test_wugang_3_bad_info_without_violation_is_ungraded_not_a() -> None:
    records = [
        record(1, "red_list", "2024-01-01", published="2024-01-02"),
        record(2, "hint_other", "2024-02-01", published="2024-02-02"),
    ]
    e = ev(records, "2024-06-01")
    assert e.grade == U and e.list_entries == ()
    assert e.grade_reasons[0].record_ids == (2,)


@pytest.mark.parametrize(
    ("records", "grade", "red"),
    [
        ([record(1, "red_list", "2024-01-01", published="2024-01-02")], A, True),
        ([record(1, "inspection", "2024-01-01", published="2024-01-02", passed=True)], A, False),
        ([record(1, "inspection", "2024-01-01", published="2024-01-02", passed=False)], U, False),
        (
            [
                record(1, "red_list", "2024-01-01", published="2024-01-02"),
                record(
                    2,
                    "administrative_decision",
                    "2024-02-01",
                    published="2024-02-02",
                    violations=(warning_v(),),
                ),
            ],
            B,
            False,
        ),  # B beats A: no red entry either
        ([record(1, "honour", "2024-01-01", published="2024-01-02")], U, False),
    ],
)
def test_wugang_3_1_grade_a_from_red_list_conditions(records, grade, red) -> None:
    e = ev(records, "2024-06-01")
    assert e.grade == grade
    assert (ListKind.RED in {x.list for x in e.list_entries}) is red
    if grade == A:
        assert rule_of(e) == ["a_red_list_conditions"]
        assert e.measures == ("wg_a1", "wg_a2", "wg_a3", "wg_a4", "wg_a5")


def test_wugang_3_1_red_entry_may_show_beside_other_grades_when_configured() -> None:
    records = [
        record(1, "red_list", "2024-01-01", published="2024-01-02"),
        record(
            2,
            "administrative_decision",
            "2024-02-01",
            published="2024-02-02",
            violations=(warning_v(),),
        ),
    ]
    e = ev(records, "2024-06-01", WugangParams(red_entry_requires_grade_a=False))
    assert e.grade == B and [x.list for x in e.list_entries] == [ListKind.RED]


@pytest.mark.parametrize(("day", "grade"), [("2024-12-31", A), ("2025-01-01", U)])
def test_wugang_3_1_red_list_record_counts_for_twelve_months(day, grade) -> None:
    r = [record(1, "red_list", "2024-01-01", published="2024-01-02", decision_no="舞公红1")]
    e = ev(r, day)
    assert e.grade == grade
    if grade == A:
        (entry,) = e.list_entries
        assert (entry.list, entry.since, entry.until, entry.decision_no) == (
            ListKind.RED,
            d("2024-01-01"),
            d("2025-01-01"),
            "舞公红1",
        )


def test_wugang_3_3_blacklist_record_is_c_with_black_entry() -> None:
    r = [record(1, "blacklist", "2024-01-01", published="2024-01-02")]
    e = ev(r, "2024-06-01")
    assert e.grade == C and rule_of(e) == ["c_record"]
    assert [(x.list, x.record_ids) for x in e.list_entries] == [(ListKind.BLACK, (1,))]
    assert e.measures == tuple(f"wg_c{i}" for i in range(1, 8))


def test_wugang_4_measures_follow_the_grade() -> None:
    assert ev(decisions((warning_v(),)), "2024-06-01").measures == ("wg_b1", "wg_b2", "wg_b3")


# --- objection, repair, as-of ---------------------------------------------------------------


# Before the revocation too: it applies to the past (issue 11).
@pytest.mark.parametrize(("day", "grade"), [("2024-04-30", B), ("2024-05-02", B)])
def test_wugang_5_revoked_decision_changes_grade_at_once(day, grade) -> None:
    records = decisions((warning_v(),), (warning_v(),))
    records.append(
        record(
            3,
            "administrative_decision",
            "2024-01-03",
            decided="2024-01-03",
            published="2024-01-04",
            violations=(warning_v(),),
            revoked="2024-05-01",
        )
    )
    assert ev(records, day).grade == grade


def test_wugang_verified_but_unpublished_decision_does_not_count() -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2024-01-01",
            verified_only="2024-01-05",
            violations=(warning_v(),),
        )
    ]
    e = ev(r, "2024-06-01")
    assert e.grade == U and e.counted_record_ids == frozenset()


# --- public window and archive ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "public", "archived"),
    [
        ("2021-01-05", True, False),
        ("2022-01-04", True, False),  # day before 1 year from publication
        ("2022-01-05", False, False),  # day of
        ("2025-12-31", False, False),  # day before 5 years from the decision date
        ("2026-01-01", False, True),
    ],
)
def test_wugang_public_one_year_from_publication_then_archived(day, public, archived) -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2020-12-20",
            decided="2021-01-01",
            published="2021-01-05",
            violations=(warning_v(),),
        )
    ]
    e = ev(r, day, hour=0 if day == "2026-01-01" else 12)
    assert (1 in e.public_record_ids) is public
    assert (1 in e.archived_record_ids) is archived
