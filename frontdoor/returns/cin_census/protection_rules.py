"""DfE rules about child protection: where an initial conference is recorded, plans that
start at a conference, one plan at a time, reviews, and conferences on weekdays."""

from collections.abc import Iterator
from itertools import combinations

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.records import (
    CensusPeriod,
    ChildRecord,
    CPPlanRecord,
    EpisodeRecord,
)
from frontdoor.returns.cin_census.rulebook import (
    ChildRules,
    episode_name,
    first_upper,
    icpc_dates,
    overlap,
)

CHILD_RULES = ChildRules()


@CHILD_RULES.rule(
    "CIN-140",
    "ICPC recorded twice",
    "An initial child protection conference date goes in the section 47 enquiry or on the "
    "episode, never both.",
)
def icpc_one_level(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-140: a conference date is in the s47 enquiry or on the episode, not both."""
    for episode in child.episodes:
        if episode.icpc_date and any(s47.icpc_date for s47 in episode.section47s):
            yield (
                f"{first_upper(episode_name(episode))} has a conference date on the episode and "
                "in a section 47 enquiry."
            )


def _plans_starting(episode: EpisodeRecord, period: CensusPeriod) -> list[CPPlanRecord]:
    return [cp for cp in episode.cp_plans if period.contains(cp.start_date)]


@CHILD_RULES.rule(
    "CIN-141",
    "CP plan not on an ICPC date",
    "A child protection plan starts on the date of the initial conference that decided it.",
)
def plan_starts_at_icpc(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-141: a CP plan starting in the year starts on a conference date."""
    for episode in child.episodes:
        conferences = set(icpc_dates(episode))
        for cp in _plans_starting(episode, period):
            if cp.start_date not in conferences:
                yield (
                    f"The child protection plan starting {govuk_date(cp.start_date)} has no "
                    "initial conference on that date."
                )


@CHILD_RULES.rule(
    "CIN-142",
    "More CP plans than ICPCs",
    "Each child protection plan starting in the year comes from an initial conference, so an "
    "episode cannot have more plan starts than conferences.",
)
def plans_not_more_than_icpcs(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-142: no more CP plan starts than initial conferences."""
    for episode in child.episodes:
        starts = len(_plans_starting(episode, period))
        conferences = len([d for d in icpc_dates(episode) if period.contains(d)])
        if starts > conferences:
            yield (
                f"{first_upper(episode_name(episode))} has {starts} child protection plans "
                f"starting but {conferences} initial conferences."
            )


@CHILD_RULES.rule(
    "CIN-143",
    "CP plans overlap",
    "A child is on one child protection plan at a time: a plan starts on or after the day "
    "the previous one ended.",
)
def plans_do_not_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-143: the child's CP plans do not overlap."""
    plans = [cp for e in child.episodes for cp in e.cp_plans]
    for a, b in combinations(sorted(plans, key=lambda cp: cp.start_date), 2):
        if overlap((a.start_date, a.end_date), (b.start_date, b.end_date)):
            yield (
                f"The child protection plans starting {govuk_date(a.start_date)} and "
                f"{govuk_date(b.start_date)} overlap."
            )


@CHILD_RULES.rule(
    "CIN-144",
    "CIN plan during a CP plan",
    "A child in need plan cannot run at the same time as a child protection plan.",
)
def cin_plan_not_during_cp_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-144: no CIN plan runs during a CP plan."""
    cin_plans = [p for e in child.episodes for p in e.cin_plans]
    cp_plans = [p for e in child.episodes for p in e.cp_plans]
    for cin in cin_plans:
        for cp in cp_plans:
            if overlap((cin.start_date, cin.end_date), (cp.start_date, cp.end_date)):
                yield (
                    f"The child in need plan starting {govuk_date(cin.start_date)} runs during the "
                    f"child protection plan starting {govuk_date(cp.start_date)}."
                )


@CHILD_RULES.rule(
    "CIN-145",
    "CP review not after the plan start",
    "A child protection review conference is held after the plan started.",
)
def review_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-145: each CP review is after its plan started."""
    for episode in child.episodes:
        for cp in episode.cp_plans:
            for review in cp.review_dates:
                if review <= cp.start_date:
                    yield (
                        f"The review on {govuk_date(review)} is not after the plan started on "
                        f"{govuk_date(cp.start_date)}."
                    )


@CHILD_RULES.rule(
    "CIN-146",
    "CP plan starts and ends the same day",
    "A child protection plan cannot start and end on the same day.",
)
def plan_not_one_day(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-146: no CP plan starts and ends on the same day."""
    for episode in child.episodes:
        for cp in episode.cp_plans:
            if cp.end_date == cp.start_date:
                yield f"The child protection plan starts and ends on {govuk_date(cp.start_date)}."


@CHILD_RULES.rule(
    "CIN-147",
    "ICPC at a weekend",
    "An initial child protection conference is not held on a Saturday or Sunday.",
)
def icpc_on_weekday(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-147: no initial conference is recorded at a weekend."""
    for episode in child.episodes:
        for day in icpc_dates(episode):
            if day.weekday() >= 5:
                yield f"The initial conference is recorded on {day:%A} {govuk_date(day)}."
