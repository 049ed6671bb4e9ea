"""Closing a family's early help: a reason, the outcomes achieved, and every plan outcome."""

import pytest

from frontdoor.earlyhelp.actions import (
    OutcomeInput,
    add_plan_outcomes,
    close_episode,
)
from frontdoor.earlyhelp.models import AchievedHeading
from frontdoor.earlyhelp.tests.conftest import refused

pytestmark = pytest.mark.django_db


def test_closing_with_open_plan_outcomes_asks_for_their_outcome(family, practitioner):
    episode = family()
    start = episode.start_date
    [school, sleep] = add_plan_outcomes(
        episode,
        [
            OutcomeInput("education", "Amelia at school every day", "Mum and school", start),
            OutcomeInput("health", "Bedtime by 8pm", "Mum", start),
        ],
        on=start,
        user=practitioner,
    )
    error = refused(
        close_episode,
        episode,
        closure_date=start,
        reason="needs_met",
        results={school.pk: "achieved"},
        achieved=["education"],
        note="",
        user=practitioner,
    )
    assert error.field == "outcomes" and "Bedtime by 8pm" in error.message
    episode.refresh_from_db()
    assert episode.is_open and not AchievedHeading.objects.exists()
    close_episode(
        episode,
        closure_date=start,
        reason="needs_met",
        results={school.pk: "achieved", sleep.pk: "partly"},
        achieved=["education"],
        note="",
        user=practitioner,
    )
    sleep.refresh_from_db()
    episode.refresh_from_db()
    assert (sleep.result, episode.is_open) == ("partly", False)
    assert episode.members.filter(left_on__isnull=True).count() == 0
