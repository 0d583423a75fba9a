"""The engine at future dates (issue 14, 11: a forecast is the state the rules give if
nothing new happens) and the end of every public record's window (issue 14, 8)."""

from __future__ import annotations

from datetime import timedelta

from credit.policies import ListKind, WugangParams, evaluate_shenyang, evaluate_wugang
from credit.policies.facts import GradeLevel
from credit.policies.tests.builders import ENTERPRISE, PERSON, at, d, fine_v, record

TODAY = "2026-06-01"


def sy(records, day: str = TODAY):
    return evaluate_shenyang(ENTERPRISE, records, at(day))


def wg(records, day: str = TODAY, params: WugangParams | None = None):
    return evaluate_wugang(PERSON, records, at(day), params)


# --- publicUntil --------------------------------------------------------------------------


def test_bad_info_is_public_until_one_year_after_its_publication() -> None:
    # given a watch-list case published on 2026-03-10
    case = record(1, "watch_list_case", "2026-03-01", published="2026-03-10", decided="2026-03-05")
    # when / then: public until (exclusive) 2027-03-10, the day it leaves the public view
    e = sy([case])
    assert e.public_until == {1: d("2027-03-10")}
    assert 1 not in sy([case], "2027-03-10").public_until
    assert sy([case], "2027-03-09").public_until == {1: d("2027-03-10")}


def test_good_info_is_public_until_one_year_after_it_occurred() -> None:
    honour = record(2, "honour", "2026-01-15", published="2026-02-01")
    assert sy([honour]).public_until == {2: d("2027-01-15")}


def test_a_legal_override_wins_and_retention_caps_the_window() -> None:
    overridden = record(
        3,
        "watch_list_case",
        "2026-03-01",
        published="2026-03-10",
        decided="2026-03-05",
        public_until="2026-09-01",
    )
    capped = record(
        4,
        "watch_list_case",
        "2026-03-01",
        published="2026-03-10",
        decided="2026-03-05",
        retention_until="2026-12-01",
    )
    assert sy([overridden, capped]).public_until == {3: d("2026-09-01"), 4: d("2026-12-01")}


def test_basic_info_is_public_until_its_retention_ends() -> None:
    filing = record(5, "filing", "2026-01-10", published="2026-01-10")
    assert sy([filing]).public_until == {5: d("2031-01-10")}


def test_wugang_public_window_runs_from_publication() -> None:
    decision = record(
        6,
        "administrative_decision",
        "2026-04-01",
        published="2026-04-10",
        decided="2026-04-05",
        violations=(fine_v(1000),),
    )
    assert wg([decision]).public_until == {6: d("2027-04-10")}
    assert wg([decision], params=WugangParams(public_years=3)).public_until == {6: d("2029-04-10")}


def test_every_public_record_has_its_end_and_no_other() -> None:
    public = record(7, "watch_list_case", "2026-03-01", published="2026-03-10")
    old = record(8, "watch_list_case", "2024-03-01", published="2024-03-10")
    e = sy([public, old])
    assert set(e.public_until) == e.public_record_ids == {7}


# --- forecasts: the same engine asked about a later day -------------------------------------


def _five_cases(first_published: str = "2022-01-10"):
    """Five watch-list cases; the first leaves its 5-year retention on 2027-01-10."""
    days = [first_published, "2023-05-01", "2024-05-01", "2025-05-01", "2026-05-20"]
    return [
        record(i + 10, "watch_list_case", day, published=day, decided=day, situation="s01")
        for i, day in enumerate(days)
    ]


def test_forecast_the_day_a_blacklisted_enterprise_leaves_the_blacklist() -> None:
    cases = _five_cases()
    today = sy(cases)
    black = [e for e in today.list_entries if e.list == ListKind.BLACK]
    # given the blacklist is reached by five counted cases
    assert len(black) == 1 and black[0].until == d("2027-01-10")
    # then the day before it still holds, and from that day on it is gone
    assert any(e.list == ListKind.BLACK for e in sy(cases, "2027-01-09").list_entries)
    later = sy(cases, "2027-01-10")
    assert not any(e.list == ListKind.BLACK for e in later.list_entries)
    # and the next change predicted today is at or before it
    assert today.next_change_at is not None and today.next_change_at <= at("2027-01-10", 0)


def test_forecast_the_day_a_watch_listed_enterprise_leaves_the_watch_list() -> None:
    case = record(20, "watch_list_case", "2026-05-01", published="2026-05-10", decided="2026-05-05")
    now = sy([case])
    (watch,) = now.list_entries
    assert watch.until == d("2027-05-10")
    assert sy([case], "2027-05-09").list_entries
    assert sy([case], "2027-05-10").list_entries == ()
    # the red list a passed inspection gives comes back once the watch entry has ended
    inspection = record(21, "inspection", "2026-12-01", published="2026-12-01")
    assert [e.list for e in sy([case, inspection], "2027-01-01").list_entries] == [ListKind.WATCH]
    assert [e.list for e in sy([case, inspection], "2027-06-01").list_entries] == [ListKind.RED]


def test_forecast_a_wugang_grade_recovers_when_the_window_passes() -> None:
    fine = record(
        30,
        "administrative_decision",
        "2026-03-01",
        published="2026-03-10",
        decided="2026-03-05",
        violations=(fine_v(1000),),
    )
    assert wg([fine]).grade == GradeLevel.B
    assert wg([fine], "2027-03-04").grade == GradeLevel.B
    assert wg([fine], "2027-03-05").grade == GradeLevel.UNGRADED


def test_walking_the_predicted_changes_reaches_a_subject_with_nothing_left() -> None:
    """Asked at each predicted change in turn, the answer changes there and nowhere
    between: the forecast of any future day is the state of the last change before it."""
    cases = _five_cases()
    e = sy(cases)

    def state(x):
        return (x.list_entries, x.public_record_ids, x.counted_record_ids, x.archived_record_ids)

    for _ in range(50):
        if e.next_change_at is None:
            break
        later = evaluate_shenyang(ENTERPRISE, cases, e.next_change_at)
        just_before = evaluate_shenyang(
            ENTERPRISE, cases, e.next_change_at - timedelta(microseconds=1)
        )
        assert state(just_before) == state(e) != state(later)
        e = later
    assert e.list_entries == () and e.public_record_ids == frozenset()
    assert e.archived_record_ids == {10, 11, 12, 13, 14}
