"""Revocation and repair apply to the past (issue 11 item 4).

DOMAIN.md: a revoked (objection upheld) or repaired record stops counting at once,
including in the history, and is never public again. So an evaluation "as of D" made
today applies today's revocations and repairs, even when they happened after D; every
other later transition is still ignored (as-of isolation, see test_properties).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit.policies import (
    POLICY_DEFAULTS,
    ListKind,
    RecordFact,
    RecordStatus,
    Transition,
    evaluate,
    evaluate_shenyang,
    evaluate_wugang,
    record_status_at,
)
from credit.policies.tests.builders import (
    ENTERPRISE,
    PERSON,
    at,
    fine_v,
    record,
    warning_v,
)
from credit.policies.tests.strategies import instants, record_sets

EXITS = (RecordStatus.REVOKED, RecordStatus.REPAIRED)


def _exit_kwargs(status: RecordStatus, day: str) -> dict[str, Any]:
    return {"revoked": day} if status == RecordStatus.REVOKED else {"repaired": day}


@pytest.mark.parametrize("status", EXITS)
def test_a_later_exit_replaces_the_published_status_at_every_past_instant(
    status: RecordStatus,
) -> None:
    r = record(
        1,
        "hint_other",
        "2024-01-01",
        published="2024-01-10",
        reviewed=True,
        **_exit_kwargs(status, "2024-02-01"),
    )
    # before publication the record is what it was (it never counted then either)
    assert record_status_at(r, at("2024-01-06")) is None
    assert record_status_at(r, at("2024-01-07", 10)) == RecordStatus.DRAFT
    assert record_status_at(r, at("2024-01-09", 11)) == RecordStatus.VERIFIED
    # from its publication on, it is revoked / repaired: today's knowledge of the past
    assert record_status_at(r, at("2024-01-10", 10)) == status
    assert record_status_at(r, at("2024-02-01", 14)) == status
    assert record_status_at(r, at("2024-02-01", 15)) == status


@pytest.mark.parametrize("status", EXITS)
def test_shenyang_a_watch_case_revoked_or_repaired_later_is_gone_from_the_past(
    status: RecordStatus,
) -> None:
    # given: a 第九条 watch-list case published 2024-03-01, revoked/repaired 2024-04-15
    case = record(
        1,
        "watch_list_case",
        "2024-02-20",
        decided="2024-02-25",
        published="2024-03-01",
        **_exit_kwargs(status, "2024-04-15"),
    )
    kept = replace(case, transitions=case.transitions[:1])  # the same case, never revoked
    # when: evaluated as of 2024-03-20, a day it was public before the exit
    past = evaluate_shenyang(ENTERPRISE, [case], at("2024-03-20"))
    control = evaluate_shenyang(ENTERPRISE, [kept], at("2024-03-20"))
    # then: no watch-list entry, no measure, nothing public or counted
    assert [e.list for e in control.list_entries] == [ListKind.WATCH]  # the test can fail
    assert past.list_entries == ()
    assert past.measures == ()
    assert past.public_record_ids == frozenset()
    assert past.counted_record_ids == frozenset()
    assert all(1 not in r.record_ids for r in past.reasons)


def test_shenyang_blacklist_reached_with_a_case_revoked_later_never_was() -> None:
    # given: five watch cases; the third is revoked on 2024-08-01 (objection upheld)
    cases = [
        record(
            i,
            "watch_list_case",
            f"2024-0{i}-01",
            decided=f"2024-0{i}-02",
            published=f"2024-0{i}-03",
            revoked="2024-08-01" if i == 3 else None,
        )
        for i in range(1, 6)
    ]
    # when: evaluated as of 2024-06-01, when five had been published
    past = evaluate_shenyang(ENTERPRISE, cases, at("2024-06-01"))
    # then: four watch entries, and no blacklist entry
    assert sorted(e.list for e in past.list_entries) == [ListKind.WATCH] * 4
    assert all(3 not in e.record_ids for e in past.list_entries)


def test_shenyang_the_warning_derived_from_a_penalty_revoked_later_never_was() -> None:
    first = record(
        1,
        "administrative_decision",
        "2023-01-10",
        decided="2023-01-10",
        published="2023-01-10",
        violations=(fine_v(1000),),
    )
    second = record(
        2,
        "administrative_decision",
        "2023-06-10",
        decided="2023-06-10",
        published="2023-06-10",
        violations=(fine_v(2000),),
    )
    revoked_first = replace(
        first, transitions=(*first.transitions, Transition(RecordStatus.REVOKED, at("2023-06-20")))
    )
    assert evaluate_shenyang(ENTERPRISE, [first, second], at("2023-06-15")).derived_records
    past = evaluate_shenyang(ENTERPRISE, [revoked_first, second], at("2023-06-15"))
    assert past.derived_records == ()


@pytest.mark.parametrize("status", EXITS)
def test_wugang_grade_as_of_before_the_exit_ignores_the_record(status: RecordStatus) -> None:
    # given: three warnings in 2024 (C); the third revoked / repaired on 2024-05-01
    records = [
        record(
            i,
            "administrative_decision",
            f"2024-01-0{i}",
            decided=f"2024-01-0{i}",
            published=f"2024-01-0{i + 1}",
            violations=(warning_v(),),
            **(_exit_kwargs(status, "2024-05-01") if i == 3 else {}),
        )
        for i in range(1, 4)
    ]
    # when / then: as of 2024-04-30 the grade is B (two warnings), not C
    e = evaluate_wugang(PERSON, records, at("2024-04-30"))
    assert e.grade is not None and e.grade.value == "B"
    assert 3 not in e.counted_record_ids and 3 not in e.public_record_ids
    assert all(3 not in r.record_ids for r in e.grade_reasons)


FEW = settings(max_examples=60, deadline=None)
POLICY = st.sampled_from(sorted(POLICY_DEFAULTS))


def _exit_later(r: RecordFact, status: RecordStatus, after: timedelta) -> RecordFact:
    when = r.transitions[-1].at + after
    return replace(r, transitions=(*r.transitions, Transition(status, when)))


@FEW
@given(POLICY, record_sets(), instants, st.data())
def test_a_record_revoked_at_any_later_time_is_as_if_it_never_was(
    policy, records, at_, data
) -> None:
    # given: any published records, some revoked at any time after their last transition
    chosen = data.draw(st.sets(st.sampled_from([r.id for r in records]))) if records else set()
    later = timedelta(seconds=data.draw(st.integers(1, 400 * 86_400)))
    with_exits = [
        _exit_later(r, RecordStatus.REVOKED, later)
        if r.id in chosen and r.transitions[-1].status == RecordStatus.PUBLISHED
        else r
        for r in records
    ]
    revoked = {r.id for r in with_exits if r.transitions[-1].status == RecordStatus.REVOKED}
    # then: at every instant the result is the one without those records at all
    without = [r for r in with_exits if r.id not in revoked]
    assert evaluate(policy, {}, ENTERPRISE, with_exits, at_) == evaluate(
        policy, {}, ENTERPRISE, without, at_
    )


@FEW
@given(POLICY, record_sets(), instants, st.data())
def test_a_record_repaired_at_any_later_time_never_counts_nor_is_public(
    policy, records, at_, data
) -> None:
    chosen = data.draw(st.sets(st.sampled_from([r.id for r in records]))) if records else set()
    later = timedelta(seconds=data.draw(st.integers(1, 400 * 86_400)))
    with_exits = [
        _exit_later(r, RecordStatus.REPAIRED, later)
        if r.id in chosen and r.transitions[-1].status == RecordStatus.PUBLISHED
        else r
        for r in records
    ]
    repaired = {r.id for r in with_exits if r.transitions[-1].status == RecordStatus.REPAIRED}
    without = [r for r in with_exits if r.id not in repaired]
    e = evaluate(policy, {}, ENTERPRISE, with_exits, at_)
    w = evaluate(policy, {}, ENTERPRISE, without, at_)
    # a repaired record stays in the archive, so only the archive may differ
    assert not (e.public_record_ids | e.counted_record_ids) & repaired
    assert (e.grade, e.grade_reasons, e.list_entries, e.derived_records, e.measures) == (
        w.grade,
        w.grade_reasons,
        w.list_entries,
        w.derived_records,
        w.measures,
    )
    assert e.public_record_ids == w.public_record_ids
    assert e.counted_record_ids == w.counted_record_ids
