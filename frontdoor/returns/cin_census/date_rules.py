"""DfE rules about when things happened: nothing before the referral, nothing after the
closure, and every date within the census year."""

from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.cin_census.records import CensusPeriod, ChildRecord
from frontdoor.returns.cin_census.rulebook import ChildRules, activity, ends, first_upper

CHILD_RULES = ChildRules()


@CHILD_RULES.rule(
    "CIN-130",
    "Before the referral",
    "Nothing in an episode can happen before its referral date.",
)
def nothing_before_referral(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-130: nothing in an episode is dated before its referral."""
    for episode in child.episodes:
        for name, day in activity(episode):
            if day < episode.referral_date:
                yield (
                    f"{first_upper(name)} on {govuk_date(day)} is before the referral on "
                    f"{govuk_date(episode.referral_date)}."
                )


@CHILD_RULES.rule(
    "CIN-131",
    "After the closure",
    "Nothing in an episode can happen after its closure date.",
)
def nothing_after_closure(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-131: nothing in an episode is dated after its closure."""
    for episode in child.episodes:
        closed = episode.closure_date
        for name, day in activity(episode):
            if closed and day > closed:
                yield (
                    f"{first_upper(name)} on {govuk_date(day)} is after the closure on "
                    f"{govuk_date(closed)}."
                )


@CHILD_RULES.rule(
    "CIN-132",
    "Date outside the census year",
    "No date can be after the ReferenceDate (31 March), and closures, authorisations, plan "
    "ends, reviews and conferences must fall within the census year.",
)
def dates_in_period(child: ChildRecord, period: CensusPeriod) -> Iterator[str]:
    """CIN-132: nothing is dated after the ReferenceDate; ends fall in the census year."""
    year = f"{govuk_date(period.start)} to {govuk_date(period.end)}"
    for episode in child.episodes:
        if episode.referral_date > period.end:
            yield (
                f"The referral on {govuk_date(episode.referral_date)} is after "
                f"{govuk_date(period.end)}."
            )
        for name, day in ends(episode):
            if not period.contains(day):
                yield (
                    f"{first_upper(name)} on {govuk_date(day)} is outside the census year ({year})."
                )
        for name, day in activity(episode):
            if name.endswith("start") and day > period.end:
                yield f"{first_upper(name)} on {govuk_date(day)} is after {govuk_date(period.end)}."
