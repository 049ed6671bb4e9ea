"""DfE rules about assessments: their dates, one at a time, the factors identified, and
assessments still open after 45 working days."""

from collections import Counter
from collections.abc import Iterator
from itertools import permutations

from frontdoor.casework.clocks import ASSESSMENT_WORKING_DAYS
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.workdays import working_days_between
from frontdoor.returns.cin_census.codes import is_code
from frontdoor.returns.cin_census.records import AssessmentRecord, CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import QUERY, ChildRules, episode_name, first_upper

CHILD_RULES = ChildRules()


def _name(a: AssessmentRecord) -> str:
    return f"the assessment started on {govuk_date(a.start_date)}"


@CHILD_RULES.rule(
    "1103", "Assessment before the referral", "An assessment starts on or after the referral."
)
def assessment_after_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.start_date < e.referral_date:
                yield f"{first_upper(_name(a))} is before {episode_name(e)}."


@CHILD_RULES.rule(
    "8608",
    "Assessment authorised before it started",
    "An assessment's authorisation date is on or after its start date.",
)
def authorised_after_start(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.authorisation_date and a.authorisation_date < a.start_date:
                yield f"{first_upper(_name(a))} was authorised before it started."


@CHILD_RULES.rule(
    "8696",
    "Assessment authorised outside the census year",
    "An assessment's authorisation date in the return falls within the census year.",
)
def authorised_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.authorisation_date and not period.contains(a.authorisation_date):
                yield (
                    f"{first_upper(_name(a))} was authorised on "
                    f"{govuk_date(a.authorisation_date)}, outside the census year."
                )


@CHILD_RULES.rule(
    "8736",
    "Open assessment started outside the census year",
    "An assessment not yet authorised started within the census year.",
)
def open_started_in_year(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.authorisation_date is None and not period.contains(a.start_date):
                yield f"{first_upper(_name(a))} is not authorised and started outside the year."


@CHILD_RULES.rule(
    "8614",
    "Factors on an assessment not completed",
    "Factors identified at assessment are recorded only once the assessment is authorised.",
)
def factors_only_when_done(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.authorisation_date is None and a.factors:
                yield f"{first_upper(_name(a))} is not authorised but has factors recorded."


@CHILD_RULES.rule(
    "8897Q",
    "Completed assessment with no factors",
    "An assessment authorised in the year records one or more valid factors (21 if none).",
    QUERY,
)
def factors_when_done(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            done = a.authorisation_date and a.authorisation_date >= period.start
            if done and not a.factors:
                yield f"{first_upper(_name(a))} was authorised with no factors recorded."
            for code in a.factors if done else []:
                if not is_code("AssessmentFactorType", code):
                    yield f"{first_upper(_name(a))} records “{code}”, not a DfE factor code."


@CHILD_RULES.rule(
    "8869",
    "Factor 21 not alone",
    "Factor 21 (no factors identified) cannot be recorded with any other factor.",
)
def no_factors_alone(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if "21" in a.factors and len(a.factors) > 1:
                others = ", ".join(f for f in a.factors if f != "21")
                yield f"{first_upper(_name(a))} records 21 (no factors) with {others}."


@CHILD_RULES.rule("8898", "Factor recorded twice", "Each factor is recorded once on an assessment.")
def factor_once(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            for code, count in Counter(a.factors).items():
                if count > 1:
                    yield f"{first_upper(_name(a))} records {code} {count} times."


@CHILD_RULES.rule(
    "8873Q",
    "No factors found but not closed after assessment",
    "When an episode's only assessment found no factors (21), the case should close RC8 or RC9 "
    "(closed after assessment).",
    QUERY,
)
def no_factors_closes_after_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        only_21 = len(e.assessments) == 1 and "21" in e.assessments[0].factors
        if only_21 and e.reason_for_closure not in ("RC8", "RC9"):
            state = f"closed {e.reason_for_closure}" if e.reason_for_closure else "is open"
            yield (
                f"{first_upper(episode_name(e))} found no factors at its only assessment "
                f"but {state}."
            )


@CHILD_RULES.rule(
    "8863Q",
    "Assessment started during another",
    "An assessment does not start while another assessment in the episode is under way.",
    QUERY,
)
def one_assessment_at_a_time(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a, b in permutations(e.assessments, 2):
            same = (a.start_date, a.authorisation_date) == (b.start_date, b.authorisation_date)
            end = b.authorisation_date or period.end
            if not same and b.start_date <= a.start_date <= end:
                yield f"{first_upper(_name(a))} starts while {_name(b)} is under way."


@CHILD_RULES.rule(
    "8896",
    "Two open assessments",
    "An episode has at most one assessment not yet authorised.",
)
def one_open_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        open_ones = [a for a in e.assessments if a.authorisation_date is None]
        if len(open_ones) > 1:
            yield f"{first_upper(episode_name(e))} has {len(open_ones)} open assessments."


@CHILD_RULES.rule(
    "8670Q",
    "Assessment open over 45 working days",
    "An assessment still open on the ReferenceDate more than 45 working days after it started: "
    "check it is recorded correctly, or explain the delay to the DfE.",
    QUERY,
)
def assessment_not_overdue(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        for a in e.assessments:
            if a.authorisation_date is None:
                days = working_days_between(a.start_date, period.end)
                if days > ASSESSMENT_WORKING_DAYS:
                    yield (
                        f"{first_upper(_name(a))} was still open on {govuk_date(period.end)}, "
                        f"after {days} working days."
                    )


@CHILD_RULES.rule(
    "2991Q",
    "Section 47 enquiry with no assessment",
    "An episode with a section 47 enquiry should have an assessment in the return.",
    QUERY,
)
def enquiry_has_assessment(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    for e in child.episodes:
        if e.section47s and not e.assessments:
            earlier = " (its assessment ended before the year)" if e.earlier_assessments else ""
            yield (
                f"{first_upper(episode_name(e))} has a section 47 enquiry but no assessment in "
                f"the return{earlier}."
            )


def _retired_factor(rule_id: str, old: str, new: str) -> None:
    def check(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
        for e in child.episodes:
            for a in e.assessments:
                if old in a.factors:
                    yield f"{first_upper(_name(a))} records {old}: use {new} instead."

    CHILD_RULES.rule(
        rule_id,
        f"Factor {old} should not be used",
        f"Factor {old} was split in 2024-25: record {new} instead.",
        QUERY,
    )(check)


_retired_factor("8945Q", "18A", "18B or 18C")
_retired_factor("8950Q", "19A", "19B or 19C")
