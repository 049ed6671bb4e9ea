"""DfE rules about child protection: section 47 enquiries and initial conferences (where the
conference is recorded, weekdays, within 15 working days), and child protection plans (dates,
categories, one at a time, reviews)."""

from collections.abc import Iterator
from itertools import permutations

from frontdoor.casework.clocks import ICPC_WORKING_DAYS
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.workdays import working_days_between
from frontdoor.returns.cin_census.codes import is_code
from frontdoor.returns.cin_census.records import (
    CensusPeriod,
    ChildRecord,
    CPPlanRecord,
    Section47Record,
)
from frontdoor.returns.cin_census.rulebook import (
    QUERY,
    ChildRules,
    episode_name,
    first_upper,
    icpc_dates,
)

CHILD_RULES = ChildRules()


def _s47(s: Section47Record) -> str:
    return f"the section 47 enquiry started on {govuk_date(s.start_date)}"


def _cp(cp: CPPlanRecord) -> str:
    return f"the child protection plan starting {govuk_date(cp.start_date)}"


def _waiting(s: Section47Record) -> bool:
    """No conference held yet and no decision that none is needed."""
    return s.icpc_date is None and not s.is_icpc_not_required


@CHILD_RULES.rule(
    "2889",
    "Section 47 before the referral",
    "A section 47 enquiry starts on or after the referral.",
)
def enquiry_after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if s.start_date < e.referral_date:
                yield f"{first_upper(_s47(s))} is before {episode_name(e)}."


@CHILD_RULES.rule(
    "1104", "Conference before the referral", "An initial conference is on or after the referral."
)
def conference_after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for day in icpc_dates(e):
            if day < e.referral_date:
                yield f"The initial conference on {govuk_date(day)} is before {episode_name(e)}."


@CHILD_RULES.rule(
    "8615",
    "Conference before its enquiry started",
    "A section 47 enquiry with a conference date started on or before that date.",
)
def conference_after_enquiry(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if s.icpc_date and s.start_date > s.icpc_date:
                yield f"{first_upper(_s47(s))} is after its conference ({govuk_date(s.icpc_date)})."


@CHILD_RULES.rule(
    "8715",
    "Conference outside the census year",
    "An initial conference date in the return falls within the census year.",
)
def conference_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for day in icpc_dates(e):
            if not period.contains(day):
                yield f"The initial conference on {govuk_date(day)} is outside the census year."


@CHILD_RULES.rule(
    "8740",
    "Waiting enquiry started outside the census year",
    "A section 47 enquiry with no conference and no decision that none is needed started "
    "within the census year.",
)
def waiting_started_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if _waiting(s) and not period.contains(s.start_date):
                yield f"{first_upper(_s47(s))} has no conference and started outside the year."


@CHILD_RULES.rule(
    "8675Q",
    "Section 47 open over 15 working days",
    "A section 47 enquiry with no conference, and no decision that none is needed, more than "
    "15 working days before the ReferenceDate: check it is recorded correctly.",
    QUERY,
)
def enquiry_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if _waiting(s):
                days = working_days_between(s.start_date, period.end)
                if days > ICPC_WORKING_DAYS:
                    yield (
                        f"{first_upper(_s47(s))} had no conference or decision on "
                        f"{govuk_date(period.end)}, after {days} working days."
                    )


@CHILD_RULES.rule(
    "8839",
    "Two enquiries waiting",
    "An episode has at most one section 47 enquiry with no conference and no decision.",
)
def one_waiting_enquiry(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        waiting = [s for s in e.section47s if _waiting(s)]
        if len(waiting) > 1:
            yield f"{first_upper(episode_name(e))} has {len(waiting)} enquiries waiting."


@CHILD_RULES.rule(
    "8890",
    "Enquiry started during another",
    "A section 47 enquiry does not start while another in the episode is under way (from its "
    "start to its conference, or to the ReferenceDate while it waits).",
)
def one_enquiry_at_a_time(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a, b in permutations(e.section47s, 2):
            if b.is_icpc_not_required and not b.icpc_date:
                continue  # finished by deciding no conference was needed
            if b.start_date <= a.start_date <= (b.icpc_date or period.end):
                yield f"{first_upper(_s47(a))} starts during {_s47(b)}."


@CHILD_RULES.rule(
    "8870Q",
    "Conference target date at a weekend",
    "An initial conference's target date is not a Saturday or Sunday.",
    QUERY,
)
def target_on_weekday(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if s.icpc_target and s.icpc_target.weekday() >= 5:
                day = s.icpc_target
                yield f"The conference target date is {day:%A} {govuk_date(day)}."


@CHILD_RULES.rule(
    "8875",
    "Conference at a weekend",
    "An initial child protection conference is not held on a Saturday or Sunday.",
)
def conference_on_weekday(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for day in icpc_dates(e):
            if day.weekday() >= 5:
                yield f"The initial conference is recorded on {day:%A} {govuk_date(day)}."


@CHILD_RULES.rule(
    "2884",
    "Conference recorded twice",
    "An initial conference date goes in the section 47 enquiry or on the episode, never both.",
)
def conference_one_level(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.icpc_date and any(s.icpc_date == e.icpc_date for s in e.section47s):
            yield (
                f"{first_upper(episode_name(e))} has the conference on "
                f"{govuk_date(e.icpc_date)} on the episode and in a section 47 enquiry."
            )


@CHILD_RULES.rule(
    "2885",
    "CP plan not on a conference date",
    "A child protection plan starting in the year starts on the date of an initial conference "
    "(in a section 47 enquiry, or on the episode when it has none).",
)
def plan_starts_at_conference(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        conferences = set(icpc_dates(e))
        for cp in e.cp_plans:
            if period.contains(cp.start_date) and cp.start_date not in conferences:
                yield f"{first_upper(_cp(cp))} has no initial conference on that date."


@CHILD_RULES.rule(
    "1105",
    "CP plan before the referral",
    "A child protection plan starts on or after the referral.",
)
def plan_after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.start_date < e.referral_date:
                yield f"{first_upper(_cp(cp))} is before {episode_name(e)}."


@CHILD_RULES.rule(
    "8720",
    "CP plan start after the census year",
    "A child protection plan's start date is on or before the ReferenceDate.",
)
def plan_starts_by_reference_date(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.start_date > period.end:
                yield f"{first_upper(_cp(cp))} is after {govuk_date(period.end)}."


@CHILD_RULES.rule(
    "8730",
    "Number of previous CP plans missing",
    "A child protection plan records how many plans the child had before (0 or more).",
)
def previous_plans_known(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.previous_plans is None or cp.previous_plans < 0:
                yield f"{first_upper(_cp(cp))} does not say how many plans came before it."


def _category_rule(rule_id: str, which: str) -> None:
    def check(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
        for e in child.episodes:
            for cp in e.cp_plans:
                code = getattr(cp, f"{which}_category")
                if not is_code("CategoryOfAbuseType", code):
                    yield f"{first_upper(_cp(cp))} has {which} category “{code}”."

    title = f"{which.title()} category of abuse missing or not valid"
    CHILD_RULES.rule(
        rule_id, title, f"A child protection plan has a DfE {which} category of abuse."
    )(check)


_category_rule("8905", "initial")
_category_rule("8910", "latest")


@CHILD_RULES.rule("8925", "CP plan ends before it starts", "A CP plan ends on or after its start.")
def plan_ends_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.end_date and cp.end_date < cp.start_date:
                yield f"{first_upper(_cp(cp))} ends on {govuk_date(cp.end_date)}."


@CHILD_RULES.rule(
    "8930",
    "CP plan end outside the census year",
    "A child protection plan's end date in the return falls within the census year.",
)
def plan_ends_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.end_date and not period.contains(cp.end_date):
                yield f"{first_upper(_cp(cp))} ends on {govuk_date(cp.end_date)}, outside the year."


@CHILD_RULES.rule(
    "8840",
    "CP plan starts and ends the same day",
    "A child protection plan cannot start and end on the same day.",
)
def plan_not_one_day(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            if cp.end_date == cp.start_date:
                yield f"The child protection plan starts and ends on {govuk_date(cp.start_date)}."


@CHILD_RULES.rule("8935", "More than one open CP plan", "At most one CP plan is open.")
def one_open_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    open_ones = [cp for e in child.episodes for cp in e.cp_plans if cp.end_date is None]
    if len(open_ones) > 1:
        yield f"{len(open_ones)} child protection plans are open; end all but one."


@CHILD_RULES.rule(
    "8940",
    "CP plans overlap",
    "A child protection plan does not start within another (its start to end, or to the "
    "ReferenceDate while open).",
)
def plans_do_not_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    plans = [cp for e in child.episodes for cp in e.cp_plans]
    for a, b in permutations(plans, 2):
        if b.start_date <= a.start_date <= (b.end_date or period.end):
            yield f"{first_upper(_cp(a))} starts within {_cp(b)}."


@CHILD_RULES.rule(
    "8841",
    "CP review not after the plan start",
    "A child protection review is held after the plan started.",
)
def review_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            for review in cp.review_dates:
                if review <= cp.start_date:
                    yield (
                        f"The review on {govuk_date(review)} is not after the plan started on "
                        f"{govuk_date(cp.start_date)}."
                    )
