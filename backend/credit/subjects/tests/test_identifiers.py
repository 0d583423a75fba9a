"""USCC (GB 32100-2015) and resident ID validation; the cases are shared with the
frontend's checker (uscc_cases.json), so both sides apply the same rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit.subjects.identifiers import (
    InvalidIdNumber,
    InvalidUSCC,
    mask_id_number,
    mask_person_name,
    normalise,
    validate_id_number,
    validate_uscc,
)

CASES = json.loads((Path(__file__).parents[1] / "uscc_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("code", CASES["valid"])
def test_valid_codes_pass(code: str) -> None:
    assert validate_uscc(code) == code


@pytest.mark.parametrize("case", CASES["invalid"], ids=lambda c: f"{c['fault']}:{c['input']}")
def test_invalid_codes_name_their_fault(case: dict[str, str]) -> None:
    with pytest.raises(InvalidUSCC) as exc:
        validate_uscc(case["input"])
    assert exc.value.fault == case["fault"]
    assert str(exc.value)


@pytest.mark.parametrize("case", CASES["normalise"], ids=lambda c: c["value"])
def test_input_is_normalised_before_validation(case: dict[str, str]) -> None:
    assert validate_uscc(case["input"]) == case["value"]


def test_authorities_a_n_y_are_accepted_although_stdnum_rejects_them() -> None:
    from stdnum.cn import uscc as stdnum_uscc

    for code in CASES["valid"]:
        if code[0] in "ANY":
            assert not stdnum_uscc.is_valid(code)
            assert validate_uscc(code) == code
            break
    else:
        pytest.fail("the shared cases must include an A/N/Y authority code")


def test_messages_name_the_fault() -> None:
    with pytest.raises(InvalidUSCC, match="18位，当前为17位"):
        validate_uscc("91310115MA1K3BTP2")
    with pytest.raises(InvalidUSCC, match="第5位字符“I”"):
        validate_uscc("9131I115MA1K3BTP2B")
    with pytest.raises(InvalidUSCC, match="第18位应为“B”"):
        validate_uscc("91310115MA1K3BTP2C")


def test_normalise_folds_full_width_and_case() -> None:
    assert normalise("　９１ab ") == "91AB"


def test_resident_id_validation_and_masking() -> None:
    number = validate_id_number("410481199001011236")
    assert mask_id_number(number) == "410481********1236"
    with pytest.raises(InvalidIdNumber):
        validate_id_number("410481199001011231")


@pytest.mark.parametrize(
    ("name", "masked"), [("张三", "张*"), ("张小三", "张*三"), ("欧阳小明", "欧**明")]
)
def test_person_names_are_masked(name: str, masked: str) -> None:
    assert mask_person_name(name) == masked
