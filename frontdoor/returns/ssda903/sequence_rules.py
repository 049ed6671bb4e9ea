"""DfE SSDA903 rules about how one episode follows another: the reason for a new episode
must say what changed, and an episode that ends with X1 is followed the same day."""

from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period, Spell
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
CONTINUING = {"L", "P", "B", "T", "U"}
PLACEMENT_ONLY = {"P", "T"}
BOTH = {"B", "U"}
ADOPTED = {"E11", "E12"}
LAST_EPISODES = {"E2", "E15"}  # died; age assessment found the child an adult


def _moved(before: Spell, after: Spell) -> bool:
    """The placement changed: its type, postcode or provider (Front Door holds no URN)."""
    return (before.placement, before.placement_postcode, before.provider) != (
        after.placement,
        after.placement_postcode,
        after.provider,
    )


@CHILD_RULES.rule(
    "357",
    "First episode not S",
    "If this is the first episode ever for this child, reason for new episode must be S.",
)
def first_is_s(child: Child, period: Period) -> Iterator[str]:
    first = child.spells[0] if child.spells else None
    if first is not None and first.in_return and first.reason_new != "S":
        yield f"{named(first.start, first=True)} is the child's first: its reason must be S."


@CHILD_RULES.rule(
    "388",
    "X1 without a next episode",
    "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
)
def x1_is_followed(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        same_day = before.end == after.start
        if before.reason_ceased == "X1" and before.end is not None and not same_day:
            yield f"{named(before.start, first=True)} ended X1, but no episode began that day."
        if before.reason_ceased not in ("", "X1") and same_day:
            yield (
                f"{named(after.start, first=True)} began the day the one before ended: "
                "that one's reason for ending must be X1."
            )
    last = child.episodes[-1] if child.episodes else None
    if last is not None and last.end is not None and last.reason_ceased == "X1":
        yield f"{named(last.start, first=True)} ended X1, but no episode follows it."


@CHILD_RULES.rule(
    "431",
    "S on the day the last ended",
    "The reason for new episode is started to be looked after, but the previous episode ended "
    "on the same day.",
)
def new_period_after_a_gap(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if after.reason_new == "S" and before.end is not None and after.start <= before.end:
            yield (
                f"{named(after.start, first=True)} starts a new period of care (S) the day the "
                "episode before it ended."
            )


@CHILD_RULES.rule(
    "433",
    "Continuation on another day",
    "The reason for new episode suggests that this is a continuation episode, but the episode "
    "does not start on the same day as the last episode finished.",
)
def continues_the_same_day(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if after.reason_new in CONTINUING and before.end != after.start:
            yield (
                f"{named(after.start, first=True)} continues the one before "
                f"({after.reason_new}) but does not begin the day it ended."
            )


@CHILD_RULES.rule(
    "434",
    "L but the placement changed",
    "Reason for new episode is that child's legal status has changed but not the placement, "
    "but this is not reflected in the episode data.",
)
def legal_change_only(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if after.reason_new == "L" and (
            after.legal_status == before.legal_status or _moved(before, after)
        ):
            yield f"{named(after.start, first=True)} is L, but only the legal status may change."


@CHILD_RULES.rule(
    "435",
    "P but the legal status changed",
    "Reason for new episode is that child's placement has changed but not the legal status, "
    "but this is not reflected in the episode data recorded.",
)
def placement_change_only(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if after.reason_new in PLACEMENT_ONLY and (
            after.legal_status != before.legal_status or not _moved(before, after)
        ):
            yield (
                f"{named(after.start, first=True)} is {after.reason_new}, but only the "
                "placement may change."
            )


@CHILD_RULES.rule(
    "436",
    "B but not both changed",
    "Reason for new episode is that both child's placement and legal status have changed, but "
    "this is not reflected in the episode data.",
)
def both_changed(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if after.reason_new in BOTH and (
            after.legal_status == before.legal_status or not _moved(before, after)
        ):
            yield (
                f"{named(after.start, first=True)} is {after.reason_new}, but the legal status "
                "and the placement did not both change."
            )


@CHILD_RULES.rule(
    "437",
    "Episodes after death or adulthood",
    "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
)
def nothing_after_the_last(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        if before.reason_ceased in LAST_EPISODES:
            yield (
                f"{named(before.start, first=True)} ended {before.reason_ceased}, but "
                f"{named(after.start)} follows it."
            )


@CHILD_RULES.rule(
    "199",
    "Previously adopted from care",
    "Episode information shows child has been previously adopted from care.",
)
def not_adopted_before(child: Child, period: Period) -> Iterator[str]:
    adopted = [s.end for s in child.spells if s.reason_ceased in ADOPTED and s.end]
    for s in child.episodes:
        if any(day <= s.start for day in adopted):
            yield (
                f"{named(s.start, first=True)} follows an adoption from care: check the "
                "episodes (a child adopted and back in care has previous permanence P1)."
            )


@CHILD_RULES.rule(
    "504",
    "Category of need changed",
    "The category of need code differs from that reported at start of current period of being "
    "looked after.",
)
def need_kept_in_period(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        continues = before.reason_ceased == "X1" and before.end == after.start
        if continues and after.category_of_need != before.category_of_need:
            yield (
                f"{named(after.start, first=True)} changes the category of need from "
                f"{before.category_of_need} to {after.category_of_need} on "
                f"{govuk_date(after.start)}: it stays as it was when the period of care began."
            )
