"""Single assessments: the 45-working-day clock, the rules, the audit and chronology."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    authorise_assessment,
    close_cin_episode,
    record_assessment_factors,
    record_child_seen,
    start_assessment,
)
from frontdoor.casework.models import Assessment
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 12, 1))


@pytest.fixture
def assessment(episode, worker):
    return start_assessment(episode, start_date=D(2025, 12, 2), user=worker)


def test_an_assessment_is_due_45_working_days_after_the_referral_across_christmas(assessment):
    assert assessment.due_date == D(2026, 2, 5)
    assert not assessment.is_overdue(D(2026, 2, 5))
    assert assessment.is_overdue(D(2026, 2, 6))


def test_overdue_assessments_are_a_query(assessment, make_episode, worker):
    other = start_assessment(make_episode(D(2026, 1, 5)), start_date=D(2026, 1, 5), user=worker)
    assert list(Assessment.objects.overdue(D(2026, 2, 6))) == [assessment]
    assert other.due_date == D(2026, 3, 9)
    authorise_assessment(
        assessment, authorised_on=D(2026, 2, 6), outcome="cin_plan", factors=["3B"], user=worker
    )
    assert not Assessment.objects.overdue(D(2026, 2, 9)).exists()
    assert Assessment.objects.overdue(D(2026, 2, 9)).count() == 0


def test_starting_an_assessment_writes_audit_and_chronology(assessment):
    assert wrote_audit_and_chronology(assessment, Kind.ASSESSMENT, "Single assessment started")


def test_an_assessment_cannot_start_before_the_referral(episode, worker):
    error = refused(start_assessment, episode, start_date=D(2025, 11, 28), user=worker)
    assert error.message == "The assessment cannot be before the referral on 1 December 2025."
    assert error.field == "start_date"


def test_only_one_assessment_is_open_at_a_time(assessment, episode, worker):
    error = refused(start_assessment, episode, start_date=D(2025, 12, 3), user=worker)
    assert error.message.endswith(
        "already has an assessment in progress. Authorise it before starting another."
    )


def test_recording_the_child_seen_alone(assessment, worker):
    record_child_seen(assessment, seen_on=D(2025, 12, 3), is_seen_alone=True, user=worker)
    assessment.refresh_from_db()
    assert (assessment.child_seen_on, assessment.is_seen_alone) == (D(2025, 12, 3), True)
    assert wrote_audit_and_chronology(assessment, Kind.ASSESSMENT, "Child seen (seen alone)")


def test_factors_are_dfe_codes(assessment, worker):
    record_assessment_factors(assessment, factors=["3B", "4B", "3B"], user=worker)
    assessment.refresh_from_db()
    assert assessment.factors == ["3B", "4B"]
    assert wrote_audit_and_chronology(assessment, Kind.ASSESSMENT, "Factors identified")
    error = refused(record_assessment_factors, assessment, factors=["99"], user=worker)
    assert error.message == "“99” is not a DfE assessment factor code."


def test_no_factors_identified_stands_alone(assessment, worker):
    error = refused(record_assessment_factors, assessment, factors=["21", "3B"], user=worker)
    assert error.message == ("“No factors identified” (21) cannot be recorded with other factors.")


def test_authorising_in_time_records_the_outcome(assessment, worker):
    authorise_assessment(
        assessment, authorised_on=D(2026, 2, 5), outcome="cin_plan", factors=["16A"], user=worker
    )
    assessment.refresh_from_db()
    assert assessment.is_within_timescale() is True
    assert assessment.needs_social_care() is True
    assert list(Assessment.objects.authorised_in_time()) == [assessment]
    assert wrote_audit_and_chronology(
        assessment, Kind.ASSESSMENT, "Assessment authorised: Child in need plan"
    )


def test_authorising_late_says_how_late_on_the_chronology(assessment, worker):
    from frontdoor.chronology.models import Event

    authorise_assessment(
        assessment, authorised_on=D(2026, 2, 9), outcome="nfa", factors=["21"], user=worker
    )
    assessment.refresh_from_db()
    assert assessment.is_within_timescale() is False
    event = Event.objects.get(summary__startswith="Assessment authorised")
    assert event.detail.startswith("Authorised 2 working days after its due date")


def test_an_assessment_cannot_be_authorised_before_it_started(assessment, worker):
    error = refused(
        authorise_assessment,
        assessment,
        authorised_on=D(2025, 12, 1),
        outcome="nfa",
        factors=["21"],
        user=worker,
    )
    assert error.message == (
        "The assessment cannot be authorised before it started on 2 December 2025."
    )
    assert error.field == "authorised_on"


def test_an_assessment_needs_factors_before_authorisation(assessment, worker):
    error = refused(
        authorise_assessment, assessment, authorised_on=D(2026, 1, 5), outcome="nfa", user=worker
    )
    assert error.message.startswith("Record the factors identified at assessment")


def test_an_authorised_assessment_cannot_change(assessment, worker):
    authorise_assessment(
        assessment, authorised_on=D(2026, 1, 5), outcome="nfa", factors=["21"], user=worker
    )
    error = refused(record_assessment_factors, assessment, factors=["3B"], user=worker)
    assert error.message == "This assessment has been authorised and can no longer change."


def test_no_assessment_activity_after_the_episode_closed(assessment, episode, worker):
    authorise_assessment(
        assessment, authorised_on=D(2026, 1, 5), outcome="nfa", factors=["21"], user=worker
    )
    close_cin_episode(episode, closure_date=D(2026, 1, 6), reason="RC8", user=worker)
    error = refused(start_assessment, episode, start_date=D(2026, 1, 7), user=worker)
    assert error.message == "The assessment cannot be after the episode closed on 6 January 2026."
