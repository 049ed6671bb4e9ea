"""DfE rules about a child's CIN episodes (CINdetails): the referral, its source and primary
need, closure and its reason, one episode at a time, a referral with no further action, and
what a closed case must have finished."""

import datetime as dt
from collections.abc import Iterator
from itertools import permutations

from frontdoor.lib.dates import govuk_date
from frontdoor.lib.workdays import add_working_days
from frontdoor.returns.cin_census.codes import is_code
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import (
    QUERY,
    ChildRules,
    episode_name,
    first_upper,
)

CHILD_RULES = ChildRules()
AFTER_ASSESSMENT = ("RC8", "RC9")


@CHILD_RULES.rule(
    "8600",
    "Referral date after the census year",
    "A referral date is present and on or before the ReferenceDate.",
)
def referral_in_time(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.referral_date > period.end:
            yield f"{first_upper(episode_name(e))} is after {govuk_date(period.end)}."


@CHILD_RULES.rule(
    "8866", "Referral source missing or not valid", "A referral has a DfE referral source code."
)
def referral_source_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if not is_code("ReferralSourceType", e.referral_source):
            yield (
                f"{first_upper(episode_name(e))} has source “{e.referral_source}”, not a DfE code."
            )


@CHILD_RULES.rule(
    "8569Q",
    "Referral before the year marked no further action",
    "A referral made more than one working day before the census year began cannot be a "
    "referral with no further action.",
    QUERY,
)
def nfa_only_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    cut = add_working_days(period.start, -1)
    for e in child.episodes:
        if e.is_referral_nfa and e.referral_date < cut:
            yield f"{first_upper(episode_name(e))} is before the year but marked no further action."


@CHILD_RULES.rule(
    "8610",
    "Primary need missing",
    "Every referral except one with no further action has a primary need code (N0 to N9).",
)
def primary_need_present(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if not e.is_referral_nfa and not e.primary_need:
            yield f"{first_upper(episode_name(e))} has no primary need recorded."


@CHILD_RULES.rule("8650", "Primary need not valid", "A primary need code is N0 to N9.")
def primary_need_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.primary_need and not is_code("PrimaryNeedType", e.primary_need):
            yield f"{first_upper(episode_name(e))} has primary need “{e.primary_need}”."


@CHILD_RULES.rule(
    "8620",
    "Closure date outside the census year",
    "A closure date in the return falls within the census year.",
)
def closure_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.closure_date and not period.contains(e.closure_date):
            yield (
                f"{first_upper(episode_name(e))} closed on {govuk_date(e.closure_date)}, "
                "outside the census year."
            )


@CHILD_RULES.rule(
    "8630", "Closure before referral", "An episode closes on or after its referral date."
)
def closure_after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.closure_date and e.closure_date < e.referral_date:
            yield f"{first_upper(episode_name(e))} closed before it was referred."


@CHILD_RULES.rule("8640", "Reason for closure not valid", "A reason for closure is RC1 to RC9.")
def reason_valid(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.reason_for_closure and not is_code("ReasonForClosureType", e.reason_for_closure):
            yield f"{first_upper(episode_name(e))} has reason “{e.reason_for_closure}”."


@CHILD_RULES.rule(
    "8805", "Closure date without a reason", "A closed episode has a reason for closure."
)
def closure_has_reason(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.closure_date and not e.reason_for_closure:
            yield f"{first_upper(episode_name(e))} has a closure date but no reason."


@CHILD_RULES.rule(
    "8810", "Reason without a closure date", "A reason for closure comes with a closure date."
)
def reason_has_closure(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.reason_for_closure and not e.closure_date:
            yield f"{first_upper(episode_name(e))} has a reason for closure but no date."


def _open_acted(child: ChildRecord) -> list:
    return [e for e in child.episodes if e.closure_date is None and not e.is_referral_nfa]


@CHILD_RULES.rule(
    "8815",
    "More than one open episode",
    "At most one episode that is not a referral with no further action is open.",
)
def one_open_episode(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    open_ones = _open_acted(child)
    if len(open_ones) > 1:
        dates = ", ".join(govuk_date(e.referral_date) for e in open_ones)
        yield f"{len(open_ones)} episodes are open (referred on {dates}); close all but one."


@CHILD_RULES.rule(
    "8816",
    "Open episode is not the latest",
    "An open episode (not a referral with no further action) is the child's latest referral.",
)
def open_episode_latest(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    latest = max((e.referral_date for e in child.episodes), default=None)
    for e in _open_acted(child):
        if latest and e.referral_date < latest:
            yield f"{first_upper(episode_name(e))} is open but a later referral was made."


@CHILD_RULES.rule(
    "8820",
    "Episodes overlap",
    "A referral does not fall within another episode: between its referral and closure, or "
    "after its referral while it is open (not an NFA referral). One may close the day the next "
    "is referred.",
)
def episodes_do_not_overlap(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for a, b in permutations(child.episodes, 2):
        if a.referral_date < b.referral_date:
            continue
        if (b.closure_date and a.referral_date < b.closure_date) or (
            b.closure_date is None and not b.is_referral_nfa and a.referral_date < period.end
        ):
            yield f"{first_upper(episode_name(a))} falls within {episode_name(b)}."


@CHILD_RULES.rule(
    "8825Q",
    "RC8 or RC9 without an assessment",
    "Closure reasons RC8 and RC9 mean the case closed after an assessment, so the episode "
    "should have one in the return: check the reason, or explain it to the DfE.",
    QUERY,
)
def closed_after_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.reason_for_closure in AFTER_ASSESSMENT and not e.assessments:
            earlier = " (its assessment ended before the year)" if e.earlier_assessments else ""
            yield (
                f"{first_upper(episode_name(e))} closed with {e.reason_for_closure} but has no "
                f"assessment in the return{earlier}."
            )


@CHILD_RULES.rule(
    "2990",
    "Activity on a case closed after assessment",
    "An episode closed RC8 or RC9 (closed after assessment) has no section 47 enquiry, "
    "initial conference, child in need plan or child protection plan.",
)
def nothing_beyond_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.reason_for_closure not in AFTER_ASSESSMENT:
            continue
        found = [
            name
            for name, present in (
                ("a section 47 enquiry", e.section47s),
                ("an initial conference", e.icpc_date),
                ("a child in need plan", e.cin_plans),
                ("a child protection plan", e.cp_plans),
            )
            if present
        ]
        if found:
            yield (
                f"{first_upper(episode_name(e))} closed {e.reason_for_closure} but has "
                f"{' and '.join(found)}."
            )


@CHILD_RULES.rule(
    "8831",
    "Activity on a referral with no further action",
    "A referral with no further action has no assessment, section 47 enquiry or initial "
    "conference.",
)
def nfa_without_work(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        found = [
            name
            for name, present in (
                ("an assessment", e.assessments),
                ("a section 47 enquiry", e.section47s),
                ("an initial conference", e.icpc_date),
            )
            if present
        ]
        if e.is_referral_nfa and found:
            yield (
                f"{first_upper(episode_name(e))} is marked no further action but has "
                f"{' and '.join(found)}."
            )


@CHILD_RULES.rule(
    "8832",
    "CP plan on a referral with no further action",
    "A referral with no further action has no child protection plan.",
)
def nfa_without_cp_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.is_referral_nfa and e.cp_plans:
            yield f"{first_upper(episode_name(e))} is marked no further action but has a CP plan."


@CHILD_RULES.rule(
    "4000",
    "CIN plan on a referral with no further action",
    "A referral with no further action has no child in need plan.",
)
def nfa_without_cin_plan(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.is_referral_nfa and e.cin_plans:
            yield f"{first_upper(episode_name(e))} is marked no further action but has a CIN plan."


@CHILD_RULES.rule(
    "8565",
    "Activity after the closure",
    "An episode closes on or after every assessment, enquiry, conference and plan date in it.",
)
def nothing_after_closure(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if not e.closure_date:
            continue
        dated: list[tuple[str, dt.date | None]]
        dated = [("the assessment start", a.start_date) for a in e.assessments]
        dated += [("the assessment authorisation", a.authorisation_date) for a in e.assessments]
        dated += [("the section 47 enquiry start", s.start_date) for s in e.section47s]
        dated += [("the initial conference", s.icpc_date) for s in e.section47s]
        dated += [("the initial conference", e.icpc_date)]
        dated += [("the child protection plan end", cp.end_date) for cp in e.cp_plans]
        dated += [("the child in need plan start", p.start_date) for p in e.cin_plans]
        dated += [("the child in need plan end", p.end_date) for p in e.cin_plans]
        for name, day in dated:
            if day and day > e.closure_date:
                yield (
                    f"{first_upper(name)} on {govuk_date(day)} is after the closure on "
                    f"{govuk_date(e.closure_date)}."
                )


@CHILD_RULES.rule(
    "8867",
    "Closed with an assessment not completed",
    "A closed episode's assessments are all authorised.",
)
def closed_assessments_done(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if e.closure_date and a.authorisation_date is None:
                yield (
                    f"{first_upper(episode_name(e))} is closed, but the assessment started on "
                    f"{govuk_date(a.start_date)} is not authorised."
                )


@CHILD_RULES.rule(
    "8868",
    "Closed with a section 47 enquiry not completed",
    "A closed episode's section 47 enquiries each have an initial conference date or say "
    "none was required.",
)
def closed_enquiries_done(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for s in e.section47s:
            if e.closure_date and not s.icpc_date and not s.is_icpc_not_required:
                yield (
                    f"{first_upper(episode_name(e))} is closed, but the section 47 enquiry "
                    f"started on {govuk_date(s.start_date)} has no conference or decision."
                )
