"""Early help (family wellbeing) KPIs: episodes and families, assessments, steps up and down
and whether a step-down held, repeat early help, outcomes achieved (issue 14).

Stocks are "on the last day" (an episode closing that day no longer counts, as
`Episode.objects.open_on`); steps belong to the period of the moment they were decided.
Children are counted once (a merged record as its surviving record). Working days exclude
weekends and England bank holidays (lib.workdays).
"""

import datetime as dt
import math
import statistics
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from frontdoor.casework.models import CINEpisode
from frontdoor.earlyhelp.codes import Heading
from frontdoor.earlyhelp.models import (
    AchievedHeading,
    Episode,
    FamilyAssessment,
    Member,
    StepDecision,
)
from frontdoor.kpis.measures import AgencyMeasure, Kpi
from frontdoor.kpis.periods import Period, percent
from frontdoor.lib.dates import add_months, within_months_start
from frontdoor.lib.workdays import working_days_between

CHILD = Coalesce("person__merged_into_id", "person_id")


def _children(members: QuerySet[Member]) -> int:
    return members.order_by().annotate(child=CHILD).values("child").distinct().count()


def families_open_at_end(period: Period) -> int:
    """Families (episodes) in early help on the last day."""
    return Episode.objects.open_on(period.last).count()


def children_open_at_end(period: Period) -> int:
    """Children in early help on the last day."""
    return _children(Member.objects.open_on(period.last))


def episodes_started(period: Period) -> int:
    return Episode.objects.started_between(period.first, period.last).count()


def episodes_closed(period: Period) -> int:
    return Episode.objects.closed_between(period.first, period.last).count()


def _active(first: dt.date, last: dt.date) -> Q:
    return Q(start_date__lte=last) & (Q(closure_date__isnull=True) | Q(closure_date__gte=first))


def families_supported(period: Period) -> int:
    """Families in early help on any day of the period."""
    return Episode.objects.filter(_active(period.first, period.last)).count()


def children_supported(period: Period) -> int:
    """Children in early help on any day of the period."""
    members = Member.objects.filter(joined_on__lte=period.last).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.first)
    )
    return _children(members)


def assessments_completed(period: Period) -> int:
    """Family Strengths and Needs assessments completed in the period."""
    return FamilyAssessment.objects.completed_between(period.first, period.last).count()


def median_days_to_assessment(period: Period) -> float | None:
    """Median days from the start of early help to the completion of its assessment, over
    assessments completed in the period."""
    pairs = FamilyAssessment.objects.completed_between(period.first, period.last).values_list(
        "episode__start_date", "completed_on"
    )
    days = [(done - start).days for start, done in pairs if done is not None]
    return float(statistics.median(days)) if days else None


def _working_days(steps: QuerySet[StepDecision]) -> list[int]:
    zone = timezone.get_default_timezone()
    return [
        working_days_between(asked.astimezone(zone).date(), decided.astimezone(zone).date())
        for asked, decided in steps.values_list("requested_at", "decided_at")
        if decided is not None
    ]


def _p90(values: list[int]) -> float | None:
    """The 90th percentile (nearest rank)."""
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[math.ceil(0.9 * len(ordered)) - 1])


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _ups(period: Period) -> QuerySet[StepDecision]:
    return StepDecision.objects.step_ups().decided_between(*period.moments())


def _downs(period: Period) -> QuerySet[StepDecision]:
    return StepDecision.objects.step_downs().decided_between(*period.moments())


def step_ups(period: Period) -> int:
    """Step decisions up to children's social care decided in the period."""
    return _ups(period).count()


def step_ups_median_working_days(period: Period) -> float | None:
    return _median(_working_days(_ups(period)))


def step_ups_p90_working_days(period: Period) -> float | None:
    return _p90(_working_days(_ups(period)))


def step_downs(period: Period) -> int:
    """Step-downs from social care to early help (RC9, a CIN plan ended) decided in the
    period."""
    return _downs(period).count()


def step_downs_median_working_days(period: Period) -> float | None:
    return _median(_working_days(_downs(period)))


def step_downs_p90_working_days(period: Period) -> float | None:
    return _p90(_working_days(_downs(period)))


def step_downs_referred_within_12_months_rate(period: Period) -> float | None:
    """Children stepped down in the period who were referred to social care again within 12
    months of the decision ÷ children stepped down, per cent (the measure that shows whether
    the step-down was right; a recent period has had less time to show it)."""
    zone = timezone.get_default_timezone()
    children = list(_downs(period).values_list("children__id", "decided_at").distinct())
    if not children:
        return None
    referred = 0
    for person_id, decided in children:
        if decided is None:
            continue
        day = decided.astimezone(zone).date()
        referred += CINEpisode.objects.filter(
            person_id=person_id, referral_date__gt=day, referral_date__lte=add_months(day, 12)
        ).exists()
    return percent(referred, len(children))


def repeat_within_12_months_rate(period: Period) -> float | None:
    """Children starting early help in the period whose earlier early help ended within the
    12 months before ÷ children starting early help, per cent."""
    started = list(
        Member.objects.filter(joined_on__gte=period.first, joined_on__lte=period.last).values_list(
            "person_id", "joined_on"
        )
    )
    if not started:
        return None
    repeats = sum(
        Member.objects.filter(
            person_id=person_id,
            left_on__isnull=False,
            left_on__lte=joined,
            left_on__gte=within_months_start(joined, 12),
        ).exists()
        for person_id, joined in started
    )
    return percent(repeats, len(started))


def outcomes_achieved_by_heading(period: Period) -> dict[str, Any]:
    """Families whose early help closed in the period having achieved its outcome, by
    Supporting Families heading."""
    rows = AchievedHeading.objects.filter(
        episode__closure_date__gte=period.first, episode__closure_date__lte=period.last
    ).values_list("heading", flat=True)
    counts: dict[str, Any] = {h: 0 for h in Heading.values}
    for heading in rows:
        counts[heading] += 1
    return counts


# The earlyhelp KPIs, in the order the registry shows them (frontdoor.kpis.registry).
KPIS: list[Kpi] = [
    # --- early help (family wellbeing, issue 14) ---
    Kpi(
        "early_help_families_open_at_end",
        "Families in early help at period end",
        families_open_at_end,
        "Families with an early-help episode open on the last day.",
    ),
    Kpi(
        "early_help_children_open_at_end",
        "Children in early help at period end",
        children_open_at_end,
        "Children in an open early-help episode on the last day.",
    ),
    Kpi(
        "early_help_episodes_started",
        "Early-help episodes started",
        episodes_started,
        "Families' early-help episodes that started in the period.",
    ),
    Kpi(
        "early_help_episodes_closed",
        "Early-help episodes closed",
        episodes_closed,
        "Families' early-help episodes that closed in the period.",
    ),
    Kpi(
        "early_help_families_supported",
        "Families supported by early help",
        families_supported,
        "Families in early help on any day of the period.",
    ),
    Kpi(
        "early_help_children_supported",
        "Children supported by early help",
        children_supported,
        "Children in early help on any day of the period.",
    ),
    Kpi(
        "early_help_assessments_completed",
        "Family Strengths and Needs assessments completed",
        assessments_completed,
        "Early help assessments completed in the period.",
    ),
    Kpi(
        "early_help_median_days_to_assessment",
        "Days from early help starting to its assessment (median)",
        median_days_to_assessment,
        "Median days from the start of early help to the completion of its assessment, for "
        "assessments completed in the period.",
        "days",
    ),
    Kpi(
        "early_help_step_ups",
        "Step-ups to social care",
        step_ups,
        "Decisions to step a family in early help up to children's social care, decided in "
        "the period (a lead professional's request, or a referral of a family in early help).",
    ),
    Kpi(
        "early_help_step_ups_median_working_days",
        "Step-ups: working days to decision (median)",
        step_ups_median_working_days,
        "Median working days from the request (the contact's receipt) to the manager's decision.",
        "working days",
    ),
    Kpi(
        "early_help_step_ups_p90_working_days",
        "Step-ups: working days to decision (90th percentile)",
        step_ups_p90_working_days,
        "90th percentile (nearest rank) of the same.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs",
        "Step-downs to early help",
        step_downs,
        "Decisions to step a child down from children's social care to early help (closed "
        "after assessment, RC9, or a child in need plan ended to early help), in the period.",
    ),
    Kpi(
        "early_help_step_downs_median_working_days",
        "Step-downs: working days to decision (median)",
        step_downs_median_working_days,
        "Median working days from social care's recommendation (the assessment's "
        "authorisation, or the plan's end) to the manager's decision.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs_p90_working_days",
        "Step-downs: working days to decision (90th percentile)",
        step_downs_p90_working_days,
        "90th percentile (nearest rank) of the same.",
        "working days",
    ),
    Kpi(
        "early_help_step_downs_referred_within_12_months_rate",
        "Step-downs referred again within 12 months",
        step_downs_referred_within_12_months_rate,
        "Children stepped down in the period and referred to children's social care within "
        "12 months of the decision ÷ children stepped down (whether step-down was right).",
        "%",
    ),
    Kpi(
        "early_help_repeat_within_12_months_rate",
        "Repeat early help within 12 months",
        repeat_within_12_months_rate,
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
        outcomes_achieved_by_heading,
        "Families whose early help closed in the period having achieved its outcome, by "
        "Supporting Families heading.",
    ),
]
