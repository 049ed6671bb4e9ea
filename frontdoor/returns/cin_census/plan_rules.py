"""DfE rules about child in need plans: their dates, one at a time, and never at the same
time as a child protection plan."""

from collections.abc import Iterator
from itertools import permutations

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord, CINPlanRecord
from frontdoor.returns.cin_census.rulebook import QUERY, ChildRules, episode_name, first_upper

CHILD_RULES = ChildRules()


def _name(plan: CINPlanRecord) -> str:
    return f"the child in need plan starting {govuk_date(plan.start_date)}"


@CHILD_RULES.rule(
    "4010",
    "CIN plan start after the census year",
    "A child in need plan's start date is on or before the ReferenceDate.",
)
def starts_by_reference_date(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for p in e.cin_plans:
            if p.start_date > period.end:
                yield f"{first_upper(_name(p))} is after {govuk_date(period.end)}."


@CHILD_RULES.rule(
    "4011", "CIN plan ends before it starts", "A CIN plan ends on or after its start."
)
def ends_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for p in e.cin_plans:
            if p.end_date and p.end_date < p.start_date:
                yield f"{first_upper(_name(p))} ends on {govuk_date(p.end_date)}, before it starts."


@CHILD_RULES.rule(
    "4012Q",
    "CIN plan starts and ends the same day",
    "A child in need plan should not start and end on the same day.",
    QUERY,
)
def not_one_day(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for p in e.cin_plans:
            if p.end_date == p.start_date:
                yield f"{first_upper(_name(p))} ends the same day."


@CHILD_RULES.rule(
    "4013",
    "CIN plan end outside the census year",
    "A child in need plan's end date in the return falls within the census year.",
)
def ends_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for p in e.cin_plans:
            if p.end_date and not period.contains(p.end_date):
                yield f"{first_upper(_name(p))} ends on {govuk_date(p.end_date)}, outside the year."


@CHILD_RULES.rule(
    "4015", "CIN plan before the referral", "A CIN plan starts on or after the referral."
)
def after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for p in e.cin_plans:
            if p.start_date < e.referral_date:
                yield f"{first_upper(_name(p))} is before {episode_name(e)}."


@CHILD_RULES.rule("4004", "More than one open CIN plan", "At most one CIN plan is open.")
def one_open_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    open_ones = [p for e in child.episodes for p in e.cin_plans if p.end_date is None]
    if len(open_ones) > 1:
        yield f"{len(open_ones)} child in need plans are open; end all but one."


@CHILD_RULES.rule(
    "4014",
    "CIN plans overlap",
    "A child in need plan does not start within another (its start to end, or to the "
    "ReferenceDate while open).",
)
def plans_do_not_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    plans = [p for e in child.episodes for p in e.cin_plans]
    for a, b in permutations(plans, 2):
        if b.start_date <= a.start_date <= (b.end_date or period.end):
            yield f"{first_upper(_name(a))} starts within {_name(b)}."


@CHILD_RULES.rule(
    "4001",
    "Open CIN plan with an open CP plan",
    "A child cannot have an open child in need plan and an open child protection plan.",
)
def not_both_open(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        cp_open = any(cp.end_date is None for cp in e.cp_plans)
        for p in e.cin_plans:
            if cp_open and p.end_date is None:
                yield f"{first_upper(_name(p))} is open while a child protection plan is open."


@CHILD_RULES.rule(
    "4003",
    "CP review during a CIN plan",
    "No child protection review falls within a child in need plan, unless it is the review "
    "that ended the CP plan.",
)
def no_review_during_cin_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for cp in e.cp_plans:
            for review in cp.review_dates:
                for p in e.cin_plans:
                    inside = p.start_date <= review <= (p.end_date or period.end)
                    if inside and review != cp.end_date:
                        yield (
                            f"The child protection review on {govuk_date(review)} falls within "
                            f"{_name(p)}."
                        )


@CHILD_RULES.rule(
    "4016",
    "CIN plan starts during a CP plan",
    "A child in need plan does not start while a child protection plan is running, unless "
    "it starts the day the CP plan ends.",
)
def cin_not_during_cp(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    cps = [cp for e in child.episodes for cp in e.cp_plans]
    for p in (p for e in child.episodes for p in e.cin_plans):
        for cp in cps:
            end = cp.end_date or period.end
            if cp.start_date <= p.start_date <= end and p.start_date != cp.end_date:
                yield (
                    f"{first_upper(_name(p))} starts during the child protection plan starting "
                    f"{govuk_date(cp.start_date)}."
                )


@CHILD_RULES.rule(
    "4017",
    "CP plan starts during a CIN plan",
    "A child protection plan does not start while a child in need plan is running, unless "
    "it starts the day the CIN plan ends.",
)
def cp_not_during_cin(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    cins = [p for e in child.episodes for p in e.cin_plans]
    for cp in (cp for e in child.episodes for cp in e.cp_plans):
        for p in cins:
            end = p.end_date or period.end
            if p.start_date <= cp.start_date <= end and cp.start_date != p.end_date:
                yield (
                    f"The child protection plan starting {govuk_date(cp.start_date)} starts "
                    f"during {_name(p)}."
                )
