"""The one registry of KPIs: their JSON keys, labels and definitions, in the order the
`frontdoor kpis` command, the performance dashboard and the seeded-council check show them.

Each measure is implemented once, in the module of its domain (intake, mash, casework);
the keys here are the public names in the JSON and must not change.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from frontdoor.accounts.models import Agency
from frontdoor.kpis import casework, earlyhelp, intake, mash, outside
from frontdoor.kpis.mash import AgencyFigures
from frontdoor.kpis.periods import Number, Period, population


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    measure: Callable[[Period], Number]
    definition: str
    unit: str = ""  # "" (a count), "%" or "per 10,000"


@dataclass(frozen=True)
class AgencyMeasure:
    key: str
    label: str
    measure: Callable[[Period], AgencyFigures]
    definition: str
    unit: str = ""  # "" (a count), "%" or "hours"


KPIS: list[Kpi] = [
    # --- intake: contacts, referrals, decisions, consultations ---
    Kpi(
        "contacts",
        "Contacts",
        intake.contacts,
        "Contacts received in the period, counted per child (one per child per contact).",
    ),
    Kpi(
        "contacts_children",
        "Children with a contact",
        intake.contacts_children,
        "Distinct children named in those contacts.",
    ),
    Kpi(
        "domestic_abuse_contacts",
        "Domestic abuse contacts",
        intake.domestic_abuse_contacts,
        "Contacts about domestic abuse, counted per child.",
    ),
    Kpi(
        "referrals",
        "Referrals",
        intake.referrals,
        "Child in need episodes opened with a referral date in the period. A contact about a "
        "child whose case is already open is not a referral.",
    ),
    Kpi(
        "re_referrals",
        "Re-referrals",
        intake.re_referrals,
        "Referrals within 12 months of a previous referral of the same child, referral date "
        "to referral date.",
    ),
    Kpi(
        "re_referral_rate",
        "Re-referral rate",
        intake.re_referral_rate,
        "Re-referrals ÷ referrals, as a percentage.",
        "%",
    ),
    Kpi(
        "contact_to_referral_rate",
        "Contacts becoming referrals",
        intake.contact_to_referral_rate,
        "Referrals ÷ contacts (per child), as a percentage.",
        "%",
    ),
    Kpi(
        "referral_rate_per_10000",
        "Referral rate per 10,000 children",
        intake.referral_rate_per_10000,
        "Referrals ÷ children aged 0 to 17 in the area × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "decisions",
        "Contacts decided",
        intake.decisions,
        "Contacts whose decision was authorised in the period.",
    ),
    Kpi(
        "decisions_within_one_working_day_rate",
        "Decided within 1 working day",
        intake.decisions_within_one_working_day_rate,
        "Contacts decided by the end of the next working day after receipt ÷ contacts "
        "decided in the period, as a percentage.",
        "%",
    ),
    Kpi(
        "consultations",
        "Consultations",
        intake.consultations,
        "Professionals' consultations without names, received in the period.",
    ),
    # --- strategy discussions (issue 3 item 8) ---
    Kpi(
        "strategy_discussions_held",
        "Strategy discussions held",
        mash.strategy_discussions_held,
        "Strategy discussions held and recorded in the period.",
    ),
    Kpi(
        "police_attendance_rate_at_strategy_discussions",
        "Strategy discussions: police attended",
        mash.police_attendance_rate_at_strategy_discussions,
        "Held strategy discussions the police attended ÷ strategy discussions held.",
        "%",
    ),
    Kpi(
        "health_attendance_rate_at_strategy_discussions",
        "Strategy discussions: health attended",
        mash.health_attendance_rate_at_strategy_discussions,
        "Held strategy discussions health attended ÷ strategy discussions held.",
        "%",
    ),
    # --- casework: assessments, child protection, plans and care (issue 5 item 7) ---
    Kpi(
        "assessments_authorised",
        "Assessments authorised",
        casework.assessments_authorised,
        "Single assessments authorised in the period.",
    ),
    Kpi(
        "assessments_within_45_working_days_rate",
        "Assessments within 45 working days",
        casework.assessments_within_45_working_days_rate,
        "Assessments authorised in the period within 45 working days of their start "
        "(working days exclude weekends and bank holidays) ÷ assessments authorised.",
        "%",
    ),
    Kpi(
        "icpcs",
        "Initial child protection conferences",
        casework.icpcs,
        "Initial child protection conferences held in the period.",
    ),
    Kpi(
        "icpc_within_15_working_days_rate",
        "Conferences within 15 working days",
        casework.icpc_within_15_working_days_rate,
        "Initial conferences held within 15 working days of the strategy discussion that "
        "started the section 47 enquiry ÷ initial conferences held.",
        "%",
    ),
    Kpi(
        "cin_at_end",
        "Children in need at period end",
        casework.cin_at_end,
        "Children with a child in need episode open on the last day, excluding referrals "
        "with no further action (includes plans, care and open assessments).",
    ),
    Kpi(
        "cin_rate_per_10000",
        "Children in need per 10,000 children",
        casework.cin_rate_per_10000,
        "Children in need on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cin_plans_at_end",
        "Children on child in need plans at period end",
        casework.cin_plans_at_end,
        "Children with a child in need plan (section 17) open on the last day.",
    ),
    Kpi(
        "cp_plans_at_end",
        "Children on child protection plans at period end",
        casework.cp_plans_at_end,
        "Children on a child protection plan on the last day.",
    ),
    Kpi(
        "cp_rate_per_10000",
        "Child protection plans per 10,000 children",
        casework.cp_rate_per_10000,
        "Children on a child protection plan on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cp_started",
        "Children starting a child protection plan",
        casework.cp_started,
        "Children who started a child protection plan in the period.",
    ),
    Kpi(
        "cp_second_or_subsequent_rate",
        "Second or subsequent child protection plans",
        casework.cp_second_or_subsequent_rate,
        "Children starting a plan who had a previous plan with this council, however long "
        "ago ÷ children starting a plan.",
        "%",
    ),
    Kpi(
        "cp_second_or_subsequent_within_2_years_rate",
        "Repeat child protection plans within 2 years",
        casework.cp_second_or_subsequent_within_2_years_rate,
        "Children starting a plan whose previous plan ended within the 2 years before ÷ "
        "children starting a plan.",
        "%",
    ),
    Kpi(
        "cla_at_end",
        "Children looked after at period end",
        casework.cla_at_end,
        "Children looked after on the last day.",
    ),
    Kpi(
        "cla_rate_per_10000",
        "Children looked after per 10,000 children",
        casework.cla_rate_per_10000,
        "Children looked after on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cla_started",
        "Children starting to be looked after",
        casework.cla_started,
        "Children who started a period of care in the period.",
    ),
    # --- risk outside the home: missing and exploitation (issue 15 item 6) ---
    Kpi(
        "missing_children",
        "Children missing",
        outside.missing_children,
        "Children with a missing or away-from-placement episode that started in the period.",
    ),
    Kpi(
        "missing_episodes",
        "Missing episodes",
        outside.missing_episodes,
        "Missing and away-from-placement episodes that started in the period (police "
        "'absent' reports are not counted).",
    ),
    Kpi(
        "repeat_missing_children",
        "Children missing repeatedly",
        outside.repeat_missing_children,
        "Children with 2 or more of those episodes in the period.",
    ),
    Kpi(
        "missing_from_care_children",
        "Looked-after children missing",
        outside.missing_from_care_children,
        "Looked-after children missing or away from placement in the period.",
    ),
    Kpi(
        "missing_returns",
        "Returns from missing",
        outside.returns,
        "Returns from missing or away-from-placement episodes in the period.",
    ),
    Kpi(
        "rhi_offered_within_72_hours_rate",
        "Return home interviews offered within 72 hours",
        outside.rhi_offered_within_72_hours_rate,
        "Returns in the period whose return home interview was offered within 72 hours of the "
        "return ÷ returns in the period.",
        "%",
    ),
    Kpi(
        "rhi_accepted",
        "Return home interviews accepted",
        outside.rhi_accepted,
        "Return home interviews accepted by the child, after returns in the period.",
    ),
    Kpi(
        "screened_children_high",
        "Children screened: high",
        outside.screened_children_high,
        "Children whose latest CSE or CCE screening in the period was high (after any "
        "recorded judgement).",
    ),
    Kpi(
        "screened_children_medium",
        "Children screened: medium",
        outside.screened_children_medium,
        "Children whose latest CSE or CCE screening in the period was medium.",
    ),
    Kpi(
        "screened_children_low",
        "Children screened: low",
        outside.screened_children_low,
        "Children whose latest CSE or CCE screening in the period was low.",
    ),
    Kpi(
        "cse_children",
        "Children at risk of sexual exploitation",
        outside.cse_children,
        "Children screened for sexual exploitation in the period at medium or high.",
    ),
    Kpi(
        "cce_children",
        "Children at risk of criminal exploitation",
        outside.cce_children,
        "Children screened for criminal exploitation in the period at medium or high.",
    ),
    # --- early help (family wellbeing, issue 14) ---
    Kpi(
        "early_help_families_open_at_end",
        "Families in early help at period end",
        earlyhelp.families_open_at_end,
        "Families with an early-help episode open on the last day.",
    ),
    Kpi(
        "early_help_children_open_at_end",
        "Children in early help at period end",
        earlyhelp.children_open_at_end,
        "Children in an open early-help episode on the last day.",
    ),
    Kpi(
        "early_help_episodes_started",
        "Early-help episodes started",
        earlyhelp.episodes_started,
        "Families' early-help episodes that started in the period.",
    ),
    Kpi(
        "early_help_episodes_closed",
        "Early-help episodes closed",
        earlyhelp.episodes_closed,
        "Families' early-help episodes that closed in the period.",
    ),
    Kpi(
        "early_help_families_supported",
        "Families supported by early help",
        earlyhelp.families_supported,
        "Families in early help on any day of the period.",
    ),
    Kpi(
        "early_help_children_supported",
        "Children supported by early help",
        earlyhelp.children_supported,
        "Children in early help on any day of the period.",
    ),
    Kpi(
        "early_help_assessments_completed",
        "Family Strengths and Needs assessments completed",
        earlyhelp.assessments_completed,
        "Early help assessments completed in the period.",
    ),
    Kpi(
        "early_help_median_days_to_assessment",
        "Days from early help starting to its assessment (median)",
        earlyhelp.median_days_to_assessment,
        "Median days from the start of early help to the completion of its assessment, for "
        "assessments completed in the period.",
        "days",
    ),
    Kpi(
        "early_help_step_ups",
        "Step-ups to social care",
        earlyhelp.step_ups,
        "Decisions to step a family in early help up to children's social care, decided in "
        "the period (a lead professional's request, or a referral of a family in early help).",
    ),
    Kpi(
        "early_help_step_ups_median_working_days",
        "Step-ups: working days to decision (median)",
        earlyhelp.step_ups_median_working_days,
        "Median working days from the request (the contact's receipt) to the manager's decision.",
        "working days",
    ),
    Kpi(
        "early_help_step_ups_p90_working_days",
        "Step-ups: working days to decision (90th percentile)",
        earlyhelp.step_ups_p90_working_days,
        "90th percentile (nearest rank) of the same.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs",
        "Step-downs to early help",
        earlyhelp.step_downs,
        "Decisions to step a child down from children's social care to early help (closed "
        "after assessment, RC9, or a child in need plan ended to early help), in the period.",
    ),
    Kpi(
        "early_help_step_downs_median_working_days",
        "Step-downs: working days to decision (median)",
        earlyhelp.step_downs_median_working_days,
        "Median working days from social care's recommendation (the assessment's "
        "authorisation, or the plan's end) to the manager's decision.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs_p90_working_days",
        "Step-downs: working days to decision (90th percentile)",
        earlyhelp.step_downs_p90_working_days,
        "90th percentile (nearest rank) of the same.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs_referred_within_12_months_rate",
        "Step-downs referred again within 12 months",
        earlyhelp.step_downs_referred_within_12_months_rate,
        "Children stepped down in the period and referred to children's social care within "
        "12 months of the decision ÷ children stepped down (whether step-down was right).",
        "%",
    ),
    Kpi(
        "early_help_repeat_within_12_months_rate",
        "Repeat early help within 12 months",
        earlyhelp.repeat_within_12_months_rate,
        "Children starting early help in the period whose earlier early help ended within the "
        "12 months before ÷ children starting early help.",
        "%",
    ),
]

# Early-help outcomes achieved, by Supporting Families heading: a dict keyed by heading.
HEADING_MEASURES: list[AgencyMeasure] = [
    AgencyMeasure(
        "early_help_outcomes_achieved_by_heading",
        "Outcomes achieved",
        earlyhelp.outcomes_achieved_by_heading,
        "Families whose early help closed in the period having achieved its outcome, by "
        "Supporting Families heading.",
    ),
]

# MASH checks, per agency (issue 3 item 8): each figure is a dict keyed by agency slug.
AGENCY_MEASURES: list[AgencyMeasure] = [
    AgencyMeasure(
        "checks_requested_by_agency",
        "Checks asked",
        mash.checks_requested_by_agency,
        "MASH checks asked of the agency in the period.",
    ),
    AgencyMeasure(
        "checks_answered_by_agency",
        "Checks answered",
        mash.checks_answered_by_agency,
        "Checks the agency answered in the period, whenever they were asked.",
    ),
    AgencyMeasure(
        "checks_answered_within_deadline_by_agency",
        "Answered on time",
        mash.checks_answered_within_deadline_by_agency,
        "Of those, answered by the check's due time.",
    ),
    AgencyMeasure(
        "checks_within_deadline_rate_by_agency",
        "Within deadline",
        mash.checks_within_deadline_rate_by_agency,
        "Checks answered by their due time ÷ checks answered, as a percentage.",
        "%",
    ),
    AgencyMeasure(
        "median_hours_to_answer_by_agency",
        "Median time to answer",
        mash.median_hours_to_answer_by_agency,
        "Median hours from the check being asked to the agency's answer.",
        "hours",
    ),
    AgencyMeasure(
        "checks_closed_unanswered_by_agency",
        "Decided without an answer",
        mash.checks_closed_unanswered_by_agency,
        "Checks still unanswered when the contact's decision was authorised in the period "
        "(the check is then closed).",
    ),
    AgencyMeasure(
        "checks_overdue_at_period_end_by_agency",
        "Overdue at period end",
        mash.checks_overdue_at_period_end_by_agency,
        "Checks past their due time and unanswered at the end of the period, while the "
        "contact was still undecided.",
    ),
]


def measure_all(period: Period) -> dict[str, Any]:
    """Every KPI for the period, keyed as in KPIS (the JSON of `frontdoor kpis`)."""
    figures: dict[str, Any] = {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "population": population(period),
    }
    figures.update({kpi.key: kpi.measure(period) for kpi in KPIS})
    figures.update({measure.key: measure.measure(period) for measure in AGENCY_MEASURES})
    figures.update({measure.key: measure.measure(period) for measure in HEADING_MEASURES})
    return figures


def agency_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-agency measures of `measure_all` as one row per agency, by agency name."""
    names = dict(Agency.objects.values_list("slug", "name"))
    slugs = {slug for measure in AGENCY_MEASURES for slug in figures[measure.key]}
    return [
        {
            "slug": slug,
            "agency": names.get(slug, slug),
            **{measure.key: figures[measure.key].get(slug) for measure in AGENCY_MEASURES},
        }
        for slug in sorted(slugs, key=lambda slug: names.get(slug, slug))
    ]
