"""Child in need plans: start, reviews, end; never alongside a child protection plan."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    end_cin_plan,
    record_cin_plan_review,
    record_initial_conference,
    record_s47_outcome,
    start_cin_plan,
    start_cp_plan,
)
from frontdoor.casework.models import CINPlan
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 4, 1))


@pytest.fixture
def plan(episode, worker):
    return start_cin_plan(episode, start_date=D(2025, 5, 1), user=worker)


def test_starting_a_cin_plan(plan):
    assert list(CINPlan.objects.open_on(D(2025, 5, 1))) == [plan]
    assert wrote_audit_and_chronology(plan, Kind.PLAN, "Child in need plan started")


def test_a_cin_plan_cannot_start_before_the_referral(episode, worker):
    error = refused(start_cin_plan, episode, start_date=D(2025, 3, 31), user=worker)
    assert error.message == "The child in need plan cannot be before the referral on 1 April 2025."


def test_one_cin_plan_at_a_time(plan, episode, worker):
    error = refused(start_cin_plan, episode, start_date=D(2025, 6, 1), user=worker)
    assert error.message.endswith("already has a child in need plan.")


def test_reviews_and_end(plan, worker):
    review = record_cin_plan_review(plan, held_on=D(2025, 8, 1), user=worker)
    assert plan.last_review_on() == D(2025, 8, 1)
    assert wrote_audit_and_chronology(review, Kind.PLAN, "Child in need plan reviewed")
    end_cin_plan(plan, end_date=D(2025, 9, 1), user=worker)
    plan.refresh_from_db()
    assert plan.end_date == D(2025, 9, 1)
    assert not CINPlan.objects.open_on(D(2025, 9, 1)).exists()
    assert wrote_audit_and_chronology(plan, Kind.PLAN, "Child in need plan ended")


def test_a_cin_plan_does_not_end_before_it_starts(plan, worker):
    error = refused(end_cin_plan, plan, end_date=D(2025, 4, 30), user=worker)
    assert error.message == "The plan cannot end before it started on 1 May 2025."


def test_a_cin_plan_cannot_start_while_a_cp_plan_runs(make_s47, worker):
    enquiry = make_s47(D(2025, 12, 5))
    record_s47_outcome(
        enquiry,
        completed_on=D(2025, 12, 12),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    record_initial_conference(enquiry, held_on=D(2025, 12, 16), is_plan_required=True, user=worker)
    start_cp_plan(enquiry.episode, start_date=D(2025, 12, 16), category="NEG", user=worker)
    error = refused(start_cin_plan, enquiry.episode, start_date=D(2026, 1, 5), user=worker)
    assert error.message.endswith(
        "is on a child protection plan from 16 December 2025. A child in need plan cannot run "
        "at the same time as a child protection plan: end that plan first."
    )
