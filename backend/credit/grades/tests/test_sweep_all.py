"""`credit sweep --all`: the parallel sweep stores what `reevaluate` stores, subject by
subject, and still writes partners' watch events for changes made by time alone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tortoise.transactions import in_transaction

from credit.core import clock
from credit.demo.load import load_demo
from credit.grades.models import Evaluation
from credit.grades.services import reevaluate
from credit.grades.sweep_all import sweep_all
from credit.lists.models import ListEntry, ListingDecision
from credit.records.services import create_published
from credit.subjects.models import Subject
from credit.testing import make_subject
from credit.watches.models import WatchEvent
from credit.watches.tests.helpers import watch
from credit.watches.tests.test_events import _watch_case


async def _issued() -> dict[str, tuple[Any, ...]]:
    """The listing decisions the product issued, by number: what they decide, not their
    serial (the row id, which differs between runs)."""
    return {
        d.decision_no: (d.subject_id, str(d.kind), d.identity, d.since, d.decided_on)
        for d in await ListingDecision.all()
    }


async def _stored() -> tuple[list[Any], list[Any], list[Any]]:
    issued = await _issued()

    def number(no: str | None) -> Any:
        return issued.get(no or "", no)

    evaluations = []
    for e in await Evaluation.all().order_by("subject_id"):
        payload = dict(e.payload)
        payload["list_entries"] = [
            entry | {"decision_no": number(entry["decision_no"])}
            for entry in payload["list_entries"]
        ]
        evaluations.append(
            (
                e.subject_id,
                e.policy_code,
                e.policy_version,
                e.computed_at,
                e.next_change_at,
                e.grade,
                payload,
            )
        )
    entries = sorted(
        (
            e.subject_id,
            e.district_id,
            str(e.kind),
            e.since,
            e.until,
            e.rule,
            e.article,
            repr(number(e.decision_no)),
            tuple(e.record_ids),
        )
        for e in await ListEntry.all()
    )
    return evaluations, entries, sorted(issued.values())


async def _forget() -> None:
    await ListEntry.all().delete()
    await Evaluation.all().delete()
    await ListingDecision.all().delete()


async def test_the_parallel_sweep_stores_what_reevaluate_stores(db: str) -> None:
    # given: the demo data, evaluated subject by subject at one instant from nothing stored
    await load_demo()
    at = clock.now() + timedelta(days=40)  # later, so that some answers have changed
    await _forget()
    for subject in await Subject.all().order_by("id"):
        async with in_transaction() as conn:
            await reevaluate(subject, conn, at)
    expected = await _stored()
    assert len(expected[0]) == await Subject.all().count() and expected[1] and expected[2]
    # when: nothing stored or issued, then swept by two processes in small ranges
    await _forget()
    done = await sweep_all(at, workers=2, chunk=7)
    # then: the same evaluations, list entries and listing decisions
    assert done == len(expected[0])
    assert await _stored() == expected
    # and again over stored answers (the update path), in this process: nothing new issued
    assert await sweep_all(at, workers=1, chunk=5) == done
    assert await _stored() == expected


async def test_the_parallel_sweep_writes_watch_events_at_a_later_clock(db: str) -> None:
    # given: two watched subjects whose one-year watch-list windows end tomorrow
    published = clock.today() - timedelta(days=364)
    subjects = [await make_subject(), await make_subject()]
    for n, s in enumerate(subjects):
        await create_published(s, _watch_case(published, n=7 + n), published, None)
        await watch(s)
    ends = (await Evaluation.get(subject_id=subjects[0].id)).next_change_at
    assert ends is not None
    # when: time passes and only the parallel sweep runs (one range per subject)
    clock.freeze(ends + timedelta(days=2))
    await sweep_all(workers=2, chunk=1)
    # then: each subject's changes, dated the day they took effect
    for s in subjects:
        events = await WatchEvent.filter(subject_id=s.id).order_by("position")
        assert sorted(e.kind for e in events) == ["LIST_ENTRY_ENDED", "RECORD_PUBLIC_WINDOW_ENDED"]
        assert {e.effective_date for e in events} == {ends.astimezone(clock.TZ).date()}
    # a second sweep finds nothing new
    await sweep_all(workers=2, chunk=1)
    assert await WatchEvent.all().count() == 4
