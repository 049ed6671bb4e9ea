import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from frontdoor.kpis.registry import KPIS
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db

KEYS = {
    "from",
    "to",
    "population",
    "contacts",
    "contacts_children",
    "domestic_abuse_contacts",
    "referrals",
    "re_referrals",
    "re_referral_rate",
    "contact_to_referral_rate",
    "referral_rate_per_10000",
    "decisions",
    "decisions_within_one_working_day_rate",
    "consultations",
    "strategy_discussions_held",
    "police_attendance_rate_at_strategy_discussions",
    "health_attendance_rate_at_strategy_discussions",
    "checks_requested_by_agency",
    "checks_answered_by_agency",
    "checks_answered_within_deadline_by_agency",
    "checks_within_deadline_rate_by_agency",
    "median_hours_to_answer_by_agency",
    "checks_closed_unanswered_by_agency",
    "checks_overdue_at_period_end_by_agency",
    "assessments_authorised",
    "assessments_within_45_working_days_rate",
    "icpcs",
    "icpc_within_15_working_days_rate",
    "cin_at_end",
    "cin_rate_per_10000",
    "cin_plans_at_end",
    "cp_plans_at_end",
    "cp_rate_per_10000",
    "cp_started",
    "cp_second_or_subsequent_rate",
    "cp_second_or_subsequent_within_2_years_rate",
    "cla_at_end",
    "cla_rate_per_10000",
    "cla_started",
    # risk outside the home (issue 15)
    "missing_children",
    "missing_episodes",
    "repeat_missing_children",
    "missing_from_care_children",
    "missing_returns",
    "rhi_offered_within_72_hours_rate",
    "rhi_accepted",
    "screened_children_high",
    "screened_children_medium",
    "screened_children_low",
    "cse_children",
    "cce_children",
    # early help (issue 14)
    "early_help_families_open_at_end",
    "early_help_children_open_at_end",
    "early_help_episodes_started",
    "early_help_episodes_closed",
    "early_help_families_supported",
    "early_help_children_supported",
    "early_help_assessments_completed",
    "early_help_median_days_to_assessment",
    "early_help_step_ups",
    "early_help_step_ups_median_working_days",
    "early_help_step_ups_p90_working_days",
    "early_help_step_downs",
    "early_help_step_downs_median_working_days",
    "early_help_step_downs_p90_working_days",
    "early_help_step_downs_referred_within_12_months_rate",
    "early_help_repeat_within_12_months_rate",
    "early_help_outcomes_achieved_by_heading",
    # quality assurance (issue 16)
    "quality_audits_completed",
    "quality_good_or_better_rate",
    "quality_moderation_pairs",
    "quality_moderation_agreement_rate",
    "quality_moderation_kappa",
    "quality_actions_open",
    "quality_actions_overdue",
}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("kpis", *args, stdout=out)
    return out.getvalue()


def test_json_is_one_object_with_every_kpi():
    make_contact(received_at=timezone.make_aware(dt.datetime(2022, 5, 3, 10)))
    figures = json.loads(run("--from", "2022-04-01", "--to", "2023-03-31", "--format", "json"))
    assert set(figures) == KEYS
    assert {k.key for k in KPIS} <= set(figures)
    assert (figures["from"], figures["to"], figures["contacts"]) == ("2022-04-01", "2023-03-31", 1)
    assert figures["re_referral_rate"] is None


def test_table_lists_each_kpi_by_its_label():
    text = run("--from", "2022-04-01", "--to", "2023-03-31")
    for kpi in KPIS:
        assert kpi.label in text


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(CommandError, match="--to must not be before --from"):
        run("--from", "2023-04-01", "--to", "2023-03-31")
