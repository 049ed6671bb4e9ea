"""DfE SSDA903 rules about statutory reviews (the Reviews table), and Front Door's check
that a review was held while the child was looked after."""

from collections.abc import Iterator

from frontdoor.casework.care_codes import ReviewParticipation
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period, Review
from frontdoor.returns.ssda903.rulebook import ChildRules

CHILD_RULES = ChildRules()
SHORT_BREAKS = {"V3", "V4"}


def _in_year(child: Child, period: Period) -> list[Review]:
    return [r for r in child.reviews if period.contains(r.held_on)]


@CHILD_RULES.rule(
    "167", "Review participation", "Data entry for participation is invalid or blank."
)
def participation_valid(child: Child, period: Period) -> Iterator[str]:
    for r in _in_year(child, period):
        if r.participation not in ReviewParticipation.values:
            yield f"The review on {govuk_date(r.held_on)} has no valid participation code."


@CHILD_RULES.rule(
    "440",
    "PN0 at 4 or over",
    "Participation method indicates child was under 4 years old at the time of the review, but "
    "date of birth and review date indicates the child was 4 years old or over.",
)
def pn0_only_under_four(child: Child, period: Period) -> Iterator[str]:
    for r in _in_year(child, period):
        four = child.turns(4)
        if r.participation == "PN0" and four is not None and r.held_on >= four:
            yield f"The review on {govuk_date(r.held_on)} is PN0, but the child was 4 or over."


@CHILD_RULES.rule(
    "441",
    "Under 4 but not PN0",
    "Participation method indicates child was 4 years old or over at the time of the review, "
    "but the date of birth and review date indicates the child was under 4 years old.",
)
def under_four_is_pn0(child: Child, period: Period) -> Iterator[str]:
    for r in _in_year(child, period):
        if r.participation != "PN0" and child.is_under(4, r.held_on):
            yield (
                f"The review on {govuk_date(r.held_on)} is {r.participation or 'blank'}, but "
                "the child was under 4: use PN0."
            )


@CHILD_RULES.rule(
    "399",
    "Reviews during short breaks",
    "Review field or participation field are completed but child is looked after under legal "
    "status V3 or V4.",
)
def no_reviews_for_short_breaks(child: Child, period: Period) -> Iterator[str]:
    only_breaks = child.episodes and all(s.legal_status in SHORT_BREAKS for s in child.episodes)
    reviews = _in_year(child, period)
    if only_breaks and reviews:
        yield (
            f"The child was looked after only for short breaks (V3, V4), so their {len(reviews)} "
            "review(s) are not returned: check the legal status."
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
