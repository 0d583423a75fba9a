"""The catalogues: counts, codes, verbatim texts, lookups."""

from __future__ import annotations

import re

import pytest

from credit.policies import (
    INFO_TYPES,
    INFO_TYPES_BY_CODE,
    SANCTION_KINDS,
    SANCTION_KINDS_BY_CODE,
    SHENYANG_MEASURES,
    SHENYANG_MEASURES_BY_CODE,
    VIOLATION_DOMAINS,
    VIOLATION_DOMAINS_BY_CODE,
    WATCH_SITUATIONS,
    WATCH_SITUATIONS_BY_CODE,
    WUGANG_MEASURES,
    WUGANG_MEASURES_BY_CODE,
    Category,
)

ALL = [
    WATCH_SITUATIONS,
    INFO_TYPES,
    SHENYANG_MEASURES,
    WUGANG_MEASURES,
    SANCTION_KINDS,
    VIOLATION_DOMAINS,
]


@pytest.mark.parametrize("catalogue", ALL)
def test_catalogue_codes_are_unique_lower_snake_with_both_names(catalogue) -> None:
    codes = [e.code for e in catalogue]
    assert len(codes) == len(set(codes))
    for entry in catalogue:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", entry.code)
        assert entry.name_zh and entry.name_en and entry.article
        assert not re.match(r"[（(]?[一二三四五六七八九十]+[）)、]|\d+[、.]", entry.name_zh)


@pytest.mark.parametrize(
    ("table", "catalogue"),
    [
        (WATCH_SITUATIONS_BY_CODE, WATCH_SITUATIONS),
        (INFO_TYPES_BY_CODE, INFO_TYPES),
        (SHENYANG_MEASURES_BY_CODE, SHENYANG_MEASURES),
        (WUGANG_MEASURES_BY_CODE, WUGANG_MEASURES),
        (SANCTION_KINDS_BY_CODE, SANCTION_KINDS),
        (VIOLATION_DOMAINS_BY_CODE, VIOLATION_DOMAINS),
    ],
)
def test_catalogue_lookup_by_code(table, catalogue) -> None:
    assert list(table) == [e.code for e in catalogue]
    assert all(table[e.code] is e for e in catalogue)


def test_shenyang_art9_has_26_situations_with_verbatim_text() -> None:
    assert [s.code for s in WATCH_SITUATIONS] == [f"s{i:02d}" for i in range(1, 27)]
    s = WATCH_SITUATIONS_BY_CODE
    assert s["s01"].name_zh == "未对从业人员进行业务和保密教育培训"
    assert s["s01"].article == "第九条（一）"
    assert s["s12"].name_zh == "在涉及他人隐私的场所或部位安装、使用具有视(音)频采集功能的技防系统"
    assert s["s26"].name_zh == "其他严重违反技防法律法规的行为"
    assert s["s26"].article == "第九条（二十六）"
    assert all(not x.name_zh.endswith(("；", ";", "。")) for x in WATCH_SITUATIONS)


def test_shenyang_art13_has_nine_measures() -> None:
    assert [m.code for m in SHENYANG_MEASURES] == [f"sy_m{i}" for i in range(1, 10)]
    assert SHENYANG_MEASURES_BY_CODE["sy_m4"].name_zh == "限制参加政府采购项目"
    assert SHENYANG_MEASURES_BY_CODE["sy_m9"].name_zh == "采取其它惩戒性措施"
    assert SHENYANG_MEASURES_BY_CODE["sy_m4"].article == "第十三条（四）"


def test_wugang_4_measures_split_by_grade() -> None:
    by_grade = {g: [m.code for m in WUGANG_MEASURES if m.grade == g] for g in "ABC"}
    assert by_grade == {
        "A": [f"wg_a{i}" for i in range(1, 6)],
        "B": [f"wg_b{i}" for i in range(1, 4)],
        "C": [f"wg_c{i}" for i in range(1, 8)],
    }
    assert WUGANG_MEASURES_BY_CODE["wg_c5"].name_zh == "严格限制申请特种行业经营"
    assert WUGANG_MEASURES_BY_CODE["wg_a2"].article == "四（一）"


REQUIRED_TYPES = {
    Category.BASIC: {"filing", "inspection", "basic_other", "external_evaluation"},
    Category.GOOD: {"red_list", "association_rating", "honour", "honest_operation", "good_other"},
    Category.HINT: {
        "interview_or_warning",
        "watch_list_case",
        "hint_other",
        "administrative_decision",
        "licence_commitment_violation",
    },
    Category.WARNING: {"repeat_penalty", "blacklist", "warning_other"},
}


@pytest.mark.parametrize(("category", "codes"), REQUIRED_TYPES.items())
def test_shenyang_art6_info_types_and_categories(category, codes) -> None:
    for code in codes:
        assert INFO_TYPES_BY_CODE[code].category == category
    assert INFO_TYPES_BY_CODE["repeat_penalty"].automatic


def test_sanction_kinds_ordered_lightest_to_heaviest_with_buckets() -> None:
    assert [k.code for k in sorted(SANCTION_KINDS, key=lambda k: k.severity)] == [
        "order_to_correct",
        "warning",
        "fine",
        "confiscation",
        "suspension",
        "licence_revocation",
        "detention",
    ]
    assert {k.code for k in SANCTION_KINDS if k.bucket == "penalty"} == {
        "fine",
        "confiscation",
        "suspension",
        "licence_revocation",
        "detention",
    }
    assert {k.code for k in SANCTION_KINDS if k.monetary} == {"fine", "confiscation"}


def test_violation_domains() -> None:
    assert [(v.code, v.name_zh) for v in VIOLATION_DOMAINS] == [
        ("public_order", "治安"),
        ("narcotics", "禁毒"),
        ("traffic", "交通"),
        ("cyber_security", "网络安全"),
        ("tech_prevention", "技防"),
        ("entry_exit", "出入境"),
        ("fire", "消防"),
        ("other", "其他"),
    ]
