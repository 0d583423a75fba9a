"""As-of view of a record: status and publication date at an instant."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from credit.policies import RecordStatus, published_on, record_status_at
from credit.policies.tests.builders import at, d, record


def test_record_status_at_follows_transitions_as_of() -> None:
    r = record(
        1, "hint_other", "2024-01-01", published="2024-01-10", reviewed=True, revoked="2024-02-01"
    )
    assert record_status_at(r, at("2024-01-06")) is None  # created 2024-01-07 10:00
    assert record_status_at(r, at("2024-01-07", 10)) == RecordStatus.DRAFT
    assert record_status_at(r, at("2024-01-09", 11)) == RecordStatus.VERIFIED
    assert record_status_at(r, at("2024-01-10", 9)) == RecordStatus.VERIFIED
    # published, but revoked since: the revocation applies to the past (issue 11)
    assert record_status_at(r, at("2024-01-10", 10)) == RecordStatus.REVOKED
    assert record_status_at(r, at("2024-02-01", 15)) == RecordStatus.REVOKED


def test_record_status_at_a_published_record_without_exit_is_published() -> None:
    r = record(1, "hint_other", "2024-01-01", published="2024-01-10", reviewed=True)
    assert record_status_at(r, at("2024-01-10", 10)) == RecordStatus.PUBLISHED


def test_published_on_is_the_local_date_of_first_publication_as_of() -> None:
    r = record(1, "hint_other", "2024-01-01", published="2024-01-10")
    assert published_on(r, at("2024-01-10", 9)) is None
    assert published_on(r, at("2024-01-10", 11)) == d("2024-01-10")
    # 2024-01-10 10:00 in Shanghai is 02:00 UTC; an instant on 2024-01-09 16:30 UTC is
    # 2024-01-10 00:30 local: before publication.
    assert published_on(r, datetime(2024, 1, 9, 16, 30, tzinfo=UTC)) is None
    assert published_on(r, datetime(2024, 1, 10, 3, 0, tzinfo=UTC)) == d("2024-01-10")


def test_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        record_status_at(record(1, "hint_other", "2024-01-01"), datetime(2024, 1, 1))
