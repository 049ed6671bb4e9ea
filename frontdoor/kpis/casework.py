"""Casework KPIs: assessments, initial conferences, children in need, child protection
plans and children looked after (data-and-returns.md §1).

Stocks are "on the last day": a plan, episode or period of care ending on the last day no
longer counts (the models' open_on). Children are counted once (a merged record as its
surviving record), not rows.
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce

from frontdoor.casework.clocks import ASSESSMENT_WORKING_DAYS, ICPC_WORKING_DAYS
from frontdoor.casework.models import (
    Assessment,
    CINEpisode,
    CINPlan,
    CPPlan,
    InitialConference,
    LookedAfterEpisode,
)
from frontdoor.casework.plan_models import CPPlanQuerySet
from frontdoor.kpis.measures import Kpi
from frontdoor.kpis.periods import Period, per_10000, percent
from frontdoor.lib.dates import add_months
from frontdoor.lib.workdays import add_working_days

CHILD_OF_EPISODE = Coalesce("person__merged_into_id", "person_id")
CHILD_OF_WORK = Coalesce("episode__person__merged_into_id", "episode__person_id")


def _children(queryset: QuerySet[Any], key: Any = CHILD_OF_WORK) -> int:
    return queryset.order_by().annotate(child=key).values("child").distinct().count()


def _within_working_days(pairs: QuerySet[Any], start: str, end: str, days: int) -> tuple[int, int]:
    """(in time, all) over rows counted per distinct (start, end) date pair: one grouped
    query, so it scales with the number of dates, not of rows."""
    in_time = total = 0
    due: dict[dt.date, dt.date] = {}
    grouped = pairs.order_by().values_list(start, end).annotate(n=Count("pk"))
    for first, last, n in grouped:
        total += n
        if first not in due:
            due[first] = add_working_days(first, days)
        in_time += n * (last <= due[first])
    return in_time, total


# --- assessments and initial conferences -------------------------------------------------


def assessments_authorised(period: Period) -> int:
    """Assessments authorised in the period."""
    return Assessment.objects.authorised_between(period.first, period.last).count()


def assessments_within_45_working_days_rate(period: Period) -> float | None:
    """Assessments authorised in the period within 45 working days of their start
    (AssessmentActualStartDate → AssessmentAuthorisationDate; working days exclude weekends
    and England bank holidays) ÷ assessments authorised in the period, per cent."""
    authorised = Assessment.objects.authorised_between(period.first, period.last)
    in_time, total = _within_working_days(
        authorised, "start_date", "authorised_on", ASSESSMENT_WORKING_DAYS
    )
    return percent(in_time, total)


def icpcs(period: Period) -> int:
    """Initial child protection conferences held in the period (one per child)."""
    return InitialConference.objects.held_between(period.first, period.last).count()


def icpc_within_15_working_days_rate(period: Period) -> float | None:
    """ICPCs held in the period within 15 working days of the strategy discussion that
    started the section 47 enquiry (S47ActualStartDate) ÷ ICPCs held, per cent."""
    held = InitialConference.objects.held_between(period.first, period.last)
    in_time, total = _within_working_days(held, "enquiry__start_date", "held_on", ICPC_WORKING_DAYS)
    return percent(in_time, total)


# --- children in need, child protection, children looked after ---------------------------


def cin_at_end(period: Period) -> int:
    """Children in need (DfE): children with a CIN episode open on the last day, excluding
    referrals closed with no further action. Includes CIN plans, CP plans, looked-after
    children and open assessments."""
    episodes = CINEpisode.objects.open_on(period.last).exclude(referral_nfa=True)
    return _children(episodes, CHILD_OF_EPISODE)


def cin_plans_at_end(period: Period) -> int:
    """Children with an open child in need plan (s17) on the last day (the seeds' "children
    in need (plans open at year end)")."""
    return _children(CINPlan.objects.open_on(period.last))


def cp_plans_at_end(period: Period) -> int:
    """Children on a child protection plan on the last day."""
    return _children(CPPlan.objects.open_on(period.last))


def _cp_plans_started(period: Period) -> CPPlanQuerySet:
    return CPPlan.objects.started_between(period.first, period.last)


def cp_started(period: Period) -> int:
    """Children starting a child protection plan in the period."""
    return _children(_cp_plans_started(period))


def cp_second_or_subsequent_rate(period: Period) -> float | None:
    """Children starting a plan in the period who had a previous plan with this council,
    however long ago (DfE NumberOfPreviousCPP > 0) ÷ children starting a plan, per cent."""
    started = _cp_plans_started(period)
    return percent(_children(started.second_or_subsequent()), _children(started))


def cp_second_or_subsequent_within_2_years_rate(period: Period) -> float | None:
    """Children starting a plan in the period whose previous plan with this council ended
    within 2 years before the new plan started ÷ children starting a plan, per cent."""
    started = list(
        _cp_plans_started(period).annotate(child=CHILD_OF_WORK).values_list("child", "start_date")
    )
    ended: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    earlier = (
        CPPlan.objects.annotate(child=CHILD_OF_WORK)
        .filter(child__in={child for child, _ in started}, start_date__lt=period.last)
        .values_list("child", "start_date", "end_date")
    )
    for child, start, end in earlier:  # a plan still open counts as ending on the last day
        ended[child].append((start, end or period.last))
    repeat = {
        child
        for child, start in started
        if any(s < start and add_months(e, 24) >= start for s, e in ended[child])
    }
    return percent(len(repeat), len({child for child, _ in started}))


def cla_at_end(period: Period) -> int:
    """Children looked after on the last day (a looked-after episode open that day)."""
    return _children(LookedAfterEpisode.objects.open_on(period.last))


def cla_started(period: Period) -> int:
    """Children starting a period of care in the period (not a change of legal status or
    placement within one)."""
    started = LookedAfterEpisode.objects.period_starts().started_between(period.first, period.last)
    return _children(started)


def cin_rate_per_10000(period: Period) -> float | None:
    """Children in need on the last day ÷ children aged 0 to 17 x 10,000."""
    return per_10000(cin_at_end(period), period)


def cp_rate_per_10000(period: Period) -> float | None:
    """Children on a child protection plan on the last day ÷ children aged 0 to 17 x 10,000."""
    return per_10000(cp_plans_at_end(period), period)


def cla_rate_per_10000(period: Period) -> float | None:
    """Children looked after on the last day ÷ children aged 0 to 17 x 10,000."""
    return per_10000(cla_at_end(period), period)


# The casework KPIs, in the order the registry shows them (frontdoor.kpis.registry).
KPIS: list[Kpi] = [
    # --- casework: assessments, child protection, plans and care (issue 5 item 7) ---
    Kpi(
        "assessments_authorised",
        "Assessments authorised",
        assessments_authorised,
        "Single assessments authorised in the period.",
    ),
    Kpi(
        "assessments_within_45_working_days_rate",
        "Assessments within 45 working days",
        assessments_within_45_working_days_rate,
        "Assessments authorised in the period within 45 working days of their start "
        "(working days exclude weekends and bank holidays) ÷ assessments authorised.",
        "%",
    ),
    Kpi(
        "icpcs",
        "Initial child protection conferences",
        icpcs,
        "Initial child protection conferences held in the period.",
    ),
    Kpi(
        "icpc_within_15_working_days_rate",
        "Conferences within 15 working days",
        icpc_within_15_working_days_rate,
        "Initial conferences held within 15 working days of the strategy discussion that "
        "started the section 47 enquiry ÷ initial conferences held.",
        "%",
    ),
    Kpi(
        "cin_at_end",
        "Children in need at period end",
        cin_at_end,
        "Children with a child in need episode open on the last day, excluding referrals "
        "with no further action (includes plans, care and open assessments).",
    ),
    Kpi(
        "cin_rate_per_10000",
        "Children in need per 10,000 children",
        cin_rate_per_10000,
        "Children in need on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cin_plans_at_end",
        "Children on child in need plans at period end",
        cin_plans_at_end,
        "Children with a child in need plan (section 17) open on the last day.",
    ),
    Kpi(
        "cp_plans_at_end",
        "Children on child protection plans at period end",
        cp_plans_at_end,
        "Children on a child protection plan on the last day.",
    ),
    Kpi(
        "cp_rate_per_10000",
        "Child protection plans per 10,000 children",
        cp_rate_per_10000,
        "Children on a child protection plan on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cp_started",
        "Children starting a child protection plan",
        cp_started,
        "Children who started a child protection plan in the period.",
    ),
    Kpi(
        "cp_second_or_subsequent_rate",
        "Second or subsequent child protection plans",
        cp_second_or_subsequent_rate,
        "Children starting a plan who had a previous plan with this council, however long "
        "ago ÷ children starting a plan.",
        "%",
    ),
    Kpi(
        "cp_second_or_subsequent_within_2_years_rate",
        "Repeat child protection plans within 2 years",
        cp_second_or_subsequent_within_2_years_rate,
        "Children starting a plan whose previous plan ended within the 2 years before ÷ "
        "children starting a plan.",
        "%",
    ),
    Kpi(
        "cla_at_end",
        "Children looked after at period end",
        cla_at_end,
        "Children looked after on the last day.",
    ),
    Kpi(
        "cla_rate_per_10000",
        "Children looked after per 10,000 children",
        cla_rate_per_10000,
        "Children looked after on the last day ÷ children aged 0 to 17 × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "cla_started",
        "Children starting to be looked after",
        cla_started,
        "Children who started a period of care in the period.",
    ),
]
