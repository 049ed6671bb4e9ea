"""Statutory clocks count working days and hours, skipping weekends and England's bank holidays."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from frontdoor.lib.workdays import (
    add_working_days,
    add_working_hours,
    end_of_next_working_day,
    is_bank_holiday,
    is_within_working_hours,
    is_working_day,
    next_working_day,
    working_day_of_receipt,
    working_days_between,
)

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def test_easter_and_christmas_bank_holidays_are_not_working_days():
    for day in [
        dt.date(2025, 4, 18),
        dt.date(2025, 4, 21),
        dt.date(2024, 12, 25),
        dt.date(2024, 12, 26),
        dt.date(2025, 1, 1),
    ]:
        assert is_bank_holiday(day) and not is_working_day(day), day
    assert is_working_day(dt.date(2024, 12, 24))  # Christmas Eve is an ordinary day
    assert not is_working_day(dt.date(2025, 4, 19))  # a Saturday


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # An ordinary Tuesday morning: close of business on Wednesday.
        (at(2025, 1, 7, 10), at(2025, 1, 8, 17)),
        # Friday in hours: the next working day is Monday.
        (at(2025, 1, 10, 10), at(2025, 1, 13, 17)),
        # Friday 18:00 is out of hours: it counts from Monday, so due Tuesday.
        (at(2025, 1, 10, 18), at(2025, 1, 14, 17)),
        # A Sunday: counts from Monday.
        (at(2025, 1, 12, 11), at(2025, 1, 14, 17)),
        # Maundy Thursday: Good Friday and Easter Monday (18 and 21 April 2025) are skipped.
        (at(2025, 4, 17, 10), at(2025, 4, 22, 17)),
        # Easter Monday morning, a bank holiday: counts from Tuesday, due Wednesday.
        (at(2025, 4, 21, 10), at(2025, 4, 23, 17)),
        # Christmas Eve afternoon 2024: Christmas Day and Boxing Day are skipped.
        (at(2024, 12, 24, 15), at(2024, 12, 27, 17)),
        # Christmas Eve evening: counts from 27 December, due Monday 30th.
        (at(2024, 12, 24, 19), at(2024, 12, 30, 17)),
        # Before opening on a working day counts as that day.
        (at(2025, 1, 7, 7, 30), at(2025, 1, 8, 17)),
    ],
)
def test_a_decision_is_due_by_the_end_of_the_next_working_day(received, due):
    assert end_of_next_working_day(received) == due


def test_the_due_time_does_not_depend_on_the_time_zone_it_is_given_in():
    received = at(2025, 6, 13, 18).astimezone(dt.UTC)  # Friday 18:00 BST is 17:00 UTC
    assert end_of_next_working_day(received) == at(2025, 6, 17, 17)


def test_out_of_hours_receipt_counts_against_the_next_working_day():
    assert working_day_of_receipt(at(2025, 1, 10, 17)) == dt.date(2025, 1, 13)
    assert working_day_of_receipt(at(2025, 1, 10, 16, 59)) == dt.date(2025, 1, 10)
    assert not is_within_working_hours(at(2025, 4, 21, 10))


def test_adding_working_days_skips_weekends_and_bank_holidays():
    assert next_working_day(dt.date(2025, 4, 17)) == dt.date(2025, 4, 22)
    assert add_working_days(dt.date(2025, 4, 17), 1) == dt.date(2025, 4, 22)
    assert add_working_days(dt.date(2024, 12, 20), 3) == dt.date(2024, 12, 27)
    assert add_working_days(dt.date(2025, 1, 6), 45) == dt.date(2025, 3, 10)
    assert add_working_days(dt.date(2025, 1, 6), 0) == dt.date(2025, 1, 6)


def test_counting_working_days_between_two_dates():
    assert working_days_between(dt.date(2025, 4, 17), dt.date(2025, 4, 22)) == 1
    assert working_days_between(dt.date(2024, 12, 20), dt.date(2025, 1, 3)) == 7
    assert working_days_between(dt.date(2025, 1, 6), dt.date(2025, 1, 6)) == 0
    assert working_days_between(dt.date(2025, 1, 8), dt.date(2025, 1, 6)) == 0


def test_working_days_between_undoes_adding_working_days():
    start = dt.date(2024, 12, 20)
    for days in range(0, 30):
        assert working_days_between(start, add_working_days(start, days)) == days


@pytest.mark.parametrize(
    ("start", "hours", "end"),
    [
        # Within one day.
        (at(2025, 1, 7, 10), 3, at(2025, 1, 7, 13)),
        # Ends exactly at close of business.
        (at(2025, 1, 7, 9), 8, at(2025, 1, 7, 17)),
        # Across an evening.
        (at(2025, 1, 7, 16), 2, at(2025, 1, 8, 10)),
        # Across a weekend.
        (at(2025, 1, 10, 16), 2, at(2025, 1, 13, 10)),
        # Started on a Saturday: the clock starts on Monday morning.
        (at(2025, 1, 11, 10), 3, at(2025, 1, 13, 12)),
        # Started before opening: the clock starts at 09:00.
        (at(2025, 1, 7, 7), 1, at(2025, 1, 7, 10)),
        # Started in the evening: the clock starts next morning.
        (at(2025, 1, 7, 20), 8, at(2025, 1, 8, 17)),
        # Across Easter: Good Friday, the weekend and Easter Monday 2025.
        (at(2025, 4, 17, 16, 30), 1, at(2025, 4, 22, 9, 30)),
        # Across Christmas 2024.
        (at(2024, 12, 24, 16), 4, at(2024, 12, 27, 12)),
        # Started on a bank holiday.
        (at(2025, 4, 21, 12), 2, at(2025, 4, 22, 11)),
        # Two whole working days from a Thursday morning.
        (at(2025, 1, 9, 9), 16, at(2025, 1, 10, 17)),
    ],
)
def test_adding_working_hours_counts_only_working_time(start, hours, end):
    assert add_working_hours(start, hours) == end
