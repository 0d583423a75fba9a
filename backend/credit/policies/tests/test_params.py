"""Policy parameters: defaults, mapping round-trip, refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from credit.policies import (
    POLICY_DEFAULTS,
    SHENYANG_CODE,
    WUGANG_CODE,
    ShenyangParams,
    WugangParams,
)


def test_policy_defaults_cover_both_codes_and_round_trip() -> None:
    assert set(POLICY_DEFAULTS) == {"shenyang-jifang-2018", "wugang-2021"}
    assert ShenyangParams.from_mapping(POLICY_DEFAULTS[SHENYANG_CODE]) == ShenyangParams()
    assert WugangParams.from_mapping(POLICY_DEFAULTS[WUGANG_CODE]) == WugangParams()


def test_documented_defaults() -> None:
    s, w = ShenyangParams(), WugangParams()
    assert (
        s.good_public_years,
        s.bad_public_years,
        s.retention_years,
        s.retention_from,
        s.blacklist_threshold,
        s.suppress_red_while_listed,
        s.repeat_penalty_threshold,
        s.watch_entry_public_years,
    ) == (1, 1, 5, "decision_date", 5, True, 2, 1)
    assert s.penalty_kinds == (
        "fine",
        "confiscation",
        "suspension",
        "licence_revocation",
        "detention",
    )
    assert (
        w.window_months,
        w.b_max_count,
        w.fine_total_max_yuan,
        w.public_years,
        w.retention_years,
        w.a_record_types,
        w.c_record_types,
    ) == (12, 2, Decimal(500000), 1, 5, ("red_list", "inspection"), ("blacklist",))


def test_from_mapping_partial_and_coerced() -> None:
    w = WugangParams.from_mapping({"fine_total_max_yuan": "100000.50", "c_record_types": []})
    assert w.fine_total_max_yuan == Decimal("100000.50") and w.c_record_types == ()
    assert ShenyangParams.from_mapping({"blacklist_threshold": 3}).blacklist_threshold == 3


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (ShenyangParams, {"blacklist_treshold": 5}, "blacklist_treshold"),
        (WugangParams, {"window_month": 12}, "window_month"),
        (ShenyangParams, {"blacklist_threshold": 0}, "列入黑名单的警示目录累计次数”不能小于 1"),
        (ShenyangParams, {"blacklist_threshold": True}, "列入黑名单的警示目录累计次数”须为整数"),
        (ShenyangParams, {"retention_from": "published_on"}, "保存期限起算日"),
        (ShenyangParams, {"penalty_kinds": ["fine", "caning"]}, "caning"),
        (WugangParams, {"a_record_types": ["gold_star"]}, "gold_star"),
        (WugangParams, {"fine_total_max_yuan": "lots"}, "lots"),
        (WugangParams, {"b_max_count": "2"}, "一般失信的最多次数"),
    ],
)
def test_from_mapping_refuses_unknown_keys_and_bad_values(cls, data, message) -> None:
    with pytest.raises(ValueError, match=message):
        cls.from_mapping(data)


def test_every_parameter_has_a_chinese_name_and_errors_are_chinese() -> None:
    from dataclasses import fields

    from credit.policies.params import PARAM_LABELS, ParamError

    for cls in (ShenyangParams, WugangParams):
        assert {f.name for f in fields(cls)} <= set(PARAM_LABELS)
    with pytest.raises(ParamError) as caught:
        ShenyangParams.from_mapping({"blacklist_threshold": 0})
    assert caught.value.param == "blacklist_threshold"
    assert "must be" not in str(caught.value) and "blacklist_threshold" not in str(caught.value)
