"""MASH KPIs: strategy discussions and the agencies' answers to checks, per agency.

Strategy discussions (Working Together 2023): police and health take part in every strategy
discussion; the annual report says multi-agency meetings are poorly attended. A discussion
belongs to the period of the moment it was held; only recorded (held) discussions count.

Checks (data-and-returns.md §1): "Multi-agency checks within deadline: checks answered by
their due time ÷ checks answered, per agency". Ofsted found decisions made without
information from teachers and health; these show which agency is late. Per-agency figures
are keyed by agency slug, with every agency asked, answered or overdue in the period.
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, F, QuerySet

from frontdoor.kpis.measures import AgencyFigures, AgencyMeasure, Kpi
from frontdoor.kpis.periods import Period, percent
from frontdoor.mash.models import AgencyCheck, CheckAnswer
from frontdoor.mash.strategy_models import Attendance, StrategyDiscussion

# --- strategy discussions ----------------------------------------------------------------


def _held(period: Period) -> QuerySet[StrategyDiscussion]:
    return StrategyDiscussion.objects.held_between(*period.moments())


def strategy_discussions_held(period: Period) -> int:
    """Strategy discussions held (and recorded) in the period."""
    return _held(period).count()


def _attendance_rate(period: Period, agency_slug: str) -> float | None:
    held = _held(period)
    attended = held.filter(
        invitations__agency__slug=agency_slug, invitations__attendance=Attendance.ATTENDED
    )
    return percent(attended.distinct().count(), held.count())


def police_attendance_rate_at_strategy_discussions(period: Period) -> float | None:
    """Held strategy discussions the police attended ÷ held strategy discussions, per cent."""
    return _attendance_rate(period, "police")


def health_attendance_rate_at_strategy_discussions(period: Period) -> float | None:
    """Held strategy discussions health attended ÷ held strategy discussions, per cent."""
    return _attendance_rate(period, "health")


# --- agency checks -----------------------------------------------------------------------


def _per_agency(queryset: QuerySet[Any], field: str) -> dict[str, int]:
    rows = queryset.order_by().values(field).annotate(total=Count("pk"))
    return {row[field]: row["total"] for row in rows}


def _agencies_asked(period: Period) -> list[str]:
    """Every agency with a check asked, answered or overdue in the period (sorted slugs)."""
    start, end = period.moments()
    slugs: set[str] = set()
    for queryset, field in [
        (AgencyCheck.objects.requested_between(start, end), "agency__slug"),
        (CheckAnswer.objects.answered_between(start, end), "check_request__agency__slug"),
        (AgencyCheck.objects.overdue_at(end), "agency__slug"),
        (AgencyCheck.objects.closed_by_decision_between(start, end), "agency__slug"),
    ]:
        slugs.update(queryset.order_by().values_list(field, flat=True).distinct())
    return sorted(slugs)


def _every_agency(period: Period, found: dict[str, Any], empty: Any) -> AgencyFigures:
    return {slug: found.get(slug, empty) for slug in _agencies_asked(period)}


def checks_requested_by_agency(period: Period) -> AgencyFigures:
    """Checks asked of each agency in the period."""
    asked = AgencyCheck.objects.requested_between(*period.moments())
    return _every_agency(period, _per_agency(asked, "agency__slug"), 0)


def checks_answered_by_agency(period: Period) -> AgencyFigures:
    """Checks each agency answered in the period."""
    answers = CheckAnswer.objects.answered_between(*period.moments())
    return _every_agency(period, _per_agency(answers, "check_request__agency__slug"), 0)


def checks_answered_within_deadline_by_agency(period: Period) -> AgencyFigures:
    """Checks each agency answered in the period by their due time."""
    on_time = CheckAnswer.objects.answered_between(*period.moments()).filter(
        answered_at__lte=F("check_request__due_at")
    )
    return _every_agency(period, _per_agency(on_time, "check_request__agency__slug"), 0)


def checks_within_deadline_rate_by_agency(period: Period) -> AgencyFigures:
    """Checks answered in the period by their due time ÷ checks answered in the period, per
    agency, per cent (None for an agency that answered none)."""
    answered = checks_answered_by_agency(period)
    on_time = checks_answered_within_deadline_by_agency(period)
    return {
        slug: percent(int(on_time[slug] or 0), int(total or 0)) for slug, total in answered.items()
    }


def _median(values: list[float]) -> float | None:
    """The middle value (the mean of the two middle values for an even count), 1 d.p."""
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    value = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def median_hours_to_answer_by_agency(period: Period) -> AgencyFigures:
    """Median time from asking to answering, in hours (calendar), of the checks each agency
    answered in the period (None for an agency that answered none)."""
    hours: dict[str, list[float]] = defaultdict(list)
    rows = CheckAnswer.objects.answered_between(*period.moments()).values_list(
        "check_request__agency__slug", "check_request__requested_at", "answered_at"
    )
    for slug, asked, answered in rows:
        hours[slug].append((answered - asked).total_seconds() / 3600)
    return _every_agency(period, {slug: _median(v) for slug, v in hours.items()}, None)


def checks_overdue_at_period_end_by_agency(period: Period) -> AgencyFigures:
    """Checks past their due time and still unanswered at the end of the period's last day."""
    _, end = period.moments()
    overdue = _per_agency(AgencyCheck.objects.overdue_at(end), "agency__slug")
    return _every_agency(period, overdue, 0)


def checks_closed_unanswered_by_agency(period: Period) -> AgencyFigures:
    """Checks still unanswered when their contact's decision was authorised in the period:
    the decision was made without that agency's information (Ofsted's finding)."""
    closed = AgencyCheck.objects.closed_by_decision_between(*period.moments())
    return _every_agency(period, _per_agency(closed, "agency__slug"), 0)


# The mash KPIs, in the order the registry shows them (frontdoor.kpis.registry).
KPIS: list[Kpi] = [
    # --- strategy discussions (issue 3 item 8) ---
    Kpi(
        "strategy_discussions_held",
        "Strategy discussions held",
        strategy_discussions_held,
        "Strategy discussions held and recorded in the period.",
    ),
    Kpi(
        "police_attendance_rate_at_strategy_discussions",
        "Strategy discussions: police attended",
        police_attendance_rate_at_strategy_discussions,
        "Held strategy discussions the police attended ÷ strategy discussions held.",
        "%",
    ),
    Kpi(
        "health_attendance_rate_at_strategy_discussions",
        "Strategy discussions: health attended",
        health_attendance_rate_at_strategy_discussions,
        "Held strategy discussions health attended ÷ strategy discussions held.",
        "%",
    ),
]

# MASH checks, per agency (issue 3 item 8): each figure is a dict keyed by agency slug.
AGENCY_MEASURES: list[AgencyMeasure] = [
    AgencyMeasure(
        "checks_requested_by_agency",
        "Checks asked",
        checks_requested_by_agency,
        "MASH checks asked of the agency in the period.",
    ),
    AgencyMeasure(
        "checks_answered_by_agency",
        "Checks answered",
        checks_answered_by_agency,
        "Checks the agency answered in the period, whenever they were asked.",
    ),
    AgencyMeasure(
        "checks_answered_within_deadline_by_agency",
        "Answered on time",
        checks_answered_within_deadline_by_agency,
        "Of those, answered by the check's due time.",
    ),
    AgencyMeasure(
        "checks_within_deadline_rate_by_agency",
        "Within deadline",
        checks_within_deadline_rate_by_agency,
        "Checks answered by their due time ÷ checks answered, as a percentage.",
        "%",
    ),
    AgencyMeasure(
        "median_hours_to_answer_by_agency",
        "Median time to answer",
        median_hours_to_answer_by_agency,
        "Median hours from the check being asked to the agency's answer.",
        "hours",
    ),
    AgencyMeasure(
        "checks_closed_unanswered_by_agency",
        "Decided without an answer",
        checks_closed_unanswered_by_agency,
        "Checks still unanswered when the contact's decision was authorised in the period "
        "(the check is then closed).",
    ),
    AgencyMeasure(
        "checks_overdue_at_period_end_by_agency",
        "Overdue at period end",
        checks_overdue_at_period_end_by_agency,
        "Checks past their due time and unanswered at the end of the period, while the "
        "contact was still undecided.",
    ),
]
