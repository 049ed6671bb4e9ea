"""The screening rules and the repeat-missing trigger (domain.md §6), as pure functions.

Screening tools are local; the rules common to them: a disclosure means high; for a child
aged 13 or under any single high indicator is significant. Otherwise two high indicators
make high; one high, or three medium, make medium. The level is shown with the indicators
that produced it, and a named person's judgement may differ from it (with a reason).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings

from frontdoor.outside.codes import INDICATOR_DOMAINS, INDICATOR_NAMES, Level, Rating

SIGNIFICANT_AGE = 13


@dataclass(frozen=True)
class ScreeningResult:
    level: str
    is_significant: bool
    reasons: list[str] = field(default_factory=list)


def _named(codes: list[str]) -> str:
    return "; ".join(f"{INDICATOR_NAMES[c]} ({INDICATOR_DOMAINS[c].lower()})" for c in codes)


def screening_level(
    ratings: dict[str, str], *, is_disclosure: bool, age: int | None
) -> ScreeningResult:
    """The level the rules give, and the indicators (in plain words) that gave it."""
    high = [code for code, rating in ratings.items() if rating == Rating.HIGH]
    medium = [code for code, rating in ratings.items() if rating == Rating.MEDIUM]
    if is_disclosure:
        reasons = ["The child disclosed exploitation: a disclosure means high."]
        if high:
            reasons.append(f"High: {_named(high)}.")
        return ScreeningResult(Level.HIGH, True, reasons)
    if high and age is not None and age <= SIGNIFICANT_AGE:
        return ScreeningResult(
            Level.HIGH,
            True,
            [
                f"Aged {age}: for a child aged 13 or under any high indicator is significant.",
                f"High: {_named(high)}.",
            ],
        )
    if len(high) >= 2:
        return ScreeningResult(Level.HIGH, False, [f"Two or more high indicators: {_named(high)}."])
    if high:
        reasons = [f"One high indicator: {_named(high)}."]
        if medium:
            reasons.append(f"Medium: {_named(medium)}.")
        return ScreeningResult(Level.MEDIUM, False, reasons)
    if len(medium) >= 3:
        return ScreeningResult(
            Level.MEDIUM, False, [f"Three or more medium indicators: {_named(medium)}."]
        )
    if medium:
        return ScreeningResult(Level.LOW, False, [f"Fewer than three medium: {_named(medium)}."])
    return ScreeningResult(Level.LOW, False, ["No indicator rated medium or high."])


def repeat_missing_trigger() -> tuple[int, int]:
    """(episodes, days): that many episodes within that many days prompts a strategy
    discussion or a MACE referral. Default 3 in 90 days (configurable, domain.md §6)."""
    return (
        int(getattr(settings, "FRONTDOOR_REPEAT_MISSING_EPISODES", 3)),
        int(getattr(settings, "FRONTDOOR_REPEAT_MISSING_DAYS", 90)),
    )


def is_repeat_missing(start_dates: list[dt.date], today: dt.date) -> bool:
    """At least the trigger's number of episodes started within its days up to `today`."""
    episodes, days = repeat_missing_trigger()
    since = today - dt.timedelta(days=days - 1)
    return sum(1 for day in start_dates if since <= day <= today) >= episodes
