"""DfE SSDA903 rules about OC2, the outcomes of children looked after for 12 months at
31 March: the SDQ by age, and substance misuse with its interventions."""

import datetime as dt
from collections.abc import Iterator

from frontdoor.casework.care_codes import SDQReason
from frontdoor.returns.ssda903 import oc2
from frontdoor.returns.ssda903.records import Child, Outcomes, Period
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()
SDQ_MAX = 40


def _outcomes(child: Child, period: Period) -> Outcomes | None:
    """The year's outcomes, if the child is in OC2."""
    return child.outcomes if oc2.in_cohort(child, period) else None


def _has_sdq(o: Outcomes) -> bool:
    return o.sdq_score is not None or bool(o.sdq_reason)


def _turns_by(child: Child, age: int, day: dt.date) -> bool:
    """The child had turned `age` by `day` (on or before it)."""
    turns = child.turns(age)
    return turns is not None and turns <= day


@CHILD_RULES.rule(
    "191",
    "Outcomes missing",
    "Child has been looked after continuously for at least 12 months at 31 March but one or "
    "more data items relating to children looked after for 12 months have been left blank.",
)
def outcomes_recorded(child: Child, period: Period) -> Iterator[str]:
    if oc2.in_cohort(child, period) and child.outcomes is None:
        yield (
            "Looked after for 12 months at 31 March: record the year's outcomes "
            "(immunisations, SDQ, substance misuse, convictions)."
        )


@CHILD_RULES.rule("180", "SDQ score", "The SDQ score must be from 0 to 40.")
def sdq_score_valid(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    if o is not None and o.sdq_score is not None and not 0 <= o.sdq_score <= SDQ_MAX:
        yield f"The SDQ score {o.sdq_score} is not between 0 and 40."


@CHILD_RULES.rule(
    "196", "SDQ reason", "Strengths and Difficulties (SDQ) reason is not a valid code."
)
def sdq_reason_valid(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    if o is not None and o.sdq_reason and o.sdq_reason not in SDQReason.values:
        yield f"“{o.sdq_reason}” is not an SDQ reason."


@CHILD_RULES.rule(
    "197a",
    "SDQ score and reason",
    "Reason for no SDQ score is not required if the SDQ score is filled in.",
)
def score_or_reason(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    if o is not None and o.sdq_score is not None and o.sdq_reason:
        yield "Give the SDQ score or the reason there is none, not both."


@CHILD_RULES.rule(
    "157",
    "SDQ1 for a child aged 4 to 16",
    "Child is aged 4 or over at the beginning of the year or 16 or under at the end of the "
    "year and SDQ1 (under 4 or over 16) has been recorded as the reason for no SDQ score.",
)
def sdq1_by_age(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    sixteen = child.turns(16)
    of_age = _turns_by(child, 4, period.start) and sixteen is not None and sixteen >= period.end
    if o is not None and o.sdq_score is None and o.sdq_reason == "SDQ1" and of_age:
        yield "SDQ1 is for a child under 4 or over 16, and this child was neither."


@CHILD_RULES.rule(
    "186",
    "SDQ missing",
    "Children aged 4 or over at the start of the year and under 17 at the end of the year, "
    "looked after for at least 12 months, should have an SDQ score completed.",
)
def sdq_given(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    of_age = _turns_by(child, 4, period.start) and not _turns_by(child, 17, period.end)
    if o is not None and of_age and not _has_sdq(o):
        yield "Record the child's SDQ score, or the reason there is none."


@CHILD_RULES.rule(
    "197B",
    "SDQ missing at 4 or 17",
    "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
)
def sdq_given_at_four_or_seventeen(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    birthdays = (child.turns(4), child.turns(17))
    in_year = any(day is not None and period.contains(day) for day in birthdays)
    if o is not None and in_year and not _has_sdq(o):
        yield "The child turned 4 or 17 in the year: record the SDQ score or why there is none."


@CHILD_RULES.rule(
    "159",
    "Intervention offered missing",
    "If a child has been recorded as not receiving an intervention for their substance misuse "
    "problem, then whether an intervention was offered should be completed as well.",
)
def offered_when_not_received(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    not_received = o is not None and o.substance_misuse and o.intervention_received is False
    if o is not None and not_received and o.intervention_offered is None:
        yield "The child received no intervention: record whether one was offered."


@CHILD_RULES.rule(
    "192",
    "Intervention received missing",
    "Child has been identified as having a substance misuse problem but whether an intervention "
    "was received has been left blank.",
)
def received_recorded(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    if o is not None and o.substance_misuse and o.intervention_received is None:
        yield (
            "The child has a substance misuse problem: record whether they received an "
            "intervention."
        )


@CHILD_RULES.rule(
    "193",
    "Intervention without misuse",
    "Child not identified as having a substance misuse problem but whether an intervention was "
    "offered or received has been completed.",
)
def no_intervention_without_misuse(child: Child, period: Period) -> Iterator[str]:
    o = _outcomes(child, period)
    answered = o is not None and (o.intervention_received, o.intervention_offered) != (None, None)
    if o is not None and not o.substance_misuse and answered:
        yield (
            "No substance misuse problem: leave whether an intervention was offered or "
            "received blank."
        )
