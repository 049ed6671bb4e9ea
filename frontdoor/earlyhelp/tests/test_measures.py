"""Early help's KPIs in `frontdoor kpis` (one definition each, frontdoor/kpis/earlyhelp.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.casework.actions import (
    authorise_assessment,
    close_cin_episode,
    open_cin_episode,
    start_assessment,
)
from frontdoor.casework.tests.conftest import at
from frontdoor.earlyhelp.tests.conftest import D
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import measure_all

pytestmark = pytest.mark.django_db


def test_a_step_down_referred_again_within_12_months_shows_in_the_measures(
    make_episode, worker, manager
):
    cin = make_episode(D(2024, 4, 1))
    assessment = start_assessment(cin, start_date=D(2024, 4, 2), user=worker)
    authorise_assessment(  # Tuesday 30 April: the recommendation; decided 3 working days on
        assessment,
        authorised_on=D(2024, 4, 30),
        outcome="early_help",
        factors=["4B"],
        user=manager,
    )
    close_cin_episode(
        cin,
        closure_date=D(2024, 5, 3),
        reason="RC9",
        user=manager,
        note="Early help now.",
        at=at(D(2024, 5, 3)),
    )
    open_cin_episode(
        cin.person, contact=cin.contact, referral_date=D(2024, 11, 1), source="5D", user=worker
    )
    figures = measure_all(Period(D(2024, 4, 1), D(2025, 3, 31)))
    assert figures["early_help_step_downs"] == 1
    assert figures["early_help_step_downs_median_working_days"] == 3.0
    assert figures["early_help_step_downs_p90_working_days"] == 3.0
    assert figures["early_help_step_downs_referred_within_12_months_rate"] == 100.0
    assert figures["early_help_families_open_at_end"] == 1
    assert figures["early_help_children_open_at_end"] == 1
    assert figures["early_help_episodes_started"] == 1


def test_a_front_door_decision_counts_families_and_children_in_early_help(family):
    episode = family(siblings=0)
    today = timezone.localdate()
    figures = measure_all(Period(today - dt.timedelta(days=30), today))
    assert figures["early_help_families_supported"] == 1
    assert figures["early_help_children_supported"] == 1
    assert figures["early_help_step_downs"] == 0  # a front-door decision is not a step-down
    assert episode.is_open
