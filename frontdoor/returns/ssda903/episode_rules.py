"""DfE SSDA903 rules about episodes of care: codes, dates and how episodes follow on."""

import datetime as dt
from collections.abc import Iterator

from frontdoor.casework.care_codes import ReasonPlaceChange
from frontdoor.casework.codes import LegalStatus, PlacementType, ReasonCeased
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
REASONS_NEW = {"S", "L", "P", "T", "U", "B"}
NEEDS = {f"N{n}" for n in range(1, 9)}
EARLIEST = dt.date(1991, 10, 14)  # the Children Act 1989 came into force
FREEING_ORDERS_ENDED = dt.date(2005, 12, 31)
PLACEMENT_ORDERS_BEGAN = dt.date(2005, 12, 30)  # Adoption and Children Act 2002 in force
MOVES = {"P", "B", "T", "U"}


@CHILD_RULES.rule("143", "Reason for new episode", "RNE must be S, L, P, T, U or B.")
def reason_new_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.reason_new not in REASONS_NEW:
            yield f"The reason for {named(s.start)} (“{s.reason_new}”) is not a valid code."


@CHILD_RULES.rule("144", "Legal status", "LS must be one of the DfE's legal status codes.")
def legal_status_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status not in LegalStatus.values:
            yield f"The legal status of {named(s.start)} (“{s.legal_status}”) is not valid."


@CHILD_RULES.rule("145", "Category of need", "CIN must be N1 to N8.")
def need_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.category_of_need not in NEEDS:
            yield (
                f"Record the category of need (N1 to N8) for {named(s.start)}; "
                f"it is “{s.category_of_need}”."
            )


@CHILD_RULES.rule("146", "Placement type", "PLACE must be one of the DfE's placement codes.")
def placement_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement not in PlacementType.values:
            yield f"The placement type of {named(s.start)} (“{s.placement}”) is not valid."


@CHILD_RULES.rule("149", "Reason episode ceased", "REC must be one of the DfE's codes.")
def reason_ceased_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.end is not None and s.reason_ceased not in ReasonCeased.values:
            yield f"The reason {named(s.start)} ended (“{s.reason_ceased}”) is not valid."


@CHILD_RULES.rule("353", "Before October 1991", "No episode can start before 14 October 1991.")
def not_before_children_act(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.start < EARLIEST:
            yield f"{named(s.start, first=True)} is before 14 October 1991."


@CHILD_RULES.rule(
    "354",
    "Ceased after the year",
    "The date an episode ceased must be on or before the end of the collection year.",
)
def not_after_year(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.end is not None and s.end > period.end:
            yield (
                f"{named(s.start, first=True)} ceased on {govuk_date(s.end)}, after "
                f"{govuk_date(period.end)}."
            )


@CHILD_RULES.rule(
    "356", "Ended before it started", "The date an episode ceased cannot be before it started."
)
def ends_after_start(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.end is not None and s.end < s.start:
            yield f"{named(s.start, first=True)} ended on {govuk_date(s.end)}, before it began."


@CHILD_RULES.rule(
    "359",
    "Looked after past 18",
    "Child being looked after following 18th birthday must be accommodated under section "
    "20(5) of the Children Act 1989 in a community home (LS V2, PLACE K2).",
)
def not_past_eighteen(child: Child, period: Period) -> Iterator[str]:
    adult = child.turns(18)
    if adult is None or adult >= period.end:
        return
    for s in child.episodes:
        if s.end is None and not (s.legal_status == "V2" and s.placement == "K2"):
            yield (
                f"{named(s.start, first=True)} is still open, but the child was 18 on "
                f"{govuk_date(adult)}: end it, unless they are in a community home under "
                "section 20(5) (V2, K2)."
            )


@CHILD_RULES.rule(
    "445", "Freeing order", "D1 (freeing order) cannot start an episode after December 2005."
)
def no_new_freeing_orders(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status == "D1" and s.start > FREEING_ORDERS_ENDED:
            yield f"{named(s.start, first=True)} has legal status D1, ended in 2005."


@CHILD_RULES.rule(
    "446", "Placement order", "E1 is not a valid code for episodes starting before December 2005."
)
def no_early_placement_orders(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status == "E1" and s.start < PLACEMENT_ORDERS_BEGAN:
            yield f"{named(s.start, first=True)} has legal status E1, which began in 2005."


@CHILD_RULES.rule(
    "148",
    "Date and reason ceased",
    "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
)
def ceased_with_reason(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if (s.end is None) != (not s.reason_ceased):
            yield f"Give both the date and the reason {named(s.start)} ended, or neither."


@CHILD_RULES.rule(
    "355", "Episode under a day", "Episode appears to have lasted for less than 24 hours."
)
def lasts_a_day(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.end == s.start:
            yield f"{named(s.start, first=True)} ended the day it began."


@CHILD_RULES.rule(
    "142",
    "Previous episode not ended",
    "A new episode has started, but the previous episode has not ended.",
)
def previous_ended(child: Child, period: Period) -> Iterator[str]:
    for before, after in zip(child.episodes, child.episodes[1:], strict=False):
        if before.end is None:
            yield (f"{named(before.start, first=True)} has no end, but {named(after.start)} began.")


@CHILD_RULES.rule(
    "501", "Overlapping episodes", "A new episode cannot start before the previous one ended."
)
def no_overlap(child: Child, period: Period) -> Iterator[str]:
    for before, after in zip(child.episodes, child.episodes[1:], strict=False):
        if before.end is not None and after.start < before.end:
            yield (
                f"{named(after.start, first=True)} began before the one before it ended on "
                f"{govuk_date(before.end)}."
            )


@CHILD_RULES.rule(
    "432",
    "New period after care ended",
    "After the child ceased to be looked after, the next episode's RNE must be S.",
)
def starts_after_ceasing(child: Child, period: Period) -> Iterator[str]:
    for before, after in zip(child.episodes, child.episodes[1:], strict=False):
        if before.reason_ceased not in ("", "X1") and after.reason_new != "S":
            yield f"{named(after.start, first=True)} follows the end of care but is not S."


@CHILD_RULES.rule(
    "225",
    "Reason for placement change",
    "When an episode ends because the placement changed, its reason must be recorded.",
)
def place_change_recorded(child: Child, period: Period) -> Iterator[str]:
    for before, after in zip(child.episodes, child.episodes[1:], strict=False):
        moved = before.reason_ceased == "X1" and after.reason_new in MOVES
        if moved and not before.reason_place_change:
            yield (
                f"Record why the placement changed on {govuk_date(after.start)} "
                "(REASON_PLACE_CHANGE)."
            )


@CHILD_RULES.rule(
    "1009", "Reason for placement change code", "REASON_PLACE_CHANGE must be a DfE code."
)
def place_change_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.reason_place_change and s.reason_place_change not in ReasonPlaceChange.values:
            yield f"“{s.reason_place_change}” is not a reason for a placement change."
