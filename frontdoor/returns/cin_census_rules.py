"""The DfE validation rules the CIN census export runs on itself (data-and-returns.md §2).

Each rule has an id, a severity (an *error* must be fixed before submission; a *query* must
be checked and may be explained to the DfE) and a plain-English explanation. A rule is a
function of one child's record (or, for uniqueness and the header, of the whole census)
yielding one message per failure, so a worker sees exactly what to fix.
"""

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

from frontdoor.casework.rules import long_date
from frontdoor.lib.identifiers import is_valid_upn
from frontdoor.lib.workdays import working_days_between
from frontdoor.returns.cin_census import (
    Census,
    CensusPeriod,
    ChildRecord,
    CPPlanRecord,
    EpisodeRecord,
)

ERROR = "error"
QUERY = "query"
# Working Together: an assessment within 45 working days, an ICPC within 15 of the strategy
# discussion. Still open after that at the ReferenceDate, the DfE asks why (a query).
ASSESSMENT_WORKING_DAYS = 45
S47_WORKING_DAYS = 15
_LA_CHILD_ID = re.compile(r"[A-Za-z0-9]{1,20}")


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    explanation: str


@dataclass(frozen=True)
class Failure:
    rule: Rule
    la_child_id: str
    person_id: int | None
    message: str

    @property
    def severity(self) -> str:
        return self.rule.severity

    def line(self) -> str:
        who = self.la_child_id or "Header"
        return f"{who}: {self.rule.id} {self.rule.title} ({self.severity}): {self.message}"


ChildCheck = Callable[[ChildRecord, CensusPeriod], Iterator[str]]
CHILD_RULES: list[tuple[Rule, ChildCheck]] = []


def child_rule(
    id: str, title: str, explanation: str, severity: str = ERROR
) -> Callable[[ChildCheck], ChildCheck]:
    def register(check: ChildCheck) -> ChildCheck:
        CHILD_RULES.append((Rule(id, title, severity, explanation), check))
        return check

    return register


def _cap(text: str) -> str:
    """First letter upper case, the rest as it is (str.capitalize lowers month names)."""
    return text[:1].upper() + text[1:]


def _d(day: dt.date) -> str:
    return long_date(day)


def _episode(episode: EpisodeRecord) -> str:
    return f"the episode referred on {_d(episode.referral_date)}"


def _activity(episode: EpisodeRecord) -> Iterator[tuple[str, dt.date]]:
    """Every dated thing recorded in an episode, named for a worker."""
    for a in episode.assessments:
        yield "the assessment start", a.start_date
        if a.authorisation_date:
            yield "the assessment authorisation", a.authorisation_date
    for plan in episode.cin_plans:
        yield "the child in need plan start", plan.start_date
        if plan.end_date:
            yield "the child in need plan end", plan.end_date
    for s47 in episode.section47s:
        yield "the section 47 enquiry start", s47.start_date
        if s47.icpc_date:
            yield "the initial child protection conference", s47.icpc_date
    if episode.icpc_date:
        yield "the initial child protection conference", episode.icpc_date
    for cp in episode.cp_plans:
        yield "the child protection plan start", cp.start_date
        if cp.end_date:
            yield "the child protection plan end", cp.end_date
        for review in cp.review_dates:
            yield "the child protection review", review


def _ends(episode: EpisodeRecord) -> Iterator[tuple[str, dt.date]]:
    """Dates that say something finished or happened, which must fall within the year."""
    if episode.closure_date:
        yield "the closure", episode.closure_date
    for name, day in _activity(episode):
        if not name.endswith("start"):
            yield name, day


def icpc_dates(episode: EpisodeRecord) -> list[dt.date]:
    dates = [s47.icpc_date for s47 in episode.section47s if s47.icpc_date]
    return dates + ([episode.icpc_date] if episode.icpc_date else [])


def _overlap(a: tuple[dt.date, dt.date | None], b: tuple[dt.date, dt.date | None]) -> bool:
    """Do two [start, end) spans share a day? An open span runs on for ever."""
    never = dt.date.max
    return a[0] < (b[1] or never) and b[0] < (a[1] or never)


@child_rule(
    "CIN-101",
    "LAchildID missing",
    "Every child needs an LA child ID, so the DfE can tell children apart.",
)
def la_child_id_missing(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if not child.la_child_id.strip():
        yield "This child has no LA child ID."


@child_rule(
    "CIN-102",
    "LAchildID format",
    "An LA child ID is 1 to 20 letters and digits, with no spaces or punctuation.",
)
def la_child_id_format(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    if child.la_child_id.strip() and not _LA_CHILD_ID.fullmatch(child.la_child_id):
        yield f"The LA child ID “{child.la_child_id}” is not 1 to 20 letters and digits."


@child_rule(
    "CIN-104",
    "UPN not valid",
    "A UPN is a check letter, 11 digits and a digit or letter; the check letter must match "
    "the other 12 characters (DfE modulus 23).",
)
def upn_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for name, upn in (("UPN", child.upn), ("former UPN", child.former_upn)):
        if upn and not is_valid_upn(upn):
            yield f"The {name} “{upn}” is not a valid unique pupil number (check the letter)."


@child_rule(
    "CIN-110",
    "Episodes overlap",
    "A child has one child in need episode at a time: a referral comes after the previous "
    "episode closed.",
)
def episodes_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for a, b in combinations(sorted(child.episodes, key=lambda e: e.referral_date), 2):
        # An earlier episode still open is reported by CIN-111 and CIN-112.
        if a.closure_date is not None and b.referral_date < a.closure_date:
            yield f"{_cap(_episode(b))} starts before {_episode(a)} closed."


@child_rule(
    "CIN-111",
    "More than one open episode",
    "At most one child in need episode may be open (without a closure date).",
)
def one_open_episode(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    open_ones = [e for e in child.episodes if e.closure_date is None]
    if len(open_ones) > 1:
        dates = ", ".join(_d(e.referral_date) for e in open_ones)
        yield f"{len(open_ones)} episodes are open (referred on {dates}); close all but one."


@child_rule(
    "CIN-112",
    "Open episode is not the latest",
    "An open episode must be the child's latest: no episode can be referred after it.",
)
def open_episode_latest(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    latest = max(e.referral_date for e in child.episodes) if child.episodes else None
    for episode in child.episodes:
        if episode.closure_date is None and latest and episode.referral_date < latest:
            yield f"{_cap(_episode(episode))} is open but a later referral was made."


@child_rule(
    "CIN-113",
    "Closure date and reason",
    "A closed episode has both a closure date and a reason for closure (RC1 to RC9); an "
    "open one has neither.",
)
def closure_and_reason(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        if episode.closure_date and not episode.reason_for_closure:
            yield f"{_cap(_episode(episode))} has a closure date but no reason."
        if episode.reason_for_closure and not episode.closure_date:
            yield f"{_cap(_episode(episode))} has a reason for closure but no date."


@child_rule(
    "CIN-120",
    "Work on an NFA referral",
    "A referral with no further action (ReferralNFA) has no assessment, section 47 enquiry, "
    "child in need plan or child protection plan.",
)
def nfa_without_work(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        kinds = [
            ("an assessment", e.assessments),
            ("a section 47 enquiry", e.section47s),
            ("a child in need plan", e.cin_plans),
            ("a child protection plan", e.cp_plans),
        ]
        found = [name for name, items in kinds if items]
        if e.is_referral_nfa and found:
            yield (
                f"{_cap(_episode(e))} is marked no further action but has {' and '.join(found)}."
            )


@child_rule(
    "CIN-121",
    "Primary need missing",
    "Every referral except one with no further action needs a primary need code (N0 to N9).",
)
def primary_need_present(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        if not episode.is_referral_nfa and not episode.primary_need:
            yield f"{_cap(_episode(episode))} has no primary need recorded."


@child_rule(
    "CIN-122",
    "RC8 or RC9 without an assessment",
    "Closure reasons RC8 and RC9 mean the episode closed after an assessment, so it should "
    "have one: check the reason, or explain it to the DfE.",
    QUERY,  # a query in the DfE's own validator too (rule 8825Q)
)
def closed_after_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        has_one = e.assessments or e.earlier_assessments
        if e.reason_for_closure in ("RC8", "RC9") and not has_one:
            yield (f"{_cap(_episode(e))} closed with {e.reason_for_closure} but has no assessment.")


@child_rule(
    "CIN-123",
    "Factor 21 not alone",
    "Factor 21 (no factors identified) cannot be recorded with any other factor.",
)
def no_factors_alone(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for a in episode.assessments:
            if "21" in a.factors and len(a.factors) > 1:
                yield (
                    f"The assessment started on {_d(a.start_date)} records 21 (no factors) "
                    f"with {', '.join(f for f in a.factors if f != '21')}."
                )


@child_rule(
    "CIN-130",
    "Before the referral",
    "Nothing in an episode can happen before its referral date.",
)
def nothing_before_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for name, day in _activity(episode):
            if day < episode.referral_date:
                yield (
                    f"{_cap(name)} on {_d(day)} is before the referral on "
                    f"{_d(episode.referral_date)}."
                )


@child_rule(
    "CIN-131",
    "After the closure",
    "Nothing in an episode can happen after its closure date.",
)
def nothing_after_closure(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        closed = episode.closure_date
        for name, day in _activity(episode):
            if closed and day > closed:
                yield f"{_cap(name)} on {_d(day)} is after the closure on {_d(closed)}."


@child_rule(
    "CIN-132",
    "Date outside the census year",
    "No date can be after the ReferenceDate (31 March), and closures, authorisations, plan "
    "ends, reviews and conferences must fall within the census year.",
)
def dates_in_period(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    year = f"{_d(period.start)} to {_d(period.end)}"
    for episode in child.episodes:
        if episode.referral_date > period.end:
            yield f"The referral on {_d(episode.referral_date)} is after {_d(period.end)}."
        for name, day in _ends(episode):
            if not period.contains(day):
                yield f"{_cap(name)} on {_d(day)} is outside the census year ({year})."
        for name, day in _activity(episode):
            if name.endswith("start") and day > period.end:
                yield f"{_cap(name)} on {_d(day)} is after {_d(period.end)}."


@child_rule(
    "CIN-140",
    "ICPC recorded twice",
    "An initial child protection conference date goes in the section 47 enquiry or on the "
    "episode, never both.",
)
def icpc_one_level(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        if episode.icpc_date and any(s47.icpc_date for s47 in episode.section47s):
            yield (
                f"{_cap(_episode(episode))} has a conference date on the episode and "
                "in a section 47 enquiry."
            )


def _plans_starting(episode: EpisodeRecord, period: CensusPeriod) -> list[CPPlanRecord]:
    return [cp for cp in episode.cp_plans if period.contains(cp.start_date)]


@child_rule(
    "CIN-141",
    "CP plan not on an ICPC date",
    "A child protection plan starts on the date of the initial conference that decided it.",
)
def plan_starts_at_icpc(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        conferences = set(icpc_dates(episode))
        for cp in _plans_starting(episode, period):
            if cp.start_date not in conferences:
                yield (
                    f"The child protection plan starting {_d(cp.start_date)} has no initial "
                    "conference on that date."
                )


@child_rule(
    "CIN-142",
    "More CP plans than ICPCs",
    "Each child protection plan starting in the year comes from an initial conference, so an "
    "episode cannot have more plan starts than conferences.",
)
def plans_not_more_than_icpcs(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        starts = len(_plans_starting(episode, period))
        conferences = len([d for d in icpc_dates(episode) if period.contains(d)])
        if starts > conferences:
            yield (
                f"{_cap(_episode(episode))} has {starts} child protection plans "
                f"starting but {conferences} initial conferences."
            )


@child_rule(
    "CIN-143",
    "CP plans overlap",
    "A child is on one child protection plan at a time: a plan starts on or after the day "
    "the previous one ended.",
)
def plans_do_not_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    plans = [cp for e in child.episodes for cp in e.cp_plans]
    for a, b in combinations(sorted(plans, key=lambda cp: cp.start_date), 2):
        if _overlap((a.start_date, a.end_date), (b.start_date, b.end_date)):
            yield (
                f"The child protection plans starting {_d(a.start_date)} and "
                f"{_d(b.start_date)} overlap."
            )


@child_rule(
    "CIN-144",
    "CIN plan during a CP plan",
    "A child in need plan cannot run at the same time as a child protection plan.",
)
def cin_plan_not_during_cp_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    cin_plans = [p for e in child.episodes for p in e.cin_plans]
    cp_plans = [p for e in child.episodes for p in e.cp_plans]
    for cin in cin_plans:
        for cp in cp_plans:
            if _overlap((cin.start_date, cin.end_date), (cp.start_date, cp.end_date)):
                yield (
                    f"The child in need plan starting {_d(cin.start_date)} runs during the "
                    f"child protection plan starting {_d(cp.start_date)}."
                )


@child_rule(
    "CIN-145",
    "CP review not after the plan start",
    "A child protection review conference is held after the plan started.",
)
def review_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for cp in episode.cp_plans:
            for review in cp.review_dates:
                if review <= cp.start_date:
                    yield (
                        f"The review on {_d(review)} is not after the plan started on "
                        f"{_d(cp.start_date)}."
                    )


@child_rule(
    "CIN-146",
    "CP plan starts and ends the same day",
    "A child protection plan cannot start and end on the same day.",
)
def plan_not_one_day(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for cp in episode.cp_plans:
            if cp.end_date == cp.start_date:
                yield f"The child protection plan starts and ends on {_d(cp.start_date)}."


@child_rule(
    "CIN-147",
    "ICPC at a weekend",
    "An initial child protection conference is not held on a Saturday or Sunday.",
)
def icpc_on_weekday(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for day in icpc_dates(episode):
            if day.weekday() >= 5:
                yield f"The initial conference is recorded on {day:%A} {_d(day)}."


@child_rule(
    "CIN-150",
    "Assessment open over 45 working days",
    "An assessment still open on 31 March after more than 45 working days: check it is "
    "recorded correctly, or explain the delay to the DfE.",
    QUERY,
)
def assessment_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for a in episode.assessments:
            if a.authorisation_date is None:
                days = working_days_between(a.start_date, period.end)
                if days > ASSESSMENT_WORKING_DAYS:
                    yield (
                        f"The assessment started on {_d(a.start_date)} was still open on "
                        f"{_d(period.end)}, after {days} working days."
                    )


@child_rule(
    "CIN-151",
    "Section 47 open over 15 working days",
    "A section 47 enquiry with no initial conference, and no decision that none is needed, "
    "more than 15 working days after it started: check it is recorded correctly.",
    QUERY,
)
def s47_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for episode in child.episodes:
        for s47 in episode.section47s:
            if s47.icpc_date is None and not s47.is_icpc_not_required:
                days = working_days_between(s47.start_date, period.end)
                if days > S47_WORKING_DAYS:
                    yield (
                        f"The section 47 enquiry started on {_d(s47.start_date)} had no "
                        f"conference or decision on {_d(period.end)}, after {days} working days."
                    )


REFERENCE_DATE = Rule(
    "CIN-001",
    "ReferenceDate",
    ERROR,
    "The header's ReferenceDate is 31 March of the collection year.",
)
LA_CHILD_ID_UNIQUE = Rule(
    "CIN-103",
    "LAchildID not unique",
    ERROR,
    "Each child in the return has a different LA child ID.",
)
UPN_UNIQUE = Rule(
    "CIN-105",
    "UPN not unique",
    ERROR,
    "Two children in the return cannot share a unique pupil number.",
)
RULES: list[Rule] = sorted(
    [REFERENCE_DATE, LA_CHILD_ID_UNIQUE, UPN_UNIQUE] + [rule for rule, _ in CHILD_RULES],
    key=lambda rule: rule.id,
)


def _census_wide(census: Census) -> Iterator[Failure]:
    header = census.header
    if header.reference_date != dt.date(header.year, 3, 31):
        yield Failure(
            REFERENCE_DATE,
            "",
            None,
            f"The ReferenceDate is {_d(header.reference_date)}, not 31 March {header.year}.",
        )
    for rule, key in ((LA_CHILD_ID_UNIQUE, "la_child_id"), (UPN_UNIQUE, "upn")):
        counts = Counter(getattr(child, key) for child in census.children)
        for child in census.children:
            value = getattr(child, key)
            if value and counts[value] > 1:
                yield Failure(
                    rule,
                    child.la_child_id,
                    child.person_id,
                    f"“{value}” is used by {counts[value]} children.",
                )


def check(census: Census) -> list[Failure]:
    """Every failure of every rule, header first, then child by child."""
    failures = list(_census_wide(census))
    for child in census.children:
        for rule, check_child in CHILD_RULES:
            for message in check_child(child, census.period):
                failures.append(Failure(rule, child.la_child_id, child.person_id, message))
    return failures
