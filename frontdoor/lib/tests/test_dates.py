import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from frontdoor.lib.dates import (
    add_years,
    age_on,
    govuk_date,
    govuk_datetime,
    is_within_months,
    months_before,
    period_of_months_ending,
    within_months_start,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2023, 3, 31), 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
        (dt.date(2025, 1, 15), 6, dt.date(2024, 7, 15)),
    ],
)
def test_months_before_keeps_the_day_or_falls_back_to_the_end_of_a_shorter_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert months_before(day, months) == expected


def test_a_year_from_29_february_falls_on_28_february():
    assert add_years(dt.date(2024, 2, 29), -1) == dt.date(2023, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_within_12_months_includes_the_same_date_a_year_earlier():
    assert within_months_start(dt.date(2025, 3, 31), 12) == dt.date(2024, 3, 31)
    assert is_within_months(dt.date(2024, 3, 31), dt.date(2025, 3, 31), 12)
    assert not is_within_months(dt.date(2024, 3, 30), dt.date(2025, 3, 31), 12)
    assert not is_within_months(dt.date(2025, 4, 1), dt.date(2025, 3, 31), 12)


def test_a_period_of_six_months_ending_on_31_march_starts_on_1_october():
    assert period_of_months_ending(dt.date(2025, 3, 31), 6) == (
        dt.date(2024, 10, 1),
        dt.date(2025, 3, 31),
    )


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        (dt.date(2016, 5, 10), dt.date(2025, 5, 9), 8),
        (dt.date(2016, 5, 10), dt.date(2025, 5, 10), 9),
        (dt.date(2016, 2, 29), dt.date(2025, 2, 28), 8),
        (dt.date(2016, 2, 29), dt.date(2025, 3, 1), 9),
    ],
)
def test_age_in_whole_years(born: dt.date, day: dt.date, age: int) -> None:
    assert age_on(born, day) == age


def test_dates_are_written_the_govuk_way_in_local_time():
    assert govuk_date(dt.date(2026, 12, 6)) == "6 December 2026"
    summer_evening = dt.datetime(2026, 7, 1, 22, 30, tzinfo=ZoneInfo("UTC"))
    assert govuk_datetime(summer_evening) == "1 July 2026 23:30"  # British Summer Time
    assert govuk_date(summer_evening) == "1 July 2026"
    assert govuk_datetime(None) == ""
