"""Exploitation screening: the rules (domain.md §6), the indicators shown with the level, a
named person's judgement with a reason."""

import pytest

from frontdoor.outside import actions
from frontdoor.outside.rules import screening_level
from frontdoor.outside.tests.conftest import D, refused

pytestmark = pytest.mark.django_db


def test_a_disclosure_means_high_whatever_the_ratings():
    result = screening_level({"online_contact": "low"}, is_disclosure=True, age=16)
    assert (result.level, result.is_significant) == ("high", True)
    assert "disclosed" in result.reasons[0]


def test_aged_13_one_high_indicator_is_significant():
    result = screening_level({"relationships_older": "high"}, is_disclosure=False, age=13)
    assert (result.level, result.is_significant) == ("high", True)
    assert "13 or under" in result.reasons[0]
    assert "Older associates" in result.reasons[1]


def test_aged_14_one_high_indicator_is_medium():
    result = screening_level({"relationships_older": "high"}, is_disclosure=False, age=14)
    assert (result.level, result.is_significant) == ("medium", False)


def test_two_high_indicators_are_high_and_three_medium_are_medium():
    two_high = {"missing_repeat": "high", "finance_unexplained": "high"}
    assert screening_level(two_high, is_disclosure=False, age=15).level == "high"
    three = {
        "missing_repeat": "medium",
        "finance_unexplained": "medium",
        "online_contact": "medium",
    }
    assert screening_level(three, is_disclosure=False, age=15).level == "medium"
    assert screening_level({"online_contact": "low"}, is_disclosure=False, age=15).level == "low"


def test_a_screening_keeps_the_level_its_reasons_and_a_different_judgement(make_child, roth):
    child = make_child(born=D(2012, 9, 1))  # 13 on 1 March 2026
    screening = actions.record_screening(
        child,
        kind="cse",
        screened_on=D(2026, 3, 1),
        ratings={"relationships_older": "high"},
        user=roth,
        review_on=D(2026, 6, 1),
    )
    assert (screening.level, screening.final_level, screening.age_at_screening) == (
        "high",
        "high",
        13,
    )
    assert any("Older associates" in reason for reason in screening.reasons)
    error = refused(
        actions.record_screening,
        child,
        kind="cce",
        screened_on=D(2026, 3, 1),
        ratings={},
        judged_level="medium",
        user=roth,
    )
    assert error.field == "judgement_reason"
    judged = actions.record_screening(
        child,
        kind="cce",
        screened_on=D(2026, 3, 1),
        ratings={},
        judged_level="medium",
        judgement_reason="Police intelligence links her to a county line.",
        user=roth,
    )
    assert (judged.level, judged.final_level, judged.differs_from_rules) == ("low", "medium", True)
