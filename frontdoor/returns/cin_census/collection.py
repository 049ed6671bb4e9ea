"""Who is in the CIN census and what it says about them, read from the casework records
(the rules of inclusion are in the package docstring)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from frontdoor.casework.models import (
    Assessment,
    CINEpisode,
    CINPlan,
    CPPlan,
    CPReview,
    InitialConference,
    S47Enquiry,
)
from frontdoor.casework.plan_models import CINPlanQuerySet
from frontdoor.lib.identifiers import default_la_child_id
from frontdoor.people.models import Person
from frontdoor.returns.cin_census.records import (
    AssessmentRecord,
    Census,
    CensusPeriod,
    ChildRecord,
    CINPlanRecord,
    CPPlanRecord,
    EpisodeRecord,
    Header,
    Section47Record,
)

FIRST_YEAR = 2000


def census_period(year: Any) -> CensusPeriod:
    """The collection year, checked: a plain-English ValueError if it cannot be one."""
    try:
        number = int(year)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"“{year}” is not a year. Give the collection year, for example 2025."
        ) from error
    latest = timezone.localdate().year + 1
    if not FIRST_YEAR <= number <= latest:
        raise ValueError(
            f"The collection year must be between {FIRST_YEAR} and {latest}; "
            f"{number} runs from 1 April {number - 1} to 31 March {number}."
        )
    return CensusPeriod(number)


def make_header(period: CensusPeriod, created_at: dt.datetime | None = None) -> Header:
    """The census header; `created_at` is the DateTime written (now unless given, for tests)."""
    moment = created_at or timezone.localtime().replace(microsecond=0)
    return Header(
        year=period.year,
        reference_date=period.end,
        lea=settings.FRONTDOOR_LA_CODE,
        software_code=settings.FRONTDOOR_CENSUS_SOFTWARE_CODE,
        release=_release(),
        serial_no="001",
        created_at=moment,
    )


def _release() -> str:
    """Source/Release: this software's version."""
    try:
        return version("frontdoor")
    except PackageNotFoundError:
        return "0"


def _within(day: dt.date | None, period: CensusPeriod) -> dt.date | None:
    """A date as known on the ReferenceDate: one after it has not happened yet."""
    return day if day is not None and day <= period.end else None


def _ends_in_or_after(day: dt.date | None, period: CensusPeriod) -> bool:
    return day is None or day >= period.start


def episodes_in(period: CensusPeriod) -> QuerySet[CINEpisode]:
    """CIN episodes open at any point in the collection year."""
    return CINEpisode.objects.active_between(period.start, period.end)


def collect(period: CensusPeriod, header: Header | None = None) -> Census:
    """Every child with CIN activity in `period`, as the census will say it."""
    episodes = episodes_in(period)
    ids = episodes.values("pk")
    records: dict[int, EpisodeRecord] = {}
    by_person: dict[int, list[EpisodeRecord]] = defaultdict(list)
    rows = episodes.order_by("person_id", "referral_date", "pk").values_list(
        "pk",
        "person_id",
        "referral_date",
        "referral_source",
        "primary_need",
        "closure_date",
        "reason_for_closure",
        "referral_nfa",
    )
    for pk, person_id, referral, source, need, closed, reason, nfa in rows.iterator(5000):
        closure = _within(closed, period)
        record = EpisodeRecord(
            referral_date=referral,
            referral_source=source,
            primary_need=need,
            closure_date=closure,
            reason_for_closure=reason if closure else "",
            is_referral_nfa=nfa,
        )
        records[pk] = record
        by_person[person_id].append(record)
    _add_assessments(records, Assessment.objects.filter(episode__in=ids), period)
    _add_cin_plans(records, CINPlan.objects.filter(episode__in=ids), period)
    _add_section47s(records, ids, period)
    _add_cp_plans(records, ids, period)
    children = list(_children(by_person, episodes.values("person_id"), period))
    children.sort(key=lambda child: (child.la_child_id, child.person_id or 0))
    return Census(header or make_header(period), period, children)


def _add_assessments(
    records: dict[int, EpisodeRecord], assessments: QuerySet[Assessment], period: CensusPeriod
) -> None:
    rows = assessments.filter(start_date__lte=period.end).order_by("start_date", "pk")
    fields = ("episode_id", "start_date", "authorised_on", "factors")
    for episode_id, start, authorised, factors in rows.values_list(*fields).iterator(5000):
        if not _ends_in_or_after(authorised, period):
            records[episode_id].earlier_assessments += 1
            continue
        done = _within(authorised, period)
        # Factors are identified when the assessment is authorised (as at the ReferenceDate).
        chosen = list(factors or []) if done else []
        records[episode_id].assessments.append(AssessmentRecord(start, done, chosen))


def _add_cin_plans(
    records: dict[int, EpisodeRecord], plans: CINPlanQuerySet, period: CensusPeriod
) -> None:
    rows = plans.active_between(period.start, period.end).order_by("start_date", "pk")
    for episode_id, start, end in rows.values_list("episode_id", "start_date", "end_date"):
        records[episode_id].cin_plans.append(CINPlanRecord(start, _within(end, period)))


def _add_section47s(
    records: dict[int, EpisodeRecord], ids: QuerySet[CINEpisode, Any], period: CensusPeriod
) -> None:
    conferences = dict(
        InitialConference.objects.filter(episode__in=ids).values_list("enquiry_id", "held_on")
    )
    enquiries = S47Enquiry.objects.filter(episode__in=ids, start_date__lte=period.end)
    fields = ("pk", "episode_id", "start_date", "icpc_due_date", "outcome_recorded_on")
    rows = enquiries.order_by("start_date", "pk").values_list(*fields, "is_icpc_required")
    for pk, episode_id, start, target, outcome_on, required in rows.iterator(5000):
        icpc = _within(conferences.get(pk), period)
        not_required = required is False and _within(outcome_on, period) is not None
        # An enquiry is finished by its conference, or by deciding none is needed.
        finished = conferences.get(pk) or (outcome_on if required is False else None)
        if not _ends_in_or_after(finished, period):
            continue
        record = Section47Record(start, None if not_required else target, icpc, not_required)
        records[episode_id].section47s.append(record)


def _add_cp_plans(
    records: dict[int, EpisodeRecord], ids: QuerySet[CINEpisode, Any], period: CensusPeriod
) -> None:
    reviews: dict[int, list[dt.date]] = defaultdict(list)
    held = CPReview.objects.filter(
        plan__episode__in=ids, held_on__gte=period.start, held_on__lte=period.end
    ).order_by("held_on", "pk")
    for plan_id, day in held.values_list("plan_id", "held_on").iterator(5000):
        reviews[plan_id].append(day)
    plans = CPPlan.objects.filter(episode__in=ids).active_between(period.start, period.end)
    fields = ("pk", "episode_id", "start_date", "end_date", "initial_category")
    rows = plans.order_by("start_date", "pk").values_list(
        *fields, "latest_category", "previous_plans"
    )
    for pk, episode_id, start, end, initial, latest, previous in rows.iterator(5000):
        plan = CPPlanRecord(start, initial, latest, previous, _within(end, period), reviews[pk])
        records[episode_id].cp_plans.append(plan)


def _derived_reason(
    episodes: list[EpisodeRecord], born: dt.date | None, period: CensusPeriod
) -> str:
    """The reason for no UPN that the record itself shows, when none was recorded: UN7 when
    every referral led to no further action, UN1 when the child is not yet of school age."""
    if episodes and all(episode.is_referral_nfa for episode in episodes):
        return "UN7"
    if born is None or born > period.school_age_born_by:
        return "UN1"
    return ""


def _children(
    by_person: dict[int, list[EpisodeRecord]],
    person_ids: QuerySet[CINEpisode, Any],
    period: CensusPeriod,
) -> Iterable[ChildRecord]:
    people = Person.objects.filter(pk__in=person_ids)
    fields = ("pk", "la_child_id", "upn", "upn_unknown", "sex", "ethnicity", "disabilities")
    rows = people.values_list(*fields, "date_of_birth", "expected_date_of_birth")
    for pk, child_id, upn, unknown, sex, ethnicity, disabilities, born, expected in rows.iterator(
        5000
    ):
        episodes = by_person[pk]
        yield ChildRecord(
            person_id=pk,
            la_child_id=child_id or default_la_child_id(pk),
            sex=sex or "U",
            ethnicity=ethnicity or "NOBT",
            upn=upn,
            upn_unknown="" if upn else (unknown or _derived_reason(episodes, born, period)),
            birth_date=born,
            expected_birth_date=expected if born is None else None,
            disabilities=list(disabilities or []),
            episodes=episodes,
        )
