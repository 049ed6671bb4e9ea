"""The statutory clocks, with exact dates across weekends, Christmas and Easter."""

import datetime as dt

from frontdoor.casework.clocks import (
    add_months,
    assessment_due,
    core_group_due,
    cp_review_due,
    icpc_due,
)

D = dt.date


def test_assessment_is_due_45_working_days_after_the_referral_skipping_christmas():
    # Dec 2025: 25, 26 Dec and 1 Jan are bank holidays, and weekends do not count.
    assert assessment_due(D(2025, 12, 1)) == D(2026, 2, 5)


def test_assessment_referred_on_a_friday_counts_from_the_monday():
    assert assessment_due(D(2025, 6, 6)) == D(2025, 8, 8)


def test_icpc_is_due_15_working_days_after_the_strategy_discussion_skipping_easter():
    # Good Friday 18 April, Easter Monday 21 April and the early May bank holiday (5 May).
    assert icpc_due(D(2025, 4, 10)) == D(2025, 5, 6)


def test_icpc_clock_from_a_saturday_discussion_starts_on_the_monday():
    assert icpc_due(D(2025, 3, 8)) == D(2025, 3, 28)


def test_core_group_is_due_10_working_days_after_the_icpc_skipping_christmas_and_new_year():
    assert core_group_due(D(2025, 12, 16)) == D(2026, 1, 2)


def test_core_group_clock_skips_easter():
    assert core_group_due(D(2025, 4, 14)) == D(2025, 4, 30)


def test_first_review_is_due_3_months_after_the_plan_starts():
    assert cp_review_due(D(2025, 1, 15), None) == D(2025, 4, 15)


def test_first_review_due_date_is_a_calendar_date_even_on_a_bank_holiday():
    # 26 December is Boxing Day: the review must be held by then, so in practice before it.
    assert cp_review_due(D(2025, 9, 26), None) == D(2025, 12, 26)


def test_three_months_from_the_end_of_november_is_the_end_of_february():
    assert cp_review_due(D(2024, 11, 29), None) == D(2025, 2, 28)
    assert cp_review_due(D(2023, 11, 30), None) == D(2024, 2, 29)


def test_later_reviews_are_due_6_months_after_the_last_review():
    assert cp_review_due(D(2024, 11, 29), D(2025, 2, 27)) == D(2025, 8, 27)
    assert cp_review_due(D(2024, 6, 3), D(2025, 8, 31)) == D(2026, 2, 28)


def test_adding_months_crosses_the_year():
    assert add_months(D(2025, 11, 15), 3) == D(2026, 2, 15)
