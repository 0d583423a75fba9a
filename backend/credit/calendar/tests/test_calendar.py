"""SY 第十四条 "15个工作日": working days on the statutory calendar, and what happens
where no calendar knows the day."""

from __future__ import annotations

from datetime import date

import pytest
from tortoise.transactions import in_transaction

from credit.accounts.models import Role
from credit.calendar.services import fill_calendar_year, year_days
from credit.calendar.workdays import (
    DaySource,
    add_working_days,
    day_status,
    deadline_after,
    roll_to_working_day,
    working_days_left,
)
from credit.casework.error_codes import CaseError
from credit.casework.testing import make_actor

# The 2027 arrangement as an admin would enter it from the State Council's notice
# (assumed here for the test: New Year's Day on Friday 2027-01-01, no make-up day).
REST_2027 = {date(2027, 1, 1): "元旦"}


def test_article14_15_working_days_across_national_day_2026() -> None:
    # given: accepted on Monday 2026-09-28; 10-01..10-07 are holidays and Saturday
    # 10-10 is a make-up working day in the 2026 arrangement the package carries
    assert day_status(date(2026, 10, 5), {}) == (False, DaySource.STATUTORY)
    assert day_status(date(2026, 10, 10), {}) == (True, DaySource.STATUTORY)

    # when
    deadline = add_working_days(date(2026, 9, 28), 15, {})

    # then: 9-29, 9-30, 10-8, 10-9, 10-10 (Saturday), 10-12 … 10-16, 10-19 … 10-23
    assert deadline.due == date(2026, 10, 23)
    assert not deadline.provisional
    assert deadline.warning == ""


def test_article14_15_working_days_into_an_unknown_year_are_provisional() -> None:
    # given: accepted on Monday 2026-12-21; the package knows nothing of 2027
    assert day_status(date(2027, 1, 4), {})[1] == DaySource.GUESS

    # when
    deadline = add_working_days(date(2026, 12, 21), 15, {})

    # then: counted with weekends only (1-1 counted as a working day), and flagged
    assert deadline.due == date(2027, 1, 11)
    assert deadline.provisional
    assert deadline.guessed_days[0] == date(2027, 1, 1)
    assert "2027年的法定节假日安排尚未录入工作日历" in deadline.warning
    assert "暂定" in deadline.warning


def test_article14_15_working_days_into_2027_exact_with_admin_rows() -> None:
    # given: the whole of 2027 entered by an admin, New Year's Day a holiday
    table = {d.date: d.is_working_day for d in year_days(2027, REST_2027, {})}

    # when
    deadline = add_working_days(date(2026, 12, 21), 15, table)

    # then: 1-1 is not counted, so the deadline moves a day, and it is exact
    assert deadline.due == date(2027, 1, 12)
    assert not deadline.provisional
    assert deadline.warning == ""


def test_table_rows_win_over_the_package() -> None:
    # given: a late change the package does not have (as with the 2020 extension)
    table = {date(2026, 10, 8): False}

    # when
    deadline = add_working_days(date(2026, 9, 30), 1, table)

    # then
    assert day_status(date(2026, 10, 8), table) == (False, DaySource.TABLE)
    assert deadline.due == date(2026, 10, 9)


def test_civil_code_203_a_period_ending_on_a_rest_day_rolls_over() -> None:
    # given/when/then: Saturday 2026-10-31 → Monday 11-02; the make-up Saturday 10-10 is
    # a working day and stays; the holiday run ends on 10-07
    assert roll_to_working_day(date(2026, 10, 31), {}) == (date(2026, 11, 2), ())
    assert roll_to_working_day(date(2026, 10, 10), {}) == (date(2026, 10, 10), ())
    assert roll_to_working_day(date(2026, 10, 3), {}) == (date(2026, 10, 8), ())


def test_working_days_left_counts_on_the_calendar() -> None:
    due = date(2026, 10, 23)
    assert working_days_left(date(2026, 10, 20), due, {}) == (3, False)
    assert working_days_left(date(2026, 10, 23), due, {}) == (0, False)
    assert working_days_left(date(2026, 10, 26), due, {}) == (-1, False)
    # 9-30 → 10-23 crosses the holiday: 10-8, 10-9, 10-10 (Saturday), then 10 more
    assert working_days_left(date(2026, 9, 30), due, {}) == (13, False)
    assert working_days_left(date(2026, 12, 30), date(2027, 1, 5), {})[1] is True


def test_year_days_refuses_inconsistent_input() -> None:
    with pytest.raises(CaseError, match="不属于2027年"):
        year_days(2027, {date(2026, 12, 31): "x"}, {})
    with pytest.raises(CaseError, match="既是休息日又是调休工作日"):
        year_days(2027, {date(2027, 2, 6): "x"}, {date(2027, 2, 6): "y"})
    days = year_days(2027, REST_2027, {date(2027, 2, 6): "春节调休"})
    assert len(days) == 365
    assert next(d for d in days if d.date == date(2027, 2, 6)).is_working_day


async def test_article14_deadline_into_2027_with_and_without_admin_rows(db: str) -> None:
    # given: no rows
    admin = await make_actor(Role.ADMIN)
    async with in_transaction() as conn:
        guessed = await deadline_after(conn, date(2026, 12, 21), 15)

    # when: the admin enters 2027
    async with in_transaction() as conn:
        written = await fill_calendar_year(conn, admin, 2027, REST_2027, {})
        exact = await deadline_after(conn, date(2026, 12, 21), 15)

    # then
    assert guessed.provisional and guessed.due == date(2027, 1, 11)
    assert written == 365
    assert not exact.provisional and exact.due == date(2027, 1, 12)
