"""Risk outside the home KPIs (data-and-returns.md §1): children missing and episodes, repeat
missing, return home interviews offered within 72 hours and accepted, children screened by
level, children at risk of sexual and of criminal exploitation.

"Missing episodes" are missing and away-from-placement episodes that started in the period
(police "absent" episodes are not counted). Children are counted once (a merged record as its
surviving record).
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce

from frontdoor.kpis.measures import Kpi
from frontdoor.kpis.periods import Period, percent
from frontdoor.outside.clocks import RHI_HOURS
from frontdoor.outside.codes import ExploitationType, InterviewOutcome, Level
from frontdoor.outside.models import MissingEpisode, MissingEpisodeQuerySet, Screening

CHILD = Coalesce("person__merged_into_id", "person_id")


def _children(queryset: QuerySet[Any]) -> int:
    return queryset.order_by().annotate(child=CHILD).values("child").distinct().count()


def _episodes(period: Period) -> MissingEpisodeQuerySet:
    return MissingEpisode.objects.counted().started_between(period.first, period.last)


def missing_episodes(period: Period) -> int:
    """Missing and away-from-placement episodes that started in the period."""
    return _episodes(period).count()


def missing_children(period: Period) -> int:
    """Children with at least one of those episodes."""
    return _children(_episodes(period))


def repeat_missing_children(period: Period) -> int:
    """Children with at least FRONTDOOR_REPEAT_MISSING_KPI_EPISODES (2) episodes in the period."""
    least = int(getattr(settings, "FRONTDOOR_REPEAT_MISSING_KPI_EPISODES", 2))
    counts = (
        _episodes(period).order_by().annotate(child=CHILD).values("child").annotate(n=Count("pk"))
    )
    return counts.filter(n__gte=least).count()


def missing_from_care_children(period: Period) -> int:
    """Looked-after children missing or away from placement in the period."""
    return _children(_episodes(period).from_care())


def _returns(period: Period) -> MissingEpisodeQuerySet:
    first, last = period.moments()
    return MissingEpisode.objects.counted().returned_between(first, last)


def returns(period: Period) -> int:
    """Returns from missing and away-from-placement episodes in the period."""
    return _returns(period).count()


def rhi_offered_within_72_hours(period: Period) -> int:
    """Returns in the period whose return home interview was offered within 72 hours."""
    return (
        _returns(period)
        .filter(interview__offered_at__isnull=False)
        .filter(interview__offered_at__lte=F("returned_at") + dt.timedelta(hours=RHI_HOURS))
        .count()
    )


def rhi_offered_within_72_hours_rate(period: Period) -> float | None:
    """Returns whose interview was offered within 72 hours ÷ returns in the period."""
    return percent(rhi_offered_within_72_hours(period), returns(period))


def rhi_accepted(period: Period) -> int:
    """Return home interviews accepted, after returns in the period."""
    return _returns(period).filter(interview__outcome=InterviewOutcome.ACCEPTED).count()


def _latest_screenings(period: Period) -> QuerySet[Screening]:
    return Screening.objects.screened_between(period.first, period.last).latest_per_child()


def _screened_at(level: str) -> Any:
    def measure(period: Period) -> int:
        """Children whose latest screening of a kind in the period was at this final level."""
        return _children(_latest_screenings(period).filter(final_level=level))

    measure.__name__ = f"children_screened_{level}"
    return measure


screened_children_high = _screened_at(Level.HIGH)
screened_children_medium = _screened_at(Level.MEDIUM)
screened_children_low = _screened_at(Level.LOW)


def cse_children(period: Period) -> int:
    """Children screened at risk of sexual exploitation (final level medium or high) in the
    period: "at risk of, or subject to, sexual exploitation" as the council reports it."""
    screened = Screening.objects.screened_between(period.first, period.last)
    return _children(screened.of_type(ExploitationType.CSE).at_risk())


def cce_children(period: Period) -> int:
    """Children screened at risk of criminal exploitation (final level medium or high)."""
    screened = Screening.objects.screened_between(period.first, period.last)
    return _children(screened.of_type(ExploitationType.CCE).at_risk())


# The outside KPIs, in the order the registry shows them (frontdoor.kpis.registry).
KPIS: list[Kpi] = [
    # --- risk outside the home: missing and exploitation (issue 15 item 6) ---
    Kpi(
        "missing_children",
        "Children missing",
        missing_children,
        "Children with a missing or away-from-placement episode that started in the period.",
    ),
    Kpi(
        "missing_episodes",
        "Missing episodes",
        missing_episodes,
        "Missing and away-from-placement episodes that started in the period (police "
        "'absent' reports are not counted).",
    ),
    Kpi(
        "repeat_missing_children",
        "Children missing repeatedly",
        repeat_missing_children,
        "Children with 2 or more of those episodes in the period.",
    ),
    Kpi(
        "missing_from_care_children",
        "Looked-after children missing",
        missing_from_care_children,
        "Looked-after children missing or away from placement in the period.",
    ),
    Kpi(
        "missing_returns",
        "Returns from missing",
        returns,
        "Returns from missing or away-from-placement episodes in the period.",
    ),
    Kpi(
        "rhi_offered_within_72_hours_rate",
        "Return home interviews offered within 72 hours",
        rhi_offered_within_72_hours_rate,
        "Returns in the period whose return home interview was offered within 72 hours of the "
        "return ÷ returns in the period.",
        "%",
    ),
    Kpi(
        "rhi_accepted",
        "Return home interviews accepted",
        rhi_accepted,
        "Return home interviews accepted by the child, after returns in the period.",
    ),
    Kpi(
        "screened_children_high",
        "Children screened: high",
        screened_children_high,
        "Children whose latest CSE or CCE screening in the period was high (after any "
        "recorded judgement).",
    ),
    Kpi(
        "screened_children_medium",
        "Children screened: medium",
        screened_children_medium,
        "Children whose latest CSE or CCE screening in the period was medium.",
    ),
    Kpi(
        "screened_children_low",
        "Children screened: low",
        screened_children_low,
        "Children whose latest CSE or CCE screening in the period was low.",
    ),
    Kpi(
        "cse_children",
        "Children at risk of sexual exploitation",
        cse_children,
        "Children screened for sexual exploitation in the period at medium or high.",
    ),
    Kpi(
        "cce_children",
        "Children at risk of criminal exploitation",
        cce_children,
        "Children screened for criminal exploitation in the period at medium or high.",
    ),
]
