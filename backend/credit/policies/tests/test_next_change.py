"""next_change_at against a day-by-day scan of rich, fixed histories: the chain of announced
changes must be exactly the days on which the daily evaluation differs from the day before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from credit.policies import Evaluation, RecordFact, evaluate
from credit.policies.tests.builders import ENTERPRISE, at, fine_v, midnight, record, warning_v

# Every transition happens in January–February 2020 (imports carry older decision dates),
# so from March 2020 on only time passes and every later change is one next_change_at must
# announce: bad-info windows from publication, good-info windows from occurrence, overrides,
# retention ends, the blacklist period, red-list suppression and the derived warning.
SHENYANG_HISTORY = [
    *[
        record(
            i,
            "watch_list_case",
            f"2016-{i:02d}-10",
            decided=f"2016-{i + 1:02d}-12",
            published=f"2020-01-{i + 10:02d}",
            situation=f"s{i:02d}",
        )
        for i in range(1, 6)
    ],
    record(6, "watch_list_case", "2019-12-10", published="2020-02-10"),
    record(7, "inspection", "2019-09-01", published="2020-01-03"),
    record(8, "red_list", "2020-02-01", published="2020-02-02", public_until="2021-06-01"),
    record(
        9,
        "administrative_decision",
        "2019-03-01",
        decided="2019-03-02",
        published="2020-01-05",
        violations=(fine_v(1000),),
    ),
    record(
        10,
        "administrative_decision",
        "2020-01-28",
        decided="2020-01-28",
        published="2020-02-29",
        violations=(fine_v(1000),),
    ),
    record(11, "honour", "2019-02-28", published="2020-01-02", public_until="2020-12-01"),
    record(12, "filing", "2017-06-30", published="2020-01-01"),
    record(13, "blacklist", "2020-01-01", published="2020-01-03", retention_until="2020-10-01"),
    record(14, "watch_list_case", "2020-01-01", published="2020-01-01", revoked="2020-02-01"),
    record(15, "hint_other", "2020-01-01", published="2020-02-14", repaired="2020-02-15"),
]

WUGANG_HISTORY = [
    record(
        1,
        "administrative_decision",
        "2019-05-05",
        decided="2019-05-10",
        published="2020-01-12",
        violations=(warning_v(), warning_v("v_b")),
    ),
    record(
        2,
        "administrative_decision",
        "2020-02-29",
        decided="2020-02-29",
        published="2020-02-29",
        violations=(warning_v(),),
    ),
    record(
        3,
        "administrative_decision",
        "2019-06-01",
        decided="2019-06-01",
        published="2020-01-02",
        violations=(fine_v(499_000),),
    ),
    record(
        4,
        "administrative_decision",
        "2019-08-01",
        decided="2019-08-01",
        published="2020-01-03",
        violations=(fine_v(2000),),
    ),
    record(5, "licence_commitment_violation", "2020-01-01", published="2020-01-02"),
    record(6, "red_list", "2020-01-01", decided="2021-03-01", published="2020-01-02"),
    record(7, "inspection", "2020-02-01", decided="2021-05-01", published="2020-02-01"),
    record(
        8,
        "blacklist",
        "2020-01-20",
        decided="2023-03-01",
        published="2020-02-02",
        public_until="2020-05-01",
    ),
    record(
        9,
        "administrative_decision",
        "2020-01-01",
        published="2020-01-01",
        violations=(warning_v(),),
        repaired="2020-02-01",
    ),
    record(10, "filing", "2016-01-01", published="2020-01-01", retention_until="2022-07-01"),
]


def _core(e: Evaluation) -> Evaluation:
    return replace(e, at=midnight("2000-01-01"), next_change_at=None)


@pytest.mark.parametrize(
    ("policy", "records", "start", "end"),
    [
        ("shenyang-jifang-2018", SHENYANG_HISTORY, date(2020, 3, 1), date(2026, 3, 1)),
        ("wugang-2021", WUGANG_HISTORY, date(2020, 3, 1), date(2028, 6, 1)),
    ],
)
def test_next_change_at_matches_a_daily_scan(
    policy: str, records: list[RecordFact], start: date, end: date
) -> None:
    days = [start + timedelta(days=n) for n in range((end - start).days)]
    # evaluate late in the day: by then every transition of that day has happened
    daily = [evaluate(policy, {}, ENTERPRISE, records, at(day, 23, 59)) for day in days]
    change_days = [days[i] for i in range(1, len(days)) if _core(daily[i]) != _core(daily[i - 1])]
    assert len(change_days) >= 12, change_days  # rich enough to mean something
    assert daily[-1].next_change_at is None  # everything archived: nothing left to change
    for i, day in enumerate(days):
        expected = next((c for c in change_days if c > day), None)
        announced = daily[i].next_change_at
        assert announced == (midnight(expected) if expected else None), day
