"""Always correct as of now: a stored evaluation is never served past its next_change_at,
whether or not a sweep has run; the sweep catches up whatever it missed."""

from __future__ import annotations

from datetime import timedelta

from credit.conftest import gql
from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import sweep
from credit.records.services import RecordInput, create_published
from credit.testing import make_subject

LOOKUP = "query($u: String!) { subject(uscc: $u) { lists { list until } } }"
PAGE = "{ listEntries(list: WATCH) { totalCount } }"


async def _listed_subject():
    s = await make_subject()
    today = clock.today()
    published = today - timedelta(days=364)
    await create_published(
        s,
        RecordInput(
            type="watch_list_case",
            occurred_on=published,
            summary="情形",
            situation_code="s03",
            decision_no="沈公技防警〔2025〕7号",
            decision_date=published,
            issuing_unit="公安局",
        ),
        published,
        None,
    )
    return s


async def test_lookup_recomputes_a_stale_evaluation_without_any_sweep(make_client) -> None:
    # given: a watch entry whose one-year public window ends tomorrow
    s = await _listed_subject()
    stored = await Evaluation.get(subject_id=s.id)
    assert stored.next_change_at == clock.local_midnight(clock.today() + timedelta(days=1))
    before = await gql(make_client(), LOOKUP, {"u": s.uscc})
    assert [e["list"] for e in before["data"]["subject"]["lists"]] == ["WATCH"]
    # when: time passes the boundary and nothing else happens
    clock.freeze(stored.next_change_at + timedelta(seconds=1))
    # then: the very next read is right, and the page of the list too
    after = await gql(make_client(), LOOKUP, {"u": s.uscc})
    assert after["data"]["subject"]["lists"] == []
    page = await gql(make_client(), PAGE)
    assert page["data"]["listEntries"]["totalCount"] == 0


async def test_sweep_recomputes_only_what_is_stale_and_a_missed_run_is_caught_up(db: str) -> None:
    s = await _listed_subject()
    fresh = await make_subject("无记录公司")
    await sweep()
    stored = await Evaluation.get(subject_id=s.id)
    untouched = (await Evaluation.get(subject_id=fresh.id)).computed_at
    # a week of missed sweeps, then one run
    clock.freeze(clock.now() + timedelta(days=7))
    assert await sweep() == 1
    again = await Evaluation.get(subject_id=s.id)
    assert again.computed_at > stored.computed_at and again.payload["list_entries"] == []
    assert (await Evaluation.get(subject_id=fresh.id)).computed_at == untouched
    assert await sweep() == 0
