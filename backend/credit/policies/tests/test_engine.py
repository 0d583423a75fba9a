"""Dispatch by policy code, and refusal of input the rules cannot read."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from credit.policies import (
    GradeLevel,
    RecordStatus,
    Transition,
    WugangParams,
    evaluate,
    evaluate_shenyang,
    evaluate_wugang,
)
from credit.policies.tests.builders import ENTERPRISE, at, record, sanction, violation, warning_v

RECORDS = [
    record(
        i,
        "administrative_decision",
        f"2024-01-0{i}",
        published=f"2024-01-0{i}",
        violations=(warning_v(),),
    )
    for i in (1, 2, 3)
]


def test_engine_dispatches_by_policy_code() -> None:
    when = at("2024-06-01")
    assert evaluate("wugang-2021", {}, ENTERPRISE, RECORDS, when) == evaluate_wugang(
        ENTERPRISE, RECORDS, when
    )
    assert evaluate("shenyang-jifang-2018", {}, ENTERPRISE, RECORDS, when) == evaluate_shenyang(
        ENTERPRISE, RECORDS, when
    )
    assert evaluate("wugang-2021", {}, ENTERPRISE, RECORDS, when).grade == GradeLevel.C
    relaxed = evaluate("wugang-2021", {"b_max_count": 3}, ENTERPRISE, RECORDS, when)
    assert relaxed == evaluate_wugang(ENTERPRISE, RECORDS, when, WugangParams(b_max_count=3))
    assert relaxed.grade == GradeLevel.B


def test_engine_refuses_unknown_policy_and_parameter() -> None:
    with pytest.raises(ValueError, match="unknown policy code 'beijing-2030'"):
        evaluate("beijing-2030", {}, ENTERPRISE, [], at("2024-06-01"))
    with pytest.raises(ValueError, match="'window'"):
        evaluate("wugang-2021", {"window": 6}, ENTERPRISE, [], at("2024-06-01"))


GOOD = record(
    1, "administrative_decision", "2024-01-01", published="2024-01-02", violations=(warning_v(),)
)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (replace(GOOD, type="rumour"), "unknown type"),
        (replace(GOOD, type="honour"), "belongs to"),
        (replace(GOOD, transitions=()), "no transitions"),
        (
            replace(GOOD, transitions=(Transition(RecordStatus.VERIFIED, at("2024-01-01")),)),
            "created as draft or published",
        ),
        (
            replace(
                GOOD,
                transitions=(
                    Transition(RecordStatus.DRAFT, at("2024-01-02")),
                    Transition(RecordStatus.PUBLISHED, at("2024-01-01")),
                ),
            ),
            "chronological",
        ),
        (
            replace(GOOD, transitions=(Transition(RecordStatus.PUBLISHED, datetime(2024, 1, 1)),)),
            "aware",
        ),
        (replace(GOOD, violations=(violation("v", sanction("flogging")),)), "sanction kind"),
        (replace(GOOD, violations=(violation("v", sanction("fine", -1)),)), "non-negative"),
        (replace(GOOD, violations=(violation("v"),)), "no sanction"),
        (replace(GOOD, violations=(violation("v", sanction("fine"), domain="space"),)), "domain"),
        (
            record(1, "watch_list_case", "2024-01-01", published="2024-01-02", situation="s27"),
            "situation_code",
        ),
        (
            replace(record(1, "inspection", "2024-01-01"), inspection_passed=None),
            "inspection_passed",
        ),
    ],
)
def test_engine_refuses_unreadable_records(bad, message) -> None:
    for code in ("wugang-2021", "shenyang-jifang-2018"):
        with pytest.raises(ValueError, match=f"record 1: .*{message}"):
            evaluate(code, {}, ENTERPRISE, [bad], at("2024-06-01"))


def test_engine_refuses_duplicate_ids_and_naive_instant() -> None:
    with pytest.raises(ValueError, match="duplicate id"):
        evaluate("wugang-2021", {}, ENTERPRISE, [GOOD, GOOD], at("2024-06-01"))
    with pytest.raises(ValueError, match="aware"):
        evaluate("wugang-2021", {}, ENTERPRISE, [GOOD], datetime(2024, 6, 1))


def test_engine_local_date_is_shanghai_whatever_the_instant_zone() -> None:
    r = [
        record(
            1,
            "administrative_decision",
            "2023-06-01",
            decided="2023-06-01",
            published="2023-06-01",
            violations=(warning_v(),),
        )
    ]
    # the window ends at 2024-06-01 00:00 Shanghai = 2024-05-31 16:00 UTC
    before = datetime(2024, 5, 31, 15, 59, tzinfo=UTC)
    after = datetime(2024, 5, 31, 16, 0, tzinfo=UTC)
    assert evaluate("wugang-2021", {}, ENTERPRISE, r, before).grade == GradeLevel.B
    assert evaluate("wugang-2021", {}, ENTERPRISE, r, after).grade == GradeLevel.UNGRADED
    assert evaluate("wugang-2021", {}, ENTERPRISE, r, before).next_change_at == after
