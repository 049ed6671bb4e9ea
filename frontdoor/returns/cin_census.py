"""The DfE children in need census: who is in it, what it says, and the export command.

Collection year Y runs from 1 April Y-1 to 31 March Y (the ReferenceDate). Every child with a
CIN episode open at any point in that period is in the return, with the episodes, assessments,
plans, section 47 enquiries and conferences that were active in it (data-and-returns.md §2).

The return is as at the ReferenceDate: anything recorded as happening after it (a closure, an
authorisation, a conference) is left out, so a year can be exported again later and say the
same. Reads are a fixed number of queries whatever the size of the council (no query per
child): the episodes of the period, then each kind of casework record for those episodes.

Every initial conference here belongs to a section 47 enquiry, so DateOfInitialCPC is written
in the Section47 module, never on CINdetails (the rules still check data that has it there).
Disabilities are written only when recorded (the element is optional in the DfE schema);
UPNunknown only as UN7, for a child whose every episode in the year was an NFA referral.

LAchildID is the person's `la_child_id`; a child without one (records loaded in bulk) gets
`FD` and the record's id padded to 7 digits, the same id the person index gives a new child
(people.actions), so it is stable from one year's return to the next.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
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

FIRST_YEAR = 2000


@dataclass(frozen=True)
class CensusPeriod:
    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        """The ReferenceDate: 31 March of the collection year."""
        return dt.date(self.year, 3, 31)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Header:
    year: int
    reference_date: dt.date
    lea: str
    software_code: str
    release: str
    serial_no: str
    created_at: dt.datetime


@dataclass
class AssessmentRecord:
    start_date: dt.date
    authorisation_date: dt.date | None = None
    factors: list[str] = field(default_factory=list)
    internal_review_date: dt.date | None = None


@dataclass
class CINPlanRecord:
    start_date: dt.date
    end_date: dt.date | None = None


@dataclass
class Section47Record:
    start_date: dt.date
    icpc_target: dt.date | None = None
    icpc_date: dt.date | None = None
    is_icpc_not_required: bool = False


@dataclass
class CPPlanRecord:
    start_date: dt.date
    initial_category: str
    latest_category: str
    previous_plans: int = 0
    end_date: dt.date | None = None
    review_dates: list[dt.date] = field(default_factory=list)


@dataclass
class EpisodeRecord:
    referral_date: dt.date
    referral_source: str
    primary_need: str = ""
    closure_date: dt.date | None = None
    reason_for_closure: str = ""
    icpc_date: dt.date | None = None  # CINdetails-level DateOfInitialCPC (no s47 in the return)
    is_referral_nfa: bool = False
    # Assessments of this episode authorised before the period (not in the return): they
    # still count as "an assessment" for closure reasons RC8 and RC9.
    earlier_assessments: int = 0
    assessments: list[AssessmentRecord] = field(default_factory=list)
    cin_plans: list[CINPlanRecord] = field(default_factory=list)
    section47s: list[Section47Record] = field(default_factory=list)
    cp_plans: list[CPPlanRecord] = field(default_factory=list)


@dataclass
class ChildRecord:
    person_id: int | None
    la_child_id: str
    sex: str
    ethnicity: str
    upn: str = ""
    former_upn: str = ""
    upn_unknown: str = ""
    birth_date: dt.date | None = None
    expected_birth_date: dt.date | None = None
    death_date: dt.date | None = None
    disabilities: list[str] = field(default_factory=list)
    episodes: list[EpisodeRecord] = field(default_factory=list)


@dataclass
class Census:
    header: Header
    period: CensusPeriod
    children: list[ChildRecord]


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
    children = list(_children(by_person, episodes.values("person_id")))
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


def _children(
    by_person: dict[int, list[EpisodeRecord]], person_ids: QuerySet[CINEpisode, Any]
) -> Iterable[ChildRecord]:
    people = Person.objects.filter(pk__in=person_ids)
    fields = ("pk", "la_child_id", "upn", "sex", "ethnicity", "disabilities")
    rows = people.values_list(*fields, "date_of_birth", "expected_date_of_birth")
    for pk, child_id, upn, sex, ethnicity, disabilities, born, expected in rows.iterator(5000):
        episodes = by_person[pk]
        all_nfa = all(episode.is_referral_nfa for episode in episodes)
        yield ChildRecord(
            person_id=pk,
            la_child_id=child_id or default_la_child_id(pk),
            sex=sex or "U",
            ethnicity=ethnicity or "NOBT",
            upn=upn,
            # DfE: UN7 "referral with no further action" is the one reason we can know.
            upn_unknown="UN7" if not upn and all_nfa else "",
            birth_date=born,
            expected_birth_date=expected if born is None else None,
            disabilities=list(disabilities or []),
            episodes=episodes,
        )


def run_command(options: dict[str, Any], stdout: Any, stderr: Any) -> None:
    """`frontdoor export cin-census --year Y --out FILE [--strict]`."""
    from frontdoor.returns.cin_census_rules import ERROR, check
    from frontdoor.returns.cin_census_xml import to_xml, validate

    try:
        period = census_period(options["year"])
    except ValueError as error:
        raise CommandError(str(error)) from error
    census = collect(period)
    if not census.children:
        raise CommandError(
            f"No child had a child in need episode open between {period.start:%-d %B %Y} "
            f"and {period.end:%-d %B %Y}, so there is no census to write."
        )
    failures = check(census)
    for failure in failures:
        stdout.write(failure.line())
    errors = sum(1 for failure in failures if failure.severity == ERROR)
    queries = len(failures) - errors
    stdout.write(
        f"CIN census {period.year}: {len(census.children)} children, "
        f"{errors} errors, {queries} queries."
    )
    document = to_xml(census)
    out = Path(options["out"])
    _write(out, document)
    problems = validate(document)
    for problem in problems:
        stderr.write(f"Schema: {problem}")
    if problems:
        raise CommandError(f"{out} does not match the census schema ({len(problems)} problems).")
    stdout.write(f"Wrote {out}: valid against the census schema.")
    if options.get("strict") and errors:
        raise CommandError(f"{errors} errors remain: fix them before submitting the census.")


def _write(out: Path, document: bytes) -> None:
    try:
        out.write_bytes(document)
    except OSError as error:
        raise CommandError(f"Could not write {out}: {error.strerror}.") from error
