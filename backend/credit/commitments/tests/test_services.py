"""The register's rules without a database: templates, status over time, breaches."""

from __future__ import annotations

from datetime import date

import pytest

from credit.commitments import services as s
from credit.commitments.services import CommitmentStatus as St

TODAY = date(2026, 6, 1)


def data(**over: object) -> s.CommitmentInput:
    base: dict[str, object] = {
        "kind": "licence",
        "matter": "保安服务许可",
        "signed_on": date(2026, 1, 5),
        "receiving_unit": "舞钢市公安局治安大队",
    }
    base.update(over)
    return s.CommitmentInput(**base)  # type: ignore[arg-type]


def test_an_empty_text_takes_the_kinds_template_with_the_matter() -> None:
    checked = s.check_input(data(), TODAY)
    assert checked.from_template
    assert "“保安服务许可”" in checked.content and "承诺" in checked.content


def test_a_written_text_is_kept() -> None:
    checked = s.check_input(data(content="  本公司承诺按期补齐材料。 "), TODAY)
    assert not checked.from_template and checked.content == "本公司承诺按期补齐材料。"


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"kind": "promise"}, "kind"),
        ({"matter": "  "}, "matter"),
        ({"matter": "许" * 201}, "matter"),
        ({"signed_on": date(2026, 6, 2)}, "signedOn"),
        ({"valid_until": date(2026, 1, 4)}, "validUntil"),
        ({"receiving_unit": ""}, "receivingUnit"),
        ({"content": "字" * 5001}, "content"),
    ],
)
def test_bad_input_names_its_field(over: dict[str, object], field: str) -> None:
    with pytest.raises(s.CommitmentInputError) as err:
        s.check_input(data(**over), TODAY)
    assert err.value.field == field


def test_status_follows_the_day_asked() -> None:
    signed, until = date(2026, 1, 5), date(2026, 3, 1)
    assert s.status_on(signed, until, None, date(2026, 1, 4)) == St.NOT_YET_SIGNED
    assert s.status_on(signed, until, None, date(2026, 3, 1)) == St.ACTIVE
    assert s.status_on(signed, until, None, date(2026, 3, 2)) == St.EXPIRED
    assert s.status_on(signed, None, date(2026, 2, 1), date(2026, 1, 31)) == St.ACTIVE
    assert s.status_on(signed, None, date(2026, 2, 1), date(2026, 2, 1)) == St.WITHDRAWN
    assert s.publicly_listed(St.EXPIRED) and not s.publicly_listed(St.WITHDRAWN)


def test_a_natural_persons_text_is_not_public() -> None:
    assert s.public_content("NATURAL_PERSON", "本人张三承诺") is None
    assert s.public_content("ENTERPRISE", "本公司承诺") == "本公司承诺"


def breach(**over: object) -> None:
    base: dict[str, object] = {
        "record_type": "licence_commitment_violation",
        "record_subject_id": 1,
        "commitment_subject_id": 1,
        "commitment_kind": "licence",
        "commitment_withdrawn": False,
        "signed_on": date(2026, 1, 5),
        "occurred_on": date(2026, 2, 1),
    }
    base.update(over)
    s.check_breach(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"record_type": "penalty"}, "recordId"),
        ({"record_subject_id": 2}, "commitmentId"),
        ({"commitment_kind": "credit"}, "commitmentId"),
        ({"commitment_withdrawn": True}, "commitmentId"),
        ({"occurred_on": date(2026, 1, 4)}, "commitmentId"),
    ],
)
def test_a_breach_must_fit_its_commitment(over: dict[str, object], field: str) -> None:
    breach()  # the base case is fine
    with pytest.raises(s.CommitmentInputError) as err:
        breach(**over)
    assert err.value.field == field
