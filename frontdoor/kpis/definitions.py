"""Front-door KPIs (data-and-returns.md §1): each has exactly one implementation, here.

Dashboards, the `frontdoor kpis` command, returns, QA sampling and tests all call these.
A period is inclusive of both dates; a contact belongs to the period of its local date of
receipt. Rates are percentages rounded to one decimal place (DfE publication convention),
or None when the denominator is zero.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from frontdoor.accounts.models import Agency
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
from frontdoor.contacts.models import Consultation, Contact, ContactSubject
from frontdoor.kpis.models import PopulationEstimate
from frontdoor.lib.dates import add_months, year_before
from frontdoor.lib.workdays import add_working_days
from frontdoor.mash.models import AgencyCheck, CheckAnswer
from frontdoor.mash.strategy_models import Attendance, StrategyDiscussion

Number = int | float | None


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        """Local midnight at the start of the first day and after the last day."""
        zone = timezone.get_default_timezone()
        start = dt.datetime.combine(self.first, dt.time())
        end = dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time())
        return timezone.make_aware(start, zone), timezone.make_aware(end, zone)


def percent(part: int, whole: int) -> float | None:
    if not whole:
        return None
    value = Decimal(part * 100) / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# --- named QuerySets ---------------------------------------------------------------------


def child_contact_rows(period: Period) -> QuerySet[ContactSubject]:
    """One row per child per contact received in the period (Ofsted Annex A List 1)."""
    return ContactSubject.objects.children().received_between(period.first, period.last)


def referral_episodes(period: Period) -> QuerySet[CINEpisode]:
    """CIN episodes whose referral date (CINreferralDate) is in the period."""
    return CINEpisode.objects.referred_between(period.first, period.last)


def contacts_decided(period: Period) -> QuerySet[Contact]:
    return Contact.objects.decided_between(*period.moments())


def consultations_received(period: Period) -> QuerySet[Consultation]:
    return Consultation.objects.received_between(*period.moments())


# --- KPIs --------------------------------------------------------------------------------


def contacts(period: Period) -> int:
    """Contacts received in the period, counted per child (Annex A: one row per child)."""
    return child_contact_rows(period).count()


def contacts_children(period: Period) -> int:
    """Distinct children with a contact: linked records once (merged records counted as
    the surviving record), children not yet linked each once."""
    rows = child_contact_rows(period)
    linked = (
        rows.filter(person__isnull=False)
        .annotate(child=Coalesce("person__merged_into_id", "person_id"))
        .values("child")
        .distinct()
        .count()
    )
    return linked + rows.filter(person__isnull=True).count()


def domestic_abuse_contacts(period: Period) -> int:
    """Contacts flagged as about domestic abuse, counted per child as `contacts`."""
    return child_contact_rows(period).filter(contact__is_domestic_abuse=True).count()


def referrals(period: Period) -> int:
    """Referrals (DfE): CIN episodes opened with a referral date in the period.

    A contact about a child whose case is already open is passed to the allocated worker
    and opens no episode, so it is not a referral (DfE CIN census guidance).
    """
    return referral_episodes(period).count()


def re_referrals(period: Period) -> int:
    """Referrals in the period within 12 months of a previous referral of the same child.

    DfE: measured referral date to referral date (not from closure). "Within 12 months"
    includes a previous referral on the same date a year before.
    """
    key = Coalesce("person__merged_into_id", "person_id")
    current = list(
        referral_episodes(period).annotate(child=key).values_list("pk", "child", "referral_date")
    )
    history: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    earlier = CINEpisode.objects.annotate(child=key).filter(
        child__in=referral_episodes(period).annotate(child=key).values("child"),
        referral_date__gte=year_before(period.first),
        referral_date__lte=period.last,
    )
    for pk, child, day in earlier.values_list("pk", "child", "referral_date"):
        history[child].append((day, pk))
    return sum(
        any(
            year_before(day) <= other < day or (other == day and other_pk < pk)
            for other, other_pk in history[child]
        )
        for pk, child, day in current
    )


def re_referral_rate(period: Period) -> float | None:
    """Re-referrals ÷ referrals, per cent (England 2023: 22.4%)."""
    return percent(re_referrals(period), referrals(period))


def contact_to_referral_rate(period: Period) -> float | None:
    """Referrals ÷ contacts (per child) in the period, per cent."""
    return percent(referrals(period), contacts(period))


def population(period: Period) -> int:
    """Children aged 0 to 17: the latest recorded estimate, else FRONTDOOR_CHILD_POPULATION."""
    estimate = PopulationEstimate.objects.for_period_ending(period.last)
    return estimate.children if estimate else int(settings.FRONTDOOR_CHILD_POPULATION)


def _per_10000(count: int, period: Period) -> float | None:
    children = population(period)
    if not children:
        return None
    value = Decimal(count * 10_000) / Decimal(children)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def referral_rate_per_10000(period: Period) -> float | None:
    """Referrals ÷ children aged 0 to 17 x 10,000 (DfE CIN statistics)."""
    return _per_10000(referrals(period), period)


def decisions(period: Period) -> int:
    """Contacts whose decision was authorised (took effect) in the period."""
    return contacts_decided(period).count()


def decisions_within_one_working_day_rate(period: Period) -> float | None:
    """Contacts decided in the period by the end of the next working day after receipt
    (their decision_due_at) ÷ contacts decided in the period, per cent.

    Working Together 2023: the local authority decides within one working day of receipt.
    """
    decided = contacts_decided(period)
    return percent(decided.filter(decided_at__lte=F("decision_due_at")).count(), decided.count())


def consultations(period: Period) -> int:
    """Professionals' "no names" consultations received in the period."""
    return consultations_received(period).count()


def monthly(period: Period) -> list[dict[str, Any]]:
    """Contacts (per child) and referrals in each calendar month of the period."""
    rows: dict[dt.date, dict[str, Any]] = {}
    month = period.first.replace(day=1)
    while month <= period.last:
        rows[month] = {"month": month, "contacts": 0, "referrals": 0}
        month = (month + dt.timedelta(days=32)).replace(day=1)
    counted = [
        ("contacts", child_contact_rows(period), "contact__received_date"),
        ("referrals", referral_episodes(period), "referral_date"),
    ]
    for name, queryset, field in counted:
        for when, total in (
            queryset.annotate(month=TruncMonth(field))
            .values("month")
            .annotate(total=Count("pk"))
            .values_list("month", "total")
        ):
            rows[_as_date(when).replace(day=1)][name] = total
    return list(rows.values())


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    measure: Callable[[Period], Number]
    definition: str
    unit: str = ""  # "" (a count), "%" or "per 10,000"


KPIS: list[Kpi] = [
    Kpi(
        "contacts",
        "Contacts",
        contacts,
        "Contacts received in the period, counted per child (one per child per contact).",
    ),
    Kpi(
        "contacts_children",
        "Children with a contact",
        contacts_children,
        "Distinct children named in those contacts.",
    ),
    Kpi(
        "domestic_abuse_contacts",
        "Domestic abuse contacts",
        domestic_abuse_contacts,
        "Contacts about domestic abuse, counted per child.",
    ),
    Kpi(
        "referrals",
        "Referrals",
        referrals,
        "Child in need episodes opened with a referral date in the period. A contact about a "
        "child whose case is already open is not a referral.",
    ),
    Kpi(
        "re_referrals",
        "Re-referrals",
        re_referrals,
        "Referrals within 12 months of a previous referral of the same child, referral date "
        "to referral date.",
    ),
    Kpi(
        "re_referral_rate",
        "Re-referral rate",
        re_referral_rate,
        "Re-referrals ÷ referrals, as a percentage.",
        "%",
    ),
    Kpi(
        "contact_to_referral_rate",
        "Contacts becoming referrals",
        contact_to_referral_rate,
        "Referrals ÷ contacts (per child), as a percentage.",
        "%",
    ),
    Kpi(
        "referral_rate_per_10000",
        "Referral rate per 10,000 children",
        referral_rate_per_10000,
        "Referrals ÷ children aged 0 to 17 in the area × 10,000.",
        "per 10,000",
    ),
    Kpi(
        "decisions",
        "Contacts decided",
        decisions,
        "Contacts whose decision was authorised in the period.",
    ),
    Kpi(
        "decisions_within_one_working_day_rate",
        "Decided within 1 working day",
        decisions_within_one_working_day_rate,
        "Contacts decided by the end of the next working day after receipt ÷ contacts "
        "decided in the period, as a percentage.",
        "%",
    ),
    Kpi(
        "consultations",
        "Consultations",
        consultations,
        "Professionals' consultations without names, received in the period.",
    ),
]


# --- Strategy discussions (issue 3 item 8) ------------------------------------------------
# Working Together 2023: police and health take part in every strategy discussion; the
# annual report says multi-agency meetings are poorly attended. A discussion belongs to the
# period of the moment it was held; only recorded (held) discussions count.


def strategy_discussions_held_in(period: Period) -> QuerySet[StrategyDiscussion]:
    start, end = period.moments()
    return StrategyDiscussion.objects.held_between(start, end)


def strategy_discussions_held(period: Period) -> int:
    """Strategy discussions held (and recorded) in the period."""
    return strategy_discussions_held_in(period).count()


def _attendance_rate(period: Period, agency_slug: str) -> float | None:
    held = strategy_discussions_held_in(period)
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


KPIS += [
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


# --- Casework: assessments, child protection, plans and care (issue 5 item 7) --------------
# data-and-returns.md §1. Stocks are "on the last day": a plan, episode or period of care
# ending on the last day no longer counts (the models' open_on). Children are counted once
# (a merged record as its surviving record), not rows.

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


def initial_conferences_held(period: Period) -> QuerySet[InitialConference]:
    return InitialConference.objects.held_between(period.first, period.last)


def icpcs(period: Period) -> int:
    """Initial child protection conferences held in the period (one per child)."""
    return initial_conferences_held(period).count()


def icpc_within_15_working_days_rate(period: Period) -> float | None:
    """ICPCs held in the period within 15 working days of the strategy discussion that
    started the section 47 enquiry (S47ActualStartDate) ÷ ICPCs held, per cent."""
    in_time, total = _within_working_days(
        initial_conferences_held(period), "enquiry__start_date", "held_on", ICPC_WORKING_DAYS
    )
    return percent(in_time, total)


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


def cp_plans_started(period: Period) -> CPPlanQuerySet:
    return CPPlan.objects.started_between(period.first, period.last)


def cp_started(period: Period) -> int:
    """Children starting a child protection plan in the period."""
    return _children(cp_plans_started(period))


def cp_second_or_subsequent_rate(period: Period) -> float | None:
    """Children starting a plan in the period who had a previous plan with this council,
    however long ago (DfE NumberOfPreviousCPP > 0) ÷ children starting a plan, per cent."""
    started = cp_plans_started(period)
    return percent(_children(started.second_or_subsequent()), _children(started))


def cp_second_or_subsequent_within_2_years_rate(period: Period) -> float | None:
    """Children starting a plan in the period whose previous plan with this council ended
    within 2 years before the new plan started ÷ children starting a plan, per cent."""
    started = list(
        cp_plans_started(period).annotate(child=CHILD_OF_WORK).values_list("child", "start_date")
    )
    ended: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    earlier = (
        CPPlan.objects.annotate(child=CHILD_OF_WORK)
        .filter(child__in={child for child, _ in started}, start_date__lt=period.last)
        .values_list("child", "start_date", "end_date")
    )
    for child, start, end in earlier:
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
    return _per_10000(cin_at_end(period), period)


def cp_rate_per_10000(period: Period) -> float | None:
    """Children on a child protection plan on the last day ÷ children aged 0 to 17 x 10,000."""
    return _per_10000(cp_plans_at_end(period), period)


def cla_rate_per_10000(period: Period) -> float | None:
    """Children looked after on the last day ÷ children aged 0 to 17 x 10,000."""
    return _per_10000(cla_at_end(period), period)


KPIS += [
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


def measure_all(period: Period) -> dict[str, Any]:
    """Every KPI for the period, keyed as in KPIS (the JSON of `frontdoor kpis`)."""
    figures: dict[str, Any] = {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "population": population(period),
    }
    figures.update({kpi.key: kpi.measure(period) for kpi in KPIS})
    figures.update({measure.key: measure.measure(period) for measure in AGENCY_MEASURES})
    return figures


# --- MASH checks, per agency (issue 3 item 8) ----------------------------------------------
# data-and-returns.md §1: "Multi-agency checks within deadline: checks answered by their due
# time ÷ checks answered, per agency". Ofsted found decisions made without information from
# teachers and health; these show which agency is late. Keys are agency slugs.

AgencyFigures = dict[str, Number]


def checks_requested_in(period: Period) -> QuerySet[AgencyCheck]:
    """Agency checks asked for in the period."""
    return AgencyCheck.objects.requested_between(*period.moments())


def check_answers_in(period: Period) -> QuerySet[CheckAnswer]:
    """Answers to agency checks given in the period (whenever the check was asked)."""
    return CheckAnswer.objects.answered_between(*period.moments())


def checks_overdue_at(moment: dt.datetime) -> QuerySet[AgencyCheck]:
    """Checks asked and due before `moment` that were still outstanding at `moment`: not
    answered by then, not withdrawn, and their contact not yet decided (a decision closes
    the enquiry's open checks)."""
    return AgencyCheck.objects.overdue_at(moment)


def checks_closed_unanswered(period: Period) -> QuerySet[AgencyCheck]:
    """Checks closed unanswered because their contact was decided in the period."""
    return AgencyCheck.objects.closed_by_decision_between(*period.moments())


def _per_agency(queryset: QuerySet[Any], field: str) -> dict[str, int]:
    rows = queryset.order_by().values(field).annotate(total=Count("pk"))
    return {row[field]: row["total"] for row in rows}


def _agencies_asked(period: Period) -> list[str]:
    """Every agency with a check asked, answered or overdue in the period (sorted slugs)."""
    _, end = period.moments()
    slugs: set[str] = set()
    for queryset, field in [
        (checks_requested_in(period), "agency__slug"),
        (check_answers_in(period), "check_request__agency__slug"),
        (checks_overdue_at(end), "agency__slug"),
        (checks_closed_unanswered(period), "agency__slug"),
    ]:
        slugs.update(queryset.order_by().values_list(field, flat=True).distinct())
    return sorted(slugs)


def _every_agency(period: Period, found: dict[str, Any], empty: Any) -> AgencyFigures:
    return {slug: found.get(slug, empty) for slug in _agencies_asked(period)}


def checks_requested_by_agency(period: Period) -> AgencyFigures:
    """Checks asked of each agency in the period."""
    return _every_agency(period, _per_agency(checks_requested_in(period), "agency__slug"), 0)


def checks_answered_by_agency(period: Period) -> AgencyFigures:
    """Checks each agency answered in the period."""
    answered = _per_agency(check_answers_in(period), "check_request__agency__slug")
    return _every_agency(period, answered, 0)


def checks_answered_within_deadline_by_agency(period: Period) -> AgencyFigures:
    """Checks each agency answered in the period by their due time."""
    on_time = check_answers_in(period).filter(answered_at__lte=F("check_request__due_at"))
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
    rows = check_answers_in(period).values_list(
        "check_request__agency__slug", "check_request__requested_at", "answered_at"
    )
    for slug, asked, answered in rows:
        hours[slug].append((answered - asked).total_seconds() / 3600)
    return _every_agency(period, {slug: _median(v) for slug, v in hours.items()}, None)


def checks_overdue_at_period_end_by_agency(period: Period) -> AgencyFigures:
    """Checks past their due time and still unanswered at the end of the period's last day."""
    _, end = period.moments()
    return _every_agency(period, _per_agency(checks_overdue_at(end), "agency__slug"), 0)


def checks_closed_unanswered_by_agency(period: Period) -> AgencyFigures:
    """Checks still unanswered when their contact's decision was authorised in the period:
    the decision was made without that agency's information (Ofsted's finding)."""
    closed = _per_agency(checks_closed_unanswered(period), "agency__slug")
    return _every_agency(period, closed, 0)


@dataclass(frozen=True)
class AgencyMeasure:
    key: str
    label: str
    measure: Callable[[Period], AgencyFigures]
    definition: str
    unit: str = ""  # "" (a count), "%" or "hours"


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
