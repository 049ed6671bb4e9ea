"""DfE rules about a child's CIN episodes: one at a time, closed with a reason, no work on
a referral with no further action, a primary need, and assessment factors."""

from collections.abc import Iterator
from itertools import combinations

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import QUERY, ChildRules, episode_name, first_upper

CHILD_RULES = ChildRules()


@CHILD_RULES.rule(
    "CIN-110",
    "Episodes overlap",
    "A child has one child in need episode at a time: a referral comes after the previous "
    "episode closed.",
)
def episodes_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-110: no episode is referred before the one before it closed."""
    for a, b in combinations(sorted(child.episodes, key=lambda e: e.referral_date), 2):
        # An earlier episode still open is reported by CIN-111 and CIN-112.
        if a.closure_date is not None and b.referral_date < a.closure_date:
            yield f"{first_upper(episode_name(b))} starts before {episode_name(a)} closed."


@CHILD_RULES.rule(
    "CIN-111",
    "More than one open episode",
    "At most one child in need episode may be open (without a closure date).",
)
def one_open_episode(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-111: at most one episode is open."""
    open_ones = [e for e in child.episodes if e.closure_date is None]
    if len(open_ones) > 1:
        dates = ", ".join(govuk_date(e.referral_date) for e in open_ones)
        yield f"{len(open_ones)} episodes are open (referred on {dates}); close all but one."


@CHILD_RULES.rule(
    "CIN-112",
    "Open episode is not the latest",
    "An open episode must be the child's latest: no episode can be referred after it.",
)
def open_episode_latest(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-112: an open episode is the child's latest."""
    latest = max(e.referral_date for e in child.episodes) if child.episodes else None
    for episode in child.episodes:
        if episode.closure_date is None and latest and episode.referral_date < latest:
            yield f"{first_upper(episode_name(episode))} is open but a later referral was made."


@CHILD_RULES.rule(
    "CIN-113",
    "Closure date and reason",
    "A closed episode has both a closure date and a reason for closure (RC1 to RC9); an "
    "open one has neither.",
)
def closure_and_reason(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-113: a closure date comes with a reason, and a reason with a date."""
    for episode in child.episodes:
        if episode.closure_date and not episode.reason_for_closure:
            yield f"{first_upper(episode_name(episode))} has a closure date but no reason."
        if episode.reason_for_closure and not episode.closure_date:
            yield f"{first_upper(episode_name(episode))} has a reason for closure but no date."


@CHILD_RULES.rule(
    "CIN-120",
    "Work on an NFA referral",
    "A referral with no further action (ReferralNFA) has no assessment, section 47 enquiry, "
    "child in need plan or child protection plan.",
)
def nfa_without_work(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-120: a referral with no further action has no casework."""
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
                f"{first_upper(episode_name(e))} is marked no further action but has "
                f"{' and '.join(found)}."
            )


@CHILD_RULES.rule(
    "CIN-121",
    "Primary need missing",
    "Every referral except one with no further action needs a primary need code (N0 to N9).",
)
def primary_need_present(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-121: every referral but an NFA one has a primary need."""
    for episode in child.episodes:
        if not episode.is_referral_nfa and not episode.primary_need:
            yield f"{first_upper(episode_name(episode))} has no primary need recorded."


@CHILD_RULES.rule(
    "CIN-122",
    "RC8 or RC9 without an assessment",
    "Closure reasons RC8 and RC9 mean the episode closed after an assessment, so it should "
    "have one: check the reason, or explain it to the DfE.",
    QUERY,  # a query in the DfE's own validator too (rule 8825Q)
)
def closed_after_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-122 (query): an episode closed RC8 or RC9 had an assessment."""
    for e in child.episodes:
        has_one = e.assessments or e.earlier_assessments
        if e.reason_for_closure in ("RC8", "RC9") and not has_one:
            yield (
                f"{first_upper(episode_name(e))} closed with {e.reason_for_closure} but has "
                "no assessment."
            )


@CHILD_RULES.rule(
    "CIN-123",
    "Factor 21 not alone",
    "Factor 21 (no factors identified) cannot be recorded with any other factor.",
)
def no_factors_alone(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-123: factor 21 (no factors) is recorded alone."""
    for episode in child.episodes:
        for a in episode.assessments:
            if "21" in a.factors and len(a.factors) > 1:
                yield (
                    f"The assessment started on {govuk_date(a.start_date)} records 21 (no factors) "
                    f"with {', '.join(f for f in a.factors if f != '21')}."
                )
