"""The clocks a caseload shows for an open episode, soonest first."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    record_core_group_meeting,
    record_initial_conference,
    record_s47_outcome,
    record_statutory_visit,
    start_assessment,
    start_cp_plan,
)
from frontdoor.casework.caseload import episode_clocks

pytestmark = pytest.mark.django_db
D = dt.date


def test_an_s47_awaiting_its_icpc_and_an_open_assessment_run_their_clocks(make_s47, worker):
    enquiry = make_s47(D(2025, 12, 5))
    start_assessment(enquiry.episode, start_date=D(2025, 12, 5), user=worker)
    clocks = [(c.what, c.due) for c in episode_clocks(enquiry.episode)]
    assert clocks == [
        ("Initial child protection conference (15 working days)", D(2025, 12, 30)),
        ("Assessment (45 working days from referral)", D(2026, 2, 11)),
    ]
    assert episode_clocks(enquiry.episode)[0].status(D(2025, 12, 31)) == "overdue"
    assert episode_clocks(enquiry.episode)[0].status(D(2025, 12, 22)) == "due soon"
    assert episode_clocks(enquiry.episode)[0].status(D(2025, 12, 8)) == "due"


def test_a_cp_plan_runs_review_core_group_and_visit_clocks_until_they_are_met(make_s47, worker):
    enquiry = make_s47(D(2025, 12, 5))
    record_s47_outcome(
        enquiry,
        completed_on=D(2025, 12, 10),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    record_initial_conference(enquiry, held_on=D(2025, 12, 16), is_plan_required=True, user=worker)
    plan = start_cp_plan(enquiry.episode, start_date=D(2025, 12, 16), category="NEG", user=worker)
    clocks = {c.what: c.due for c in episode_clocks(enquiry.episode)}
    assert clocks == {
        "First core group (10 working days)": D(2026, 1, 2),  # across Christmas
        "Statutory visit": D(2026, 1, 2),
        "First review conference": D(2026, 3, 16),
    }
    record_core_group_meeting(plan, held_on=D(2025, 12, 22), user=worker)
    record_statutory_visit(plan, visited_on=D(2026, 1, 5), is_seen_alone=True, user=worker)
    clocks = {c.what: c.due for c in episode_clocks(enquiry.episode)}
    assert "First core group (10 working days)" not in clocks
    assert clocks["Statutory visit"] == D(2026, 1, 19)
