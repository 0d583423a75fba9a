"""The association's rules without a database."""

from __future__ import annotations

from datetime import date

import pytest

from credit.associations import services as s


def test_the_rating_is_read_back_from_the_summary_it_wrote() -> None:
    for rating in s.RATINGS:
        assert s.rating_of(s.rating_summary(rating, "")) == rating
        assert s.rating_of(s.rating_summary(rating, "年度评定")) == rating
    assert s.rating_of("行业协会信用等级 AAAA") is None


@pytest.mark.parametrize(
    ("rating", "rated_on", "note", "field"),
    [
        ("Z", date(2026, 1, 1), "", "rating"),
        ("A", date(2026, 6, 2), "", "ratedOn"),
        ("A", date(2026, 1, 1), "字" * 201, "note"),
    ],
)
def test_bad_ratings_name_their_field(rating: str, rated_on: date, note: str, field: str) -> None:
    with pytest.raises(s.AssociationInputError) as err:
        s.check_rating(rating, rated_on, note, date(2026, 6, 1))
    assert err.value.field == field


def test_members_are_organisations_of_the_associations_jurisdiction() -> None:
    s.check_member("ENTERPRISE", 1, 1)
    with pytest.raises(s.AssociationInputError):
        s.check_member("NATURAL_PERSON", 1, 1)
    with pytest.raises(s.AssociationInputError):
        s.check_member("ENTERPRISE", 2, 1)
