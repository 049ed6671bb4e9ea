"""Front Door's checks that the records the SSDA903 tables need are there: reviews, OC2
outcomes, care leavers' OC3 information, adoption steps, missing episodes."""

from collections.abc import Iterator

from frontdoor.casework.care_codes import (
    Accommodation,
    Activity,
    InTouch,
    ReviewParticipation,
    SDQReason,
)
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903 import oc2
from frontdoor.returns.ssda903.ad1 import adoption_of, is_adopted
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()
UNDER_FOUR = 4


@CHILD_RULES.rule(
    "FD-REV",
    "Review participation",
    "REVIEW_CODE must be PN0 to PN7; PN0 only for a child under 4 at the review.",
)
def review_code_valid(child: Child, period: Period) -> Iterator[str]:
    for r in child.reviews:
        if not period.contains(r.held_on):
            continue
        if r.participation not in ReviewParticipation.values:
            yield f"The review on {govuk_date(r.held_on)} has no valid participation code."
            continue
        age = child.age_on(r.held_on)
        if age is not None and (r.participation == "PN0") != (age < UNDER_FOUR):
            yield (
                f"The review on {govuk_date(r.held_on)} is coded {r.participation} for a child "
                f"aged {age}: PN0 is for children under 4, and only them."
            )


@CHILD_RULES.rule(
    "FD-REV2",
    "Review outside care",
    "A statutory review is held while the child is looked after.",
)
def review_in_care(child: Child, period: Period) -> Iterator[str]:
    for r in child.reviews:
        in_care = any(
            s.start <= r.held_on and (s.end is None or s.end >= r.held_on) for s in child.spells
        )
        if period.contains(r.held_on) and not in_care:
            yield f"The review on {govuk_date(r.held_on)} was not while the child was looked after."


@CHILD_RULES.rule(
    "FD-OC2",
    "Outcomes missing",
    "A child looked after for 12 months at 31 March needs the year's outcomes (OC2).",
)
def outcomes_recorded(child: Child, period: Period) -> Iterator[str]:
    if oc2.in_cohort(child, period) and child.outcomes is None:
        yield (
            "Looked after for 12 months at 31 March: record the year's outcomes "
            "(immunisations, SDQ, substance misuse, convictions)."
        )


@CHILD_RULES.rule(
    "FD-SDQ",
    "SDQ score or reason",
    "OC2 has an SDQ score from 0 to 40 or a reason (SDQ1 to SDQ5), never both.",
)
def sdq_valid(child: Child, period: Period) -> Iterator[str]:
    o = child.outcomes
    if o is None or not oc2.in_cohort(child, period):
        return
    has_score = o.sdq_score is not None
    if has_score == bool(o.sdq_reason):
        yield "Give the SDQ score or the reason there is none, and not both."
    elif o.sdq_reason and o.sdq_reason not in SDQReason.values:
        yield f"“{o.sdq_reason}” is not an SDQ reason."
    elif has_score and not 0 <= (o.sdq_score or 0) <= 40:
        yield f"The SDQ score {o.sdq_score} is not between 0 and 40."


@CHILD_RULES.rule(
    "FD-OC3",
    "Care leaver information missing",
    "A care leaver whose 17th to 21st birthday fell in the year needs their contact, "
    "activity and accommodation around it (OC3).",
)
def leaver_recorded(child: Child, period: Period) -> Iterator[str]:
    birthday = child.care_leaver_birthday
    if birthday is not None and child.leaver_contact is None:
        yield (
            "Record whether the council was in touch around their birthday on "
            f"{govuk_date(birthday)}."
        )


@CHILD_RULES.rule(
    "FD-OC3B",
    "Care leaver codes",
    "IN_TOUCH must be a DfE code; in touch needs ACTIV and ACCOM, which must be DfE codes.",
)
def leaver_codes(child: Child, period: Period) -> Iterator[str]:
    c = child.leaver_contact
    if c is None:
        return
    if c.in_touch not in InTouch.values:
        yield f"“{c.in_touch}” is not an IN_TOUCH code."
    if c.in_touch == "YES" and not (c.activity and c.accommodation):
        yield "In touch: record the young person's activity and accommodation."
    if c.activity and c.activity not in Activity.values:
        yield f"“{c.activity}” is not an activity code."
    if c.accommodation and c.accommodation not in Accommodation.values:
        yield f"“{c.accommodation}” is not an accommodation code."


@CHILD_RULES.rule(
    "FD-AD1",
    "Adoption details missing",
    "A child adopted in the year (E11, E12) needs the decision to place for adoption, the "
    "match and the adopters (AD1).",
)
def adoption_recorded(child: Child, period: Period) -> Iterator[str]:
    if not is_adopted(child):
        return
    plan = adoption_of(child)
    if plan is None:
        yield (
            "Adopted in the year: record the decision that the child should be placed for adoption."
        )
    elif plan.matched_on is None or not plan.adopters_sex:
        yield "Adopted in the year: record the match and the adopters."


@CHILD_RULES.rule(
    "FD-MIS",
    "Missing episode dates",
    "A missing episode cannot end before it started.",
)
def missing_dates(child: Child, period: Period) -> Iterator[str]:
    for m in child.missing:
        if m.end is not None and m.end < m.start:
            yield f"The missing episode from {govuk_date(m.start)} ends before it started."
