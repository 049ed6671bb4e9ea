"""Closing a CIN episode ends nothing silently, and never comes before recorded activity."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    close_cin_episode,
    end_cin_plan,
    start_assessment,
    start_cin_plan,
    start_looked_after_episode,
)
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 4, 1))


def test_an_episode_with_open_work_cannot_close_and_the_message_says_which(episode, worker):
    start_cin_plan(episode, start_date=D(2025, 5, 1), user=worker)
    start_looked_after_episode(
        episode, start_date=D(2025, 5, 2), legal_status="V2", placement_type="U6", user=worker
    )
    start_assessment(episode, start_date=D(2025, 4, 2), user=worker)
    error = refused(
        close_cin_episode, episode, closure_date=D(2025, 9, 1), reason="RC7", user=worker
    )
    assert error.message == (
        "This episode cannot close while work is still open. First end the child in need "
        "plan started on 1 May 2025 and the looked-after episode started on 2 May 2025 and "
        "the assessment started on 2 April 2025."
    )
    episode.refresh_from_db()
    assert episode.is_open


def test_closure_cannot_come_before_the_last_activity(episode, worker):
    plan = start_cin_plan(episode, start_date=D(2025, 5, 1), user=worker)
    end_cin_plan(plan, end_date=D(2025, 8, 1), user=worker)
    error = refused(
        close_cin_episode, episode, closure_date=D(2025, 7, 1), reason="RC7", user=worker
    )
    assert error.message == (
        "The closure date cannot be before the last recorded activity on 1 August 2025."
    )
    close_cin_episode(episode, closure_date=D(2025, 8, 1), reason="RC7", user=worker)
    assert wrote_audit_and_chronology(episode, Kind.EPISODE, "Child in need episode closed")


def test_no_plan_after_the_episode_closed(episode, worker):
    close_cin_episode(episode, closure_date=D(2025, 5, 1), reason="RC7", user=worker)
    error = refused(start_cin_plan, episode, start_date=D(2025, 5, 2), user=worker)
    assert (
        error.message == "The child in need plan cannot be after the episode closed on 1 May 2025."
    )


def test_a_referral_with_work_recorded_cannot_close_as_no_further_action(episode, worker):
    plan = start_cin_plan(episode, start_date=D(2025, 5, 1), user=worker)
    end_cin_plan(plan, end_date=D(2025, 8, 1), user=worker)
    error = refused(
        close_cin_episode,
        episode,
        closure_date=D(2025, 8, 1),
        reason="RC7",
        referral_nfa=True,
        user=worker,
    )
    assert error.message == (
        "A referral with no further action has no assessment or plan, and this episode has "
        "a child in need plan. Choose another reason for closure."
    )


def test_rc8_and_rc9_are_refused_once_the_case_went_beyond_an_assessment(episode, worker):
    """DfE rule 2990: closed "after assessment" means no enquiry, conference or plan."""
    plan = start_cin_plan(episode, start_date=D(2025, 5, 1), user=worker)
    end_cin_plan(plan, end_date=D(2025, 8, 1), user=worker)
    for reason in ("RC8", "RC9"):
        error = refused(
            close_cin_episode, episode, closure_date=D(2025, 8, 1), reason=reason, user=worker
        )
        assert error.field == "reason"
        assert error.message == (
            f"{reason} means the case closed after an assessment alone, and this episode has "
            "a child in need plan. Choose another reason for closure, such as RC7."
        )
    episode.refresh_from_db()
    assert episode.is_open
    close_cin_episode(episode, closure_date=D(2025, 8, 1), reason="RC7", user=worker)
