"""Each policy offers only what it knows: its record types, grading, reminders."""

from __future__ import annotations

import pytest

from credit.policies.catalogues import INFO_TYPES
from credit.policies.facts import SubjectKind
from credit.policies.params import SHENYANG_CODE, WUGANG_CODE
from credit.policies.vocabulary import vocabulary


def test_shenyang_knows_its_article_6_types_and_not_wugangs() -> None:
    v = vocabulary(SHENYANG_CODE)
    assert {"watch_list_case", "filing", "inspection", "administrative_decision"} <= set(
        v.record_types
    )
    assert not {"licence_commitment_violation", "external_evaluation"} & set(v.record_types)
    assert (v.grades, v.reminders) == (False, False)
    assert SubjectKind.NATURAL_PERSON not in v.subject_kinds


def test_wugang_knows_its_grading_inputs_and_not_shenyangs_watch_list() -> None:
    v = vocabulary(WUGANG_CODE)
    assert {"administrative_decision", "licence_commitment_violation", "blacklist"} <= set(
        v.record_types
    )
    assert not {"watch_list_case", "filing", "association_rating"} & set(v.record_types)
    assert (v.grades, v.reminders) == (True, True)
    assert SubjectKind.NATURAL_PERSON in v.subject_kinds


def test_wugangs_red_and_black_conditions_follow_its_parameters() -> None:
    v = vocabulary(WUGANG_CODE, {"a_record_types": ["red_list", "honour"]})
    assert v.knows("honour")
    assert not v.knows("inspection")


def test_types_come_in_catalogue_order_and_never_the_automatic_ones() -> None:
    order = [t.code for t in INFO_TYPES]
    for code in (SHENYANG_CODE, WUGANG_CODE):
        types = vocabulary(code).record_types
        assert list(types) == sorted(types, key=order.index)
        assert "repeat_penalty" not in types


def test_an_unknown_policy_knows_nothing() -> None:
    with pytest.raises(ValueError):
        vocabulary("atlantis-2030")
