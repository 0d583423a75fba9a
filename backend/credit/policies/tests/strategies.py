"""Hypothesis strategies: plausible records with messy lifecycles around 2020–2027."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from credit.policies import (
    INFO_TYPES_BY_CODE,
    TZ,
    Category,
    RecordFact,
    RecordStatus,
    SanctionFact,
    Transition,
    ViolationFact,
)

BASE = date(2020, 1, 1)
HORIZON_DAYS = 700  # records occur within ~2 years: windows and counts overlap
S = RecordStatus

# weighted towards the types the rules read
TYPES = (
    ["watch_list_case"] * 5
    + ["administrative_decision"] * 4
    + ["licence_commitment_violation"] * 2
    + ["inspection"] * 2
    + [
        "red_list",
        "blacklist",
        "interview_or_warning",
        "hint_other",
        "honour",
        "filing",
        "warning_other",
        "external_evaluation",
    ]
)
BAD_TYPES = sorted(
    {t for t in TYPES if INFO_TYPES_BY_CODE[t].category in (Category.HINT, Category.WARNING)}
)

sanctions = st.builds(
    SanctionFact,
    kind=st.sampled_from(["order_to_correct", "warning", "fine", "confiscation", "detention"]),
    amount_yuan=st.sampled_from([0, 100, 200_000, 300_000, 500_000]).map(Decimal),
)
violations = st.builds(
    ViolationFact,
    type_code=st.sampled_from(["v_a", "v_b"]),
    domain=st.sampled_from(["public_order", "traffic", "tech_prevention"]),
    sanctions=st.lists(sanctions, min_size=1, max_size=2).map(tuple),
)


def local(day: date, seconds: int) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=TZ) + timedelta(seconds=seconds)


# mostly while records are live, sometimes past retention (5 years after the last one)
instants = st.builds(
    lambda days, seconds: local(BASE + timedelta(days=days), seconds),
    st.one_of(st.integers(0, HORIZON_DAYS + 400), st.integers(0, HORIZON_DAYS + 2000)),
    st.integers(0, 86_399),
)


@st.composite
def record_facts(draw: st.DrawFn, record_id: int, types: list[str] = TYPES) -> RecordFact:
    type_ = draw(st.sampled_from(types))
    occurred = BASE + timedelta(days=draw(st.integers(0, HORIZON_DAYS)))
    decided = draw(
        st.one_of(st.none(), st.integers(0, 40).map(lambda n: occurred + timedelta(days=n)))
    )
    created = local(
        occurred + timedelta(days=draw(st.integers(0, 30))), draw(st.integers(0, 86_399))
    )

    def later(after: datetime, max_days: int) -> datetime:
        return after + timedelta(seconds=draw(st.integers(1, max_days * 86_400)))

    path = draw(
        st.sampled_from(
            ["import", "import", "review", "review", "review", "draft", "verified", "rejected"]
        )
    )
    transitions = [Transition(S.PUBLISHED if path == "import" else S.DRAFT, created)]
    if path in ("review", "verified", "rejected"):
        transitions.append(Transition(S.SUBMITTED, later(transitions[-1].at, 5)))
        final = S.REJECTED if path == "rejected" else S.VERIFIED
        transitions.append(Transition(final, later(transitions[-1].at, 5)))
        if path == "review":
            transitions.append(Transition(S.PUBLISHED, later(transitions[-1].at, 10)))
    if transitions[-1].status == S.PUBLISHED:
        exit_ = draw(st.sampled_from([None, None, S.REVOKED, S.REPAIRED]))
        if exit_ is not None:
            transitions.append(Transition(exit_, later(transitions[-1].at, 900)))

    category = INFO_TYPES_BY_CODE[type_].category
    bad = category in (Category.HINT, Category.WARNING)
    overrides = st.one_of(
        st.none(), st.none(), st.integers(30, 2500).map(lambda n: occurred + timedelta(days=n))
    )
    return RecordFact(
        id=record_id,
        category=category,
        type=type_,
        occurred_on=occurred,
        decision_date=decided,
        decision_no=None,
        transitions=tuple(transitions),
        situation_code=draw(st.sampled_from(["s01", "s06", "s26"]))
        if type_ == "watch_list_case"
        else None,
        inspection_passed=draw(st.booleans()) if type_ == "inspection" else None,
        violations=tuple(draw(st.lists(violations, max_size=2))) if bad else (),
        public_until_override=draw(overrides),
        retention_until_override=draw(overrides),
    )


@st.composite
def record_sets(draw: st.DrawFn, max_size: int = 12) -> list[RecordFact]:
    n = draw(st.integers(0, max_size))
    return [draw(record_facts(i)) for i in range(1, n + 1)]


def as_known_at(records: list[RecordFact], at: datetime) -> list[RecordFact]:
    """The records with only their transitions at or before ``at``."""
    out = []
    for r in records:
        kept = tuple(t for t in r.transitions if t.at <= at)
        if kept:
            out.append(replace(r, transitions=kept))
    return out
