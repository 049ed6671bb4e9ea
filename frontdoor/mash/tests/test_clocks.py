import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from frontdoor.accounts.models import Agency
from frontdoor.lib.workdays import end_of_next_working_day
from frontdoor.mash.clocks import check_due_at
from frontdoor.mash.models import CheckClockRule

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def test_red_check_is_due_four_working_hours_after_a_request_in_working_hours():
    assert check_due_at(at(2025, 4, 14, 10), "red") == at(2025, 4, 14, 14)


def test_red_check_requested_late_in_the_day_runs_into_the_next_morning():
    assert check_due_at(at(2025, 4, 14, 15), "red") == at(2025, 4, 15, 11)


def test_red_check_skips_the_easter_bank_holidays():
    # Thursday 17 April 2025 15:00: two hours that day, then Good Friday and Easter Monday.
    assert check_due_at(at(2025, 4, 17, 15), "red") == at(2025, 4, 22, 11)


def test_red_check_requested_on_a_saturday_night_counts_from_monday_morning():
    assert check_due_at(at(2025, 4, 12, 22), "red") == at(2025, 4, 14, 13)


def test_red_check_requested_before_opening_counts_from_opening():
    assert check_due_at(at(2025, 4, 14, 7, 30), "red") == at(2025, 4, 14, 13)


def test_amber_check_is_due_at_close_of_the_next_working_day_after_easter():
    assert check_due_at(at(2025, 4, 17, 10), "amber") == at(2025, 4, 22, 17)


def test_amber_check_matches_the_decision_clock_for_one_working_day():
    for moment in [at(2025, 4, 17, 10), at(2025, 4, 12, 22), at(2024, 12, 24, 18)]:
        assert check_due_at(moment, "amber") == end_of_next_working_day(moment)


def test_green_check_skips_christmas_and_boxing_day():
    # Monday 23 December 2024: Tuesday 24, Friday 27, Monday 30.
    assert check_due_at(at(2024, 12, 23, 10), "green") == at(2024, 12, 30, 17)


def test_amber_check_requested_on_christmas_eve_evening_counts_from_the_27th():
    assert check_due_at(at(2024, 12, 24, 18), "amber") == at(2024, 12, 30, 17)


def test_an_agency_override_in_calendar_hours_ignores_weekends():
    police = Agency.objects.get(slug="police")
    CheckClockRule.objects.create(agency=police, rag="red", mode="calendar_hours", amount=2)
    assert check_due_at(at(2025, 4, 12, 10), "red", police) == at(2025, 4, 12, 12)


def test_an_agency_override_does_not_change_other_agencies_clocks():
    police = Agency.objects.get(slug="police")
    health = Agency.objects.get(slug="health")
    CheckClockRule.objects.create(agency=police, rag="red", mode="calendar_hours", amount=2)
    assert check_due_at(at(2025, 4, 12, 10), "red", health) == at(2025, 4, 14, 13)


def test_a_changed_council_default_is_used():
    CheckClockRule.objects.filter(agency__isnull=True, rag="green").update(
        mode="working_hours", amount=24
    )
    assert check_due_at(at(2025, 4, 14, 9), "green") == at(2025, 4, 16, 17)
