"""沈公发〔2018〕4号: each rule on both sides of its threshold and boundary."""

from __future__ import annotations

from datetime import timedelta

import pytest

from credit.policies import (
    ListKind,
    RecordFact,
    ShenyangParams,
    evaluate_shenyang,
)
from credit.policies.tests.builders import (
    ENTERPRISE,
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


def ev(records: list[RecordFact], day: str, params: ShenyangParams | None = None, hour: int = 12):
    return evaluate_shenyang(ENTERPRISE, records, at(day, hour), params)


def lists(e) -> list[tuple[ListKind, str, str | None, tuple[int, ...]]]:
    return [
        (x.list, x.since.isoformat(), x.until.isoformat() if x.until else None, x.record_ids)
        for x in e.list_entries
    ]


def kinds(e) -> set[ListKind]:
    return {x.list for x in e.list_entries}


def watch_cases(n: int, first_id: int = 1, year: int = 2021) -> list[RecordFact]:
    """n watch-list cases decided on the 1st of successive months, published on the 5th."""
    return [
        record(
            first_id + i,
            "watch_list_case",
            f"{year}-{i + 1:02d}-01",
            decided=f"{year}-{i + 1:02d}-01",
            published=f"{year}-{i + 1:02d}-05",
            situation=f"s{i + 1:02d}",
        )
        for i in range(n)
    ]


# --- 第十一条: blacklist ------------------------------------------------------------------


@pytest.mark.parametrize(("cases", "black"), [(4, False), (5, True), (6, True)])
def test_shenyang_art11_blacklist_at_five_counted_watch_entries(cases: int, black: bool) -> None:
    e = ev(watch_cases(cases), "2021-12-01")
    assert (ListKind.BLACK in kinds(e)) is black
    if black:
        (entry,) = [x for x in e.list_entries if x.list == ListKind.BLACK]
        assert entry.since == d("2021-05-05")  # publication of the fifth case
        assert entry.article == "第十一条"
        assert entry.record_ids == tuple(range(1, cases + 1))
        # counted until the first case leaves retention (decided 2021-01-01 + 5 years)
        assert entry.until == (d("2026-01-01") if cases == 5 else d("2026-02-01"))
        assert len(e.measures) == 9
    else:
        assert "sy_m8" not in e.measures


@pytest.mark.parametrize(
    ("day", "black"),
    [
        ("2021-05-04", False),  # day before the fifth publication
        ("2021-05-05", True),  # day of
        ("2021-05-06", True),
    ],
)
def test_shenyang_art11_blacklist_starts_on_publication_of_fifth_case(day: str, black: bool):
    e = ev(watch_cases(5), day, hour=23)
    assert (ListKind.BLACK in kinds(e)) is black


@pytest.mark.parametrize(
    ("status", "black"),
    [
        ({"revoked": "2021-11-01"}, False),
        ({"repaired": "2021-11-01"}, False),
        # revoked after D: today's revocation applies to the past too (issue 11)
        ({"revoked": "2022-03-01"}, False),
        ({"repaired": "2022-03-01"}, False),
        ({}, True),
    ],
)
def test_shenyang_art11_revoked_or_repaired_watch_entry_does_not_count(status, black) -> None:
    fifth = record(
        5, "watch_list_case", "2021-05-01", decided="2021-05-01", published="2021-05-05", **status
    )
    cases = [*watch_cases(4), fifth]
    assert (ListKind.BLACK in kinds(ev(cases, "2021-12-01"))) is black


@pytest.mark.parametrize(
    ("day", "black", "counted"),
    [
        ("2025-12-31", True, {1, 2, 3, 4, 5}),
        ("2026-01-01", False, {2, 3, 4, 5}),  # case 1 decided 2021-01-01 leaves retention
        ("2026-01-02", False, {2, 3, 4, 5}),
    ],
)
def test_shenyang_art11_archived_watch_entry_does_not_count(day, black, counted) -> None:
    e = ev(watch_cases(5), day)
    assert (ListKind.BLACK in kinds(e)) is black
    assert e.counted_record_ids == counted
    assert (1 in e.archived_record_ids) is (not black)


def test_shenyang_art11_blacklist_next_change_is_the_drop_below_threshold() -> None:
    e = ev(watch_cases(5), "2023-06-01")
    assert e.next_change_at == midnight("2026-01-01")
    assert ev(watch_cases(5), "2025-12-31", hour=23).next_change_at == midnight("2026-01-01")


def test_shenyang_art11_blacklist_since_spans_a_replacement_case() -> None:
    # the first case leaves retention on the very day a sixth case is published: still 5
    sixth = record(6, "watch_list_case", "2025-12-20", decided="2025-12-20", published="2026-01-01")
    cases = [*watch_cases(5), sixth]
    e = ev(cases, "2026-01-15")
    (entry,) = e.list_entries[:1]
    assert (entry.list, entry.since, entry.until) == (
        ListKind.BLACK,
        d("2021-05-05"),
        d("2026-02-01"),
    )
    assert entry.record_ids == (2, 3, 4, 5, 6)


# --- 第九条: watch list -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "watched", "public"),
    [
        ("2021-03-04", False, False),  # not yet published
        ("2021-03-05", True, True),
        ("2022-03-04", True, True),  # day before 1 year from publication
        ("2022-03-05", False, False),  # day of: the entry ends, the record still counts
        ("2022-03-06", False, False),
    ],
)
def test_shenyang_art9_one_watch_entry_per_case_for_one_year(day, watched, public) -> None:
    cases = [
        record(
            1,
            "watch_list_case",
            "2021-02-20",
            decided="2021-03-01",
            published="2021-03-05",
            situation="s06",
            decision_no="沈公技〔2021〕1号",
        )
    ]
    e = ev(cases, day)
    assert (ListKind.WATCH in kinds(e)) is watched
    assert (1 in e.public_record_ids) is public
    if watched:
        (entry,) = e.list_entries
        assert (entry.article, entry.decision_no) == ("第九条（六）", "沈公技〔2021〕1号")
        assert entry.until == d("2022-03-05")
        assert any("工程质量检测不合格" in r.summary for r in e.reasons)
        assert e.measures == (
            "sy_m1",
            "sy_m2",
            "sy_m3",
            "sy_m4",
            "sy_m5",
            "sy_m6",
            "sy_m7",
            "sy_m9",
        )
    elif day >= "2021-03-05":
        assert e.counted_record_ids == {1}
        assert e.measures == ()


def test_shenyang_art9_two_cases_two_entries() -> None:
    e = ev(watch_cases(2), "2021-03-01")
    assert [x.record_ids for x in e.list_entries] == [(1,), (2,)]


# --- 第七条: public windows and retention -------------------------------------------------


@pytest.mark.parametrize(
    ("day", "public"),
    [
        ("2023-03-09", True),
        ("2024-03-09", True),  # day before 1 year from occurrence
        ("2024-03-10", False),  # day of
        ("2024-03-11", False),
    ],
)
def test_shenyang_art7_good_info_public_one_year_from_occurrence(day, public) -> None:
    good = [record(1, "honour", "2023-03-10", published="2023-04-01")]
    e = ev(good, day)
    assert (1 in e.public_record_ids) is (public and day >= "2023-04-01")
    assert e.counted_record_ids == ({1} if day >= "2023-04-01" else set())


@pytest.mark.parametrize(
    ("day", "public"),
    [
        ("2024-03-10", True),  # a year from occurrence does not matter for bad info
        ("2024-03-31", True),  # day before 1 year from publication
        ("2024-04-01", False),  # day of
        ("2024-04-02", False),
    ],
)
def test_shenyang_art7_bad_info_public_one_year_from_publication(day, public) -> None:
    bad = [record(1, "interview_or_warning", "2023-03-10", published="2023-04-01")]
    e = ev(bad, day)
    assert (1 in e.public_record_ids) is public
    assert 1 in e.counted_record_ids


@pytest.mark.parametrize(("day", "public"), [("2025-02-28", True), ("2025-03-01", False)])
def test_shenyang_art7_one_year_from_feb_29_ends_on_mar_1(day, public) -> None:
    good = [record(1, "honour", "2024-02-29", published="2024-02-29")]
    assert (1 in ev(good, day).public_record_ids) is public


@pytest.mark.parametrize(("day", "public"), [("2023-06-29", True), ("2023-06-30", False)])
def test_shenyang_art7_override_of_public_window_wins(day, public) -> None:
    bad = [record(1, "hint_other", "2023-03-10", published="2023-04-01", public_until="2023-06-30")]
    assert (1 in ev(bad, day).public_record_ids) is public


@pytest.mark.parametrize(
    ("day", "state"),
    [
        ("2025-05-09", "public"),  # day before 5 years from the decision date
        ("2025-05-10", "archived"),  # day of
        ("2025-05-11", "archived"),
    ],
)
def test_shenyang_art7_basic_info_public_until_five_year_archive(day, state) -> None:
    basic = [record(1, "filing", "2020-05-01", decided="2020-05-10", published="2020-05-12")]
    e = ev(basic, day)
    assert (1 in e.public_record_ids) is (state == "public")
    assert (1 in e.counted_record_ids) is (state == "public")
    assert (1 in e.archived_record_ids) is (state == "archived")
    if state == "archived":
        assert any(r.rule == "retention_ended" and r.article == "第七条" for r in e.reasons)


@pytest.mark.parametrize(
    ("decided", "override", "archived_on"),
    [
        (None, None, "2025-05-01"),  # no decision date: from occurred_on
        ("2020-05-10", None, "2025-05-10"),
        ("2020-05-10", "2022-01-01", "2022-01-01"),  # legal override wins
    ],
)
def test_shenyang_art7_retention_start_and_override(decided, override, archived_on) -> None:
    r = [
        record(
            1,
            "hint_other",
            "2020-05-01",
            decided=decided,
            published="2020-05-12",
            retention_until=override,
        )
    ]
    assert 1 in ev(r, archived_on, hour=0).archived_record_ids
    day_before = (d(archived_on) - timedelta(days=1)).isoformat()
    assert 1 in ev(r, day_before, hour=23).counted_record_ids
    assert 1 not in ev(r, day_before, hour=23).archived_record_ids


# --- status and as-of ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "counted"),
    [
        ({"published": "2023-01-10"}, True),
        ({"published": "2023-01-10", "reviewed": True}, True),
        ({"verified_only": "2023-01-05"}, False),  # verified is not yet public
        ({"rejected": "2023-01-05"}, False),
        ({"published": "2023-01-10", "revoked": "2023-02-01"}, False),
        ({"published": "2023-01-10", "repaired": "2023-02-01"}, False),
    ],
)
def test_shenyang_only_published_records_count_or_are_public(kwargs, counted) -> None:
    e = ev([record(1, "hint_other", "2023-01-02", **kwargs)], "2023-03-01")
    assert (1 in e.counted_record_ids) is counted
    assert (1 in e.public_record_ids) is counted


def test_shenyang_as_of_revoked_after_d_is_gone_and_published_after_d_is_not_public() -> None:
    # A revocation applies to the past (issue 11); a later publication does not.
    revoked_later = record(
        1, "hint_other", "2023-01-02", published="2023-01-10", revoked="2023-03-02"
    )
    published_later = record(2, "hint_other", "2023-01-02", published="2023-03-02", reviewed=True)
    e = ev([revoked_later, published_later], "2023-03-01")
    assert e.counted_record_ids == set() and e.public_record_ids == set()
    e = ev([revoked_later, published_later], "2023-03-02", hour=16)
    assert e.counted_record_ids == {2} and e.public_record_ids == {2}


def test_shenyang_art3_natural_person_is_refused() -> None:
    with pytest.raises(ValueError, match="第三条"):
        evaluate_shenyang(PERSON, [], at("2023-01-01"))


# --- 第十条: red list ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passed", "day", "red"),
    [
        (True, "2023-04-01", True),
        (True, "2024-03-09", True),  # day before 1 year from the inspection
        (True, "2024-03-10", False),  # day of
        (False, "2023-04-01", False),  # failed inspection: basic info only
    ],
)
def test_shenyang_art10_red_list_from_passed_inspection(passed, day, red) -> None:
    r = [record(1, "inspection", "2023-03-10", published="2023-03-12", passed=passed)]
    e = ev(r, day)
    assert (ListKind.RED in kinds(e)) is red
    assert 1 in e.public_record_ids  # basic info stays public while retained
    if red:
        assert lists(e) == [(ListKind.RED, "2023-03-10", "2024-03-10", (1,))]
        assert e.measures == ()


@pytest.mark.parametrize(
    ("suppress", "day", "red", "watch"),
    [
        (True, "2023-06-01", False, True),
        (False, "2023-06-01", True, True),
        (True, "2023-05-31", True, False),  # before the watch-list publication
        (True, "2024-04-30", False, True),  # last day of the watch entry
        (True, "2024-05-01", True, False),  # watch entry over: shown again until 2024-05-10
        (True, "2024-05-10", False, False),
    ],
)
def test_shenyang_art10_red_list_suppressed_while_watch_listed(suppress, day, red, watch):
    records = [
        record(1, "inspection", "2023-05-10", published="2023-05-11"),
        record(2, "watch_list_case", "2023-04-20", published="2023-05-01"),
    ]
    records[1] = record(
        2, "watch_list_case", "2023-04-20", published="2023-06-01", public_until="2024-05-01"
    )
    e = ev(records, day, ShenyangParams(suppress_red_while_listed=suppress))
    assert (ListKind.RED in kinds(e)) is red
    assert (ListKind.WATCH in kinds(e)) is watch
    if watch and not red:
        assert any(r.rule == "red_list_suppressed" for r in e.reasons)


def test_shenyang_art10_suppression_ends_exactly_when_the_watch_entry_ends() -> None:
    records = [
        record(1, "red_list", "2023-05-10", published="2023-05-11"),
        record(
            2, "watch_list_case", "2023-04-20", published="2023-06-01", public_until="2024-05-01"
        ),
    ]
    e = ev(records, "2023-07-01")
    assert e.next_change_at == midnight("2024-05-01")
    assert lists(ev(records, "2024-05-01", hour=0)) == [
        (ListKind.RED, "2023-05-10", "2024-05-10", (1,))
    ]


# --- 第六条（四）1: repeated penalty --------------------------------------------------------


def _penalties(*specs) -> list[RecordFact]:
    return [
        record(i, "administrative_decision", pub, decided=pub, published=pub, violations=(v,))
        for i, (pub, v) in enumerate(specs, start=1)
    ]


@pytest.mark.parametrize(
    ("specs", "keys"),
    [
        ((("2023-01-10", fine_v(1000)),), []),
        ((("2023-01-10", fine_v(1000)), ("2023-06-10", fine_v(2000))), ["repeat_penalty:v_a:2"]),
        ((("2023-01-10", fine_v(1000)), ("2023-06-10", fine_v(2000, "v_b"))), []),  # other type
        ((("2023-01-10", warning_v()), ("2023-06-10", warning_v())), []),  # warnings: no penalty
        (
            (
                ("2023-01-10", violation("v_a", sanction("warning"), sanction("fine", 50))),
                ("2023-06-10", violation("v_a", sanction("detention"))),
            ),
            ["repeat_penalty:v_a:2"],
        ),
        (
            (("2023-01-10", fine_v(1)), ("2023-02-10", fine_v(1)), ("2023-03-10", fine_v(1))),
            ["repeat_penalty:v_a:2", "repeat_penalty:v_a:3"],
        ),
    ],
)
def test_shenyang_art6_4_1_second_penalty_of_same_type_derives_warning(specs, keys) -> None:
    e = ev(_penalties(*specs), "2023-07-01")
    assert [x.key for x in e.derived_records] == keys
    for x in e.derived_records:
        assert (x.category, x.type) == ("warning", "repeat_penalty")
        assert any(r.rule == "repeat_penalty" and r.article == "第六条（四）1" for r in e.reasons)


@pytest.mark.parametrize(
    ("day", "derived"),
    [
        ("2023-06-09", False),  # the second penalty is not yet published
        ("2023-06-10", True),
        ("2024-06-09", True),  # day before 1 year from its publication
        ("2024-06-10", False),  # day of
    ],
)
def test_shenyang_art6_4_1_derived_warning_public_one_year(day, derived) -> None:
    e = ev(_penalties(("2023-01-10", fine_v(1000)), ("2023-06-10", fine_v(2000))), day)
    assert bool(e.derived_records) is derived
    if derived:
        (x,) = e.derived_records
        assert (x.published_on, x.public_until, x.record_ids) == (
            d("2023-06-10"),
            d("2024-06-10"),
            (1, 2),
        )


def test_shenyang_art6_4_1_revoked_first_penalty_removes_the_warning() -> None:
    records = _penalties(("2023-01-10", fine_v(1000)), ("2023-06-10", fine_v(2000)))
    records[0] = record(
        1,
        "administrative_decision",
        "2023-01-10",
        decided="2023-01-10",
        published="2023-01-10",
        violations=(fine_v(1000),),
        revoked="2023-06-20",
    )
    # before the revocation too: the warning never was (issue 11)
    assert not ev(records, "2023-06-15").derived_records
    assert not ev(records, "2023-06-21").derived_records


def test_shenyang_art6_4_1_first_penalty_archived_before_second_gives_no_warning() -> None:
    records = [
        record(
            1,
            "administrative_decision",
            "2017-01-10",
            decided="2017-01-10",
            published="2017-01-10",
            violations=(fine_v(1000),),
        ),
        record(
            2,
            "administrative_decision",
            "2023-06-10",
            decided="2023-06-10",
            published="2023-06-10",
            violations=(fine_v(1000),),
        ),
    ]
    assert not ev(records, "2023-07-01").derived_records


# --- 第十三条: measures --------------------------------------------------------------------


def test_shenyang_art13_measures_watch_eight_black_nine() -> None:
    watch = ev(watch_cases(1), "2021-06-01")
    black = ev(watch_cases(5), "2021-06-01")
    assert watch.measures == (
        "sy_m1",
        "sy_m2",
        "sy_m3",
        "sy_m4",
        "sy_m5",
        "sy_m6",
        "sy_m7",
        "sy_m9",
    )
    assert black.measures == tuple(f"sy_m{i}" for i in range(1, 10))
    assert ev([], "2021-06-01").measures == ()
    assert black.grade is None and black.grade_reasons == ()


def test_shenyang_art6_4_2_blacklist_record_gives_black_entry_for_one_year() -> None:
    r = [record(1, "blacklist", "2023-01-02", published="2023-01-10", decision_no="X-1")]
    assert lists(ev(r, "2023-02-01")) == [(ListKind.BLACK, "2023-01-10", "2024-01-10", (1,))]
    assert ev(r, "2024-01-10").list_entries == ()
