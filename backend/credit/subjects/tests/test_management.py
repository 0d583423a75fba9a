"""The field checks of subjects entered in the console (no database)."""

from __future__ import annotations

import pytest

from credit.policies.facts import SubjectKind
from credit.subjects.management import (
    SubjectInputError,
    check_kind_change,
    clean_text,
    identifier,
)

E, P = SubjectKind.ENTERPRISE, SubjectKind.NATURAL_PERSON


def test_an_organisation_is_keyed_by_its_normalised_uscc() -> None:
    key = identifier(E, " ９２３４０６０２ma2pbmem24 ", None)
    assert (key.field, key.uscc, key.id_number) == ("uscc", "92340602MA2PBMEM24", None)


def test_the_registration_authorities_a_n_y_are_accepted() -> None:
    from credit.subjects.identifiers import uscc_check_digit

    body = "N1110000600037341"
    assert identifier(E, body + uscc_check_digit(body), None).uscc is not None


def test_a_person_is_keyed_by_the_id_number() -> None:
    key = identifier(P, None, "11010519491231002x")
    assert (key.field, key.id_number) == ("idNumber", "11010519491231002X")


@pytest.mark.parametrize(
    ("kind", "uscc", "number", "field", "fragment"),
    [
        (E, None, None, "uscc", "须填写统一社会信用代码"),
        (E, "91110000600037341A", None, "uscc", "校验码"),
        (E, "9111000060003734", None, "uscc", "18位"),
        (E, "91110000600037341L", "11010519491231002X", "idNumber", "不填身份证号码"),
        (P, None, None, "idNumber", "须填写居民身份证号码"),
        (P, "91110000600037341L", "11010519491231002X", "uscc", "不填统一社会信用代码"),
        (P, None, "110105194912310021", "idNumber", "校验码错误"),
    ],
)
def test_a_wrong_identifier_names_its_field(kind, uscc, number, field, fragment) -> None:
    with pytest.raises(SubjectInputError) as raised:
        identifier(kind, uscc, number)
    assert raised.value.field == field
    assert fragment in str(raised.value)


def test_texts_are_trimmed_and_bounded() -> None:
    assert clean_text("name", "  某公司 ", required=True) == "某公司"
    with pytest.raises(SubjectInputError, match="必填"):
        clean_text("name", " ", required=True)
    with pytest.raises(SubjectInputError, match="不能超过100个字符"):
        clean_text("licenceNo", "号" * 101)
    with pytest.raises(SubjectInputError, match="控制字符"):
        clean_text("address", "a\x00b")


def test_a_person_never_becomes_an_organisation() -> None:
    check_kind_change(E, SubjectKind.SOCIAL_ORGANISATION)
    with pytest.raises(SubjectInputError) as raised:
        check_kind_change(P, E)
    assert raised.value.field == "kind"
