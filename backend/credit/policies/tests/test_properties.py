"""Properties over generated histories (hypothesis): monotone grades, as-of isolation,
and an exact next_change_at."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from credit.policies import (
    POLICY_DEFAULTS,
    GradeLevel,
    RecordFact,
    RecordStatus,
    Transition,
    evaluate,
    evaluate_wugang,
)
from credit.policies.facts import RETROACTIVE_EXITS
from credit.policies.tests.builders import ENTERPRISE, same_result
from credit.policies.tests.strategies import (
    BAD_TYPES,
    as_known_at,
    instants,
    record_facts,
    record_sets,
)

# Order of Wugang grades, best first; "improves" means moving left.
GRADE_RANK = {GradeLevel.A: 3, GradeLevel.UNGRADED: 2, GradeLevel.B: 1, GradeLevel.C: 0}
POLICY = st.sampled_from(sorted(POLICY_DEFAULTS))
FEW = settings(max_examples=60, deadline=None)


@FEW
@given(record_sets(), record_facts(999, BAD_TYPES), instants)
def test_wugang_adding_a_bad_record_never_improves_the_grade(records, bad, at) -> None:
    before = evaluate_wugang(ENTERPRISE, records, at).grade
    after = evaluate_wugang(ENTERPRISE, [*records, bad], at).grade
    assert before is not None and after is not None
    assert GRADE_RANK[after] <= GRADE_RANK[before]


@FEW
@given(POLICY, record_sets(), instants, st.data())
def test_evaluation_at_d_ignores_everything_after_d(policy, records, at, data) -> None:
    # ... but revocations and repairs, which apply to the past (test_retroactive_exits)
    now = evaluate(policy, {}, ENTERPRISE, records, at)
    future: list[RecordFact] = []
    for r in records:  # later transitions on existing records
        status = data.draw(st.sampled_from([None, RecordStatus.PUBLISHED]))
        if status is None or r.transitions[-1].status in RETROACTIVE_EXITS:  # exits are final
            future.append(r)
            continue
        when = max(at, r.transitions[-1].at) + timedelta(
            seconds=data.draw(st.integers(1, 400 * 86_400))
        )
        future.append(replace(r, transitions=(*r.transitions, Transition(status, when))))
    for extra in data.draw(st.lists(record_facts(0), max_size=3)):  # records created after D
        shift = (at - extra.transitions[0].at) + timedelta(
            seconds=data.draw(st.integers(1, 400 * 86_400))
        )
        moved = tuple(Transition(t.status, t.at + shift) for t in extra.transitions)
        future.append(replace(extra, id=1000 + len(future), transitions=moved))
    assert evaluate(policy, {}, ENTERPRISE, future, at) == now


@FEW
@given(POLICY, record_sets(), instants, st.floats(0, 1, exclude_max=True))
def test_next_change_at_is_exact(policy, records, at, fraction) -> None:
    records = as_known_at(records, at)  # only time passes from here on

    def ev(when: datetime):
        return evaluate(policy, {}, ENTERPRISE, records, when)

    now = ev(at)
    change = now.next_change_at
    if change is None:
        assert same_result(now, ev(at + timedelta(days=40 * 366)))
        return
    assert change > at
    assert (change.hour, change.minute, change.second, change.microsecond) == (0, 0, 0, 0)
    last = change - timedelta(microseconds=1)
    inside = min(at + (change - at) * fraction, last)  # timedelta products round
    for when in (inside, last):
        assert same_result(now, ev(when)), when
    assert not same_result(now, ev(change))
