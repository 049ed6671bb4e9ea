"""Repeat missing (default 3 episodes in 90 days, configurable) or a high screening prompts
a strategy discussion or a MACE referral: a prompt, never a decision."""

import datetime as dt

import pytest
from django.urls import reverse

from frontdoor.outside import actions
from frontdoor.outside.prompts import prompts_for
from frontdoor.outside.tests.conftest import D, at
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


def _episodes(child, missing, days):
    for day in days:
        missing(child, at(day, 20), back=at(day + dt.timedelta(days=1), 8))


def test_three_episodes_in_90_days_prompt_and_two_do_not(child, missing):
    _episodes(child, missing, [D(2026, 1, 10), D(2026, 2, 10)])
    assert prompts_for([child.pk], D(2026, 3, 31)) == {}
    _episodes(child, missing, [D(2026, 3, 10)])
    prompt = prompts_for([child.pk], D(2026, 3, 31))[child.pk]
    assert "Missing 3 times in the last 90 days" in prompt.reasons[0]


def test_episodes_spread_over_more_than_90_days_do_not_prompt(child, missing):
    _episodes(child, missing, [D(2025, 10, 1), D(2026, 1, 10), D(2026, 3, 10)])
    assert prompts_for([child.pk], D(2026, 3, 31)) == {}


def test_the_trigger_is_configurable(child, missing, settings):
    settings.FRONTDOOR_REPEAT_MISSING_EPISODES = 2
    _episodes(child, missing, [D(2026, 2, 10), D(2026, 3, 10)])
    assert child.pk in prompts_for([child.pk], D(2026, 3, 31))


def test_a_high_screening_prompts_on_the_caseload(child, missing, roth):
    missing(child, at(dt.date.today() - dt.timedelta(days=3), 20))
    actions.record_screening(
        child, kind="cce", screened_on=dt.date.today(), ratings={}, is_disclosure=True, user=roth
    )
    page = client_for(roth).get(reverse("outside:caseload")).content.decode()
    assert "Consider a strategy discussion or a MACE referral" in page
    assert "screening is high" in page
