# ruff: noqa: F811 (fixtures imported from the casework tests are parameters here)
"""Casework KPIs (issue 5 item 7) over a small council built through the casework actions.

The year is April 2024 to March 2025. Nine children:
A  assessed in time across Christmas (45 working days from Monday 2 December 2024 end on
   Thursday 6 February 2025, because of 25 and 26 December and 1 January), on a CIN plan;
B  assessed a day late, CIN plan and episode ending on the last day (31 March 2025);
C  an NFA referral still open on the last day (excluded from children in need);
D  first CP plan, conference in time;
E  a previous plan in 2021 (repeat "however long ago", not within 2 years), conference late;
F  a previous plan ending January 2024 (repeat within 2 years), plan ending on the last day;
G  looked after from May 2024, a change of legal status (X1) in August (one start);
H  looked after since 2020; I looked after June 2024 to the last day.
"""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from frontdoor.casework.actions import (
    authorise_assessment,
    change_looked_after_episode,
    close_cin_episode,
    end_cin_plan,
    end_cp_plan,
    end_looked_after_episode,
    record_initial_conference,
    record_s47_outcome,
    start_assessment,
    start_cin_plan,
    start_cp_plan,
    start_looked_after_episode,
)
from frontdoor.casework.tests.conftest import (  # noqa: F401 (fixtures)
    make_episode,
    make_s47,
    worker,
)
from frontdoor.kpis import casework as kpi
from frontdoor.kpis.periods import Period

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = Period(D(2024, 4, 1), D(2025, 3, 31))
LAST = YEAR.last


def assessed(episode, worker, authorised_on, outcome="cin_plan"):
    assessment = start_assessment(episode, start_date=episode.referral_date, user=worker)
    return authorise_assessment(
        assessment, authorised_on=authorised_on, outcome=outcome, factors=["16A"], user=worker
    )


def cp_plan(make_s47, worker, strategy_on, icpc_on, person=None):
    enquiry = make_s47(strategy_on, person)
    record_s47_outcome(
        enquiry,
        completed_on=icpc_on,
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    record_initial_conference(enquiry, held_on=icpc_on, is_plan_required=True, user=worker)
    return start_cp_plan(enquiry.episode, start_date=icpc_on, category="NEG", user=worker)


def ended(plan, worker, end_date, close=True):
    end_cp_plan(plan, end_date=end_date, reason="not_at_risk", user=worker)
    if close:
        close_cin_episode(plan.episode, closure_date=end_date, reason="RC7", user=worker)
    return plan


def looked_after(make_episode, worker, referred_on, start_on):
    episode = make_episode(referred_on)
    return start_looked_after_episode(
        episode, start_date=start_on, legal_status="V2", placement_type="U6", user=worker
    )


@pytest.fixture
def council(make_episode, make_s47, worker, settings):
    settings.FRONTDOOR_CHILD_POPULATION = 20_000
    a = make_episode(D(2024, 12, 2))
    assessed(a, worker, D(2025, 2, 6))
    start_cin_plan(a, start_date=D(2025, 2, 6), user=worker)

    b = make_episode(D(2024, 12, 2))
    assessed(b, worker, D(2025, 2, 7))
    b_plan = start_cin_plan(b, start_date=D(2025, 2, 7), user=worker)
    end_cin_plan(b_plan, end_date=LAST, user=worker)
    close_cin_episode(b, closure_date=LAST, reason="RC7", user=worker)

    c = make_episode(D(2025, 3, 28))
    close_cin_episode(c, closure_date=D(2025, 4, 2), reason="RC8", referral_nfa=True, user=worker)

    cp_plan(make_s47, worker, D(2024, 12, 16), D(2025, 1, 9))  # D: due 9 January

    e_first = ended(cp_plan(make_s47, worker, D(2021, 3, 1), D(2021, 3, 10)), worker, D(2021, 9, 1))
    cp_plan(make_s47, worker, D(2025, 1, 6), D(2025, 1, 28), e_first.episode.person)  # late

    f_first = cp_plan(make_s47, worker, D(2023, 6, 5), D(2023, 6, 14))
    ended(f_first, worker, D(2024, 1, 10))
    f_plan = cp_plan(make_s47, worker, D(2024, 10, 7), D(2024, 10, 16), f_first.episode.person)
    ended(f_plan, worker, LAST, close=False)

    g = looked_after(make_episode, worker, D(2024, 5, 1), D(2024, 5, 2))
    change_looked_after_episode(g, on=D(2024, 8, 1), legal_status="C2", user=worker)
    looked_after(make_episode, worker, D(2020, 1, 6), D(2020, 1, 10))  # H
    i = looked_after(make_episode, worker, D(2024, 6, 3), D(2024, 6, 3))
    end_looked_after_episode(i, end_date=LAST, reason="E4A", user=worker)


def test_assessments_in_45_working_days_count_bank_holidays(council):
    assert kpi.assessments_authorised(YEAR) == 2
    assert kpi.assessments_within_45_working_days_rate(YEAR) == 50.0  # A in time, B late


def test_no_assessments_authorised_gives_no_rate(council):
    assert kpi.assessments_within_45_working_days_rate(Period(D(2025, 3, 1), LAST)) is None


def test_icpcs_and_those_within_15_working_days_of_the_strategy_discussion(council):
    assert kpi.icpcs(YEAR) == 3  # D, E and F's second; 2021 and 2023 are other years
    assert kpi.icpc_within_15_working_days_rate(YEAR) == 66.7  # E's was late


def test_children_in_need_exclude_nfa_and_episodes_closed_on_the_last_day(council):
    # A, D, E, F, G, H, I: not B (closed on the last day) nor C (NFA, open until April)
    assert kpi.cin_at_end(YEAR) == 7
    assert kpi.cin_rate_per_10000(YEAR) == 3.5
    assert kpi.cin_at_end(Period(D(2024, 4, 1), D(2025, 3, 30))) == 8  # B still open


def test_a_plan_ending_on_the_last_day_is_not_open_at_the_end(council):
    assert kpi.cin_plans_at_end(YEAR) == 1  # A; B's ended on the last day
    assert kpi.cp_plans_at_end(YEAR) == 2  # D and E; F's ended on the last day
    assert kpi.cp_rate_per_10000(YEAR) == 1.0
    assert kpi.cp_plans_at_end(Period(D(2024, 4, 1), D(2025, 3, 30))) == 3


def test_second_or_subsequent_plans_however_long_ago_and_within_2_years(council):
    assert kpi.cp_started(YEAR) == 3
    assert kpi.cp_second_or_subsequent_rate(YEAR) == 66.7  # E and F
    assert kpi.cp_second_or_subsequent_within_2_years_rate(YEAR) == 33.3  # F only


def test_children_looked_after_count_periods_of_care_not_changes(council):
    assert kpi.cla_at_end(YEAR) == 2  # G and H; I ceased on the last day
    assert kpi.cla_started(YEAR) == 2  # G (once, despite the X1 change) and I
    assert kpi.cla_rate_per_10000(YEAR) == 1.0


def test_the_command_prints_the_casework_figures(council):
    out = io.StringIO()
    call_command("kpis", "--from=2024-04-01", "--to=2025-03-31", "--format=json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["cp_plans_at_end"] == 2
    assert figures["cla_started"] == 2
    assert figures["cp_second_or_subsequent_within_2_years_rate"] == 33.3
