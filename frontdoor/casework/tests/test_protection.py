"""Section 47 outcome, ICPC (15 working days), CP plan, reviews, core group and visits."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    change_category_of_abuse,
    end_cin_plan,
    end_cp_plan,
    record_core_group_meeting,
    record_cp_review,
    record_further_strategy_discussion,
    record_initial_conference,
    record_s47_outcome,
    record_statutory_visit,
    start_cin_plan,
    start_cp_plan,
)
from frontdoor.casework.models import CPPlan, S47Enquiry
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def enquiry(make_s47):
    return make_s47(D(2025, 12, 5))


@pytest.fixture
def conference(enquiry, worker):
    record_s47_outcome(
        enquiry,
        completed_on=D(2025, 12, 12),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    return record_initial_conference(
        enquiry, held_on=D(2025, 12, 16), is_plan_required=True, user=worker
    )


@pytest.fixture
def plan(conference, worker):
    return start_cp_plan(
        conference.episode, start_date=D(2025, 12, 16), category="NEG", user=worker
    )


def test_the_icpc_is_due_15_working_days_after_the_strategy_discussion_across_christmas(enquiry):
    assert enquiry.icpc_due_date == D(2025, 12, 30)
    assert not enquiry.is_icpc_overdue(D(2025, 12, 30))
    assert enquiry.is_icpc_overdue(D(2025, 12, 31))
    assert list(S47Enquiry.objects.icpc_overdue(D(2025, 12, 31))) == [enquiry]


def test_a_further_strategy_discussion_restarts_the_icpc_clock(enquiry, worker):
    record_further_strategy_discussion(enquiry, held_on=D(2025, 12, 10), user=worker)
    enquiry.refresh_from_db()
    assert enquiry.icpc_clock_start == D(2025, 12, 10)
    assert enquiry.icpc_due_date == D(2026, 1, 5)
    assert wrote_audit_and_chronology(enquiry, Kind.STRATEGY, "Further strategy discussion")


def test_recording_the_s47_outcome(enquiry, worker):
    record_s47_outcome(
        enquiry,
        completed_on=D(2025, 12, 12),
        is_substantiated=False,
        is_icpc_required=False,
        user=worker,
    )
    enquiry.refresh_from_db()
    assert (enquiry.is_substantiated, enquiry.is_icpc_required) == (False, False)
    assert not S47Enquiry.objects.awaiting_icpc().exists()
    assert wrote_audit_and_chronology(
        enquiry, Kind.S47, "Section 47 enquiry completed: concerns not substantiated"
    )
    error = refused(
        record_initial_conference,
        enquiry,
        held_on=D(2025, 12, 16),
        is_plan_required=True,
        user=worker,
    )
    assert error.message == "The section 47 enquiry decided that no initial conference was needed."


def test_an_s47_cannot_end_before_it_started(enquiry, worker):
    error = refused(
        record_s47_outcome,
        enquiry,
        completed_on=D(2025, 12, 4),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    assert error.message == "The enquiry cannot end before it started on 5 December 2025."


def test_an_icpc_is_recorded_with_its_outcome_and_timeliness(conference):
    assert conference.is_within_timescale()
    assert wrote_audit_and_chronology(
        conference, Kind.S47, "Initial child protection conference: child protection plan"
    )


def test_an_icpc_is_not_held_at_a_weekend(enquiry, worker):
    error = refused(
        record_initial_conference,
        enquiry,
        held_on=D(2025, 12, 13),
        is_plan_required=True,
        user=worker,
    )
    assert error.message == (
        "An initial child protection conference cannot be on a Saturday. Choose a working day."
    )
    assert error.field == "held_on"


def test_an_icpc_is_not_held_on_a_bank_holiday(enquiry, worker):
    error = refused(
        record_initial_conference,
        enquiry,
        held_on=D(2025, 12, 25),
        is_plan_required=True,
        user=worker,
    )
    assert error.message == (
        "An initial child protection conference cannot be on a bank holiday "
        "(25 December 2025). Choose a working day."
    )


def test_a_cp_plan_starts_on_a_conference_date(conference, worker):
    error = refused(
        start_cp_plan, conference.episode, start_date=D(2025, 12, 17), category="NEG", user=worker
    )
    assert error.message == (
        "A child protection plan starts on the date of the conference that decided it, "
        "and no such conference was held on 17 December 2025."
    )


def test_starting_a_cp_plan_sets_its_clocks(plan):
    # Core group within 10 working days of the ICPC, across Christmas and New Year.
    assert plan.core_group_due_date == D(2026, 1, 2) == plan.first_core_group_due()
    # First review within 3 months.
    assert plan.review_due_date == D(2026, 3, 16) == plan.next_review_due()
    assert (plan.initial_category, plan.latest_category, plan.previous_plans) == ("NEG", "NEG", 0)
    assert list(CPPlan.objects.open_on(D(2025, 12, 16))) == [plan]
    assert not CPPlan.objects.open_on(D(2025, 12, 15)).exists()
    assert wrote_audit_and_chronology(plan, Kind.PLAN, "Child protection plan started: Neglect")


def test_core_group_overdue_until_it_meets(plan, worker):
    assert not plan.is_core_group_overdue(D(2026, 1, 2))
    assert plan.is_core_group_overdue(D(2026, 1, 5))
    assert list(CPPlan.objects.core_group_overdue(D(2026, 1, 5))) == [plan]
    meeting = record_core_group_meeting(plan, held_on=D(2025, 12, 30), user=worker)
    assert not plan.is_core_group_overdue(D(2026, 1, 5))
    assert not CPPlan.objects.core_group_overdue(D(2026, 1, 5)).exists()
    assert wrote_audit_and_chronology(meeting, Kind.PLAN, "Core group meeting")


def test_reviews_are_due_after_3_months_then_every_6_months(plan, worker):
    assert plan.is_review_overdue(D(2026, 3, 17)) and not plan.is_review_overdue(D(2026, 3, 16))
    assert list(CPPlan.objects.review_overdue(D(2026, 3, 17))) == [plan]
    review = record_cp_review(plan, held_on=D(2026, 3, 12), category="EMO", user=worker)
    plan.refresh_from_db()
    assert plan.review_due_date == D(2026, 9, 12) == plan.next_review_due()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "EMO")
    assert not CPPlan.objects.review_overdue(D(2026, 3, 17)).exists()
    assert wrote_audit_and_chronology(review, Kind.PLAN, "Child protection review conference")


def test_a_review_is_after_the_plan_started(plan, worker):
    error = refused(record_cp_review, plan, held_on=D(2025, 12, 16), user=worker)
    assert (
        error.message == "A review conference must be after the plan started on 16 December 2025."
    )


def test_a_review_can_end_the_plan_with_a_reason(plan, worker):
    record_cp_review(
        plan, held_on=D(2026, 3, 12), is_plan_continued=False, end_reason="cin_plan", user=worker
    )
    plan.refresh_from_db()
    assert (plan.end_date, plan.end_reason, plan.next_review_due()) == (
        D(2026, 3, 12),
        "cin_plan",
        None,
    )


def test_statutory_visits_record_whether_the_child_was_seen_alone(plan, worker):
    visit = record_statutory_visit(
        plan, visited_on=D(2025, 12, 22), is_seen_alone=False, user=worker
    )
    assert plan.last_visit() == visit
    assert wrote_audit_and_chronology(visit, Kind.PLAN, "Statutory visit: child not seen alone")
    error = refused(
        record_statutory_visit, plan, visited_on=D(2025, 12, 15), is_seen_alone=True, user=worker
    )
    assert (
        error.message == "A visit under the plan cannot be before it started on 16 December 2025."
    )


def test_changing_the_category_keeps_the_initial_one(plan, worker):
    change_category_of_abuse(plan, category="MUL", user=worker, on=D(2026, 1, 10))
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "MUL")
    assert wrote_audit_and_chronology(plan, Kind.PLAN, "Category of abuse now Multiple")


def test_ending_a_plan(plan, worker):
    end_cp_plan(plan, end_date=D(2026, 6, 1), reason="not_at_risk", user=worker)
    plan.refresh_from_db()
    assert plan.end_date == D(2026, 6, 1) and not CPPlan.objects.open_on(D(2026, 6, 1)).exists()
    assert wrote_audit_and_chronology(plan, Kind.PLAN, "Child protection plan ended")


def test_a_plan_does_not_end_before_it_starts_or_on_the_same_day(plan, worker):
    error = refused(end_cp_plan, plan, end_date=D(2025, 12, 15), reason="other", user=worker)
    assert error.message == "The plan cannot end before it started on 16 December 2025."
    error = refused(end_cp_plan, plan, end_date=D(2025, 12, 16), reason="other", user=worker)
    assert error.message == "A child protection plan cannot end on the day it started."


def test_cp_plans_never_overlap(plan, worker):
    error = refused(
        start_cp_plan, plan.episode, start_date=D(2025, 12, 16), category="PHY", user=worker
    )
    assert error.message.endswith("is already on a child protection plan.")


def test_a_cp_plan_cannot_start_while_a_cin_plan_runs(conference, worker):
    cin_plan = start_cin_plan(conference.episode, start_date=D(2025, 12, 10), user=worker)
    error = refused(
        start_cp_plan, conference.episode, start_date=D(2025, 12, 16), category="NEG", user=worker
    )
    assert error.message.endswith(
        "has a child in need plan from 10 December 2025. A child in need plan cannot run at "
        "the same time as a child protection plan: end it first."
    )
    end_cin_plan(cin_plan, end_date=D(2025, 12, 16), user=worker)
    assert start_cp_plan(
        conference.episode, start_date=D(2025, 12, 16), category="NEG", user=worker
    ).is_open()


def test_a_second_plan_counts_the_previous_one(plan, worker, make_s47):
    end_cp_plan(plan, end_date=D(2026, 3, 12), reason="not_at_risk", user=worker)
    second_enquiry = make_s47(D(2026, 4, 1), person=plan.episode.person)
    assert second_enquiry.episode == plan.episode
    record_initial_conference(
        second_enquiry, held_on=D(2026, 4, 20), is_plan_required=True, user=worker
    )
    second = start_cp_plan(plan.episode, start_date=D(2026, 4, 20), category="PHY", user=worker)
    assert second.previous_plans == 1 and second.is_second_or_subsequent()
    assert list(CPPlan.objects.second_or_subsequent()) == [second]


def test_a_cp_plan_may_start_on_a_review_conference_date(plan, worker):
    record_cp_review(
        plan, held_on=D(2026, 3, 12), is_plan_continued=False, end_reason="other", user=worker
    )
    again = start_cp_plan(plan.episode, start_date=D(2026, 3, 12), category="SAB", user=worker)
    assert again.initial_conference is None and again.previous_plans == 1


def test_an_icpc_without_a_plan_does_not_start_one(enquiry, worker):
    record_initial_conference(enquiry, held_on=D(2025, 12, 16), is_plan_required=False, user=worker)
    error = refused(
        start_cp_plan, enquiry.episode, start_date=D(2025, 12, 16), category="NEG", user=worker
    )
    assert error.message.startswith("A child protection plan starts on the date of the conference")


def test_an_icpc_is_not_before_the_s47_started(enquiry, worker):
    error = refused(
        record_initial_conference,
        enquiry,
        held_on=D(2025, 12, 4),
        is_plan_required=True,
        user=worker,
    )
    assert error.message == (
        "The conference cannot be before the section 47 enquiry started on 5 December 2025."
    )


def test_one_icpc_per_enquiry(conference, worker):
    error = refused(
        record_initial_conference,
        conference.enquiry,
        held_on=D(2025, 12, 17),
        is_plan_required=True,
        user=worker,
    )
    assert error.message == "An initial conference has already been recorded for this enquiry."
