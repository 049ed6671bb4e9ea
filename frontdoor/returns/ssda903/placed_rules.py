"""DfE SSDA903 rules about the decisions that a child should be placed for adoption (the
Placed for adoption table): their dates, their reversal, and the episodes they explain."""

from collections.abc import Iterator
from itertools import pairwise

from frontdoor.casework.care_codes import PlacedCeasedReason
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.ad1 import ADOPTED, is_adopted
from frontdoor.returns.ssda903.records import Adoption, Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
PLACED_FOR_ADOPTION = {"A3", "A4", "A5", "A6"}
SHORT_BREAKS = {"V3", "V4"}


def _decisions(child: Child, period: Period) -> list[Adoption]:
    """The decisions in the table: those of a child looked after in the year, not reversed
    before it began, oldest first."""
    if not child.episodes:
        return []
    return [a for a in child.adoptions if a.ceased_on is None or a.ceased_on >= period.start]


def _decided(a: Adoption) -> str:
    return f"The decision of {govuk_date(a.decided_on)}"


@CHILD_RULES.rule(
    "1003",
    "Decision before care",
    "Date of LA's decision that a child should be placed for adoption is before the child "
    "started to be looked after.",
)
def decided_after_care_began(child: Child, period: Period) -> Iterator[str]:
    starts = [s.start for s in child.episodes if s.reason_new == "S"]
    for a in _decisions(child, period):
        if starts and a.decided_on < starts[0]:
            yield f"{_decided(a)} is before the child started to be looked after."


@CHILD_RULES.rule(
    "117",
    "Decision after care ended",
    "Date of decision that a child should/should no longer be placed for adoption is beyond the "
    "current collection year or after the child ceased to be looked after.",
)
def decided_while_in_care(child: Child, period: Period) -> Iterator[str]:
    ended = [s for s in child.episodes if s.reason_ceased != "X1"]
    last_end = ended[-1].end if ended else None
    for a in _decisions(child, period):
        dates = [d for d in (a.decided_on, a.ceased_on) if d is not None]
        if last_end is not None and any(d > last_end for d in dates):
            yield f"{_decided(a)} or its reversal is after care ended on {govuk_date(last_end)}."


@CHILD_RULES.rule(
    "118",
    "Reversed before the year or care",
    "Date of decision that a child should no longer be placed for adoption is before the "
    "current collection year or before the date the child started to be looked after.",
)
def reversed_in_year(child: Child, period: Period) -> Iterator[str]:
    starts = [s.start for s in child.episodes if s.legal_status not in SHORT_BREAKS]
    for a in _decisions(child, period):
        if a.ceased_on is not None and starts and a.ceased_on < starts[0]:
            yield f"{_decided(a)} was reversed before the child started to be looked after."


@CHILD_RULES.rule(
    "119",
    "Reversal date and reason",
    "If the decision is made that a child should no longer be placed for adoption, then the "
    "date of this decision and the reason why this decision was made must be completed.",
)
def reversal_with_reason(child: Child, period: Period) -> Iterator[str]:
    for a in _decisions(child, period):
        if (a.ceased_on is None) != (not a.ceased_reason):
            yield f"{_decided(a)}: give both the date and the reason it was reversed, or neither."


@CHILD_RULES.rule(
    "120",
    "Reversal reason",
    "The reason for the reversal of the decision that the child should be placed for adoption "
    "code is not valid.",
)
def reversal_reason_valid(child: Child, period: Period) -> Iterator[str]:
    for a in _decisions(child, period):
        if a.ceased_reason and a.ceased_reason not in PlacedCeasedReason.values:
            yield f"“{a.ceased_reason}” is not a reason for reversing the decision (RD1 to RD4)."


@CHILD_RULES.rule(
    "184",
    "Decision before birth",
    "Date of decision that a child should be placed for adoption is before the child was born.",
)
def decided_after_birth(child: Child, period: Period) -> Iterator[str]:
    born = child.date_of_birth
    for a in _decisions(child, period):
        if born is not None and a.decided_on < born:
            yield f"{_decided(a)} is before the child was born."


@CHILD_RULES.rule(
    "522",
    "Reversed before it was made",
    "Date of decision that the child should be placed for adoption must be on or before the date "
    "that a child should no longer be placed for adoption.",
)
def reversed_after_made(child: Child, period: Period) -> Iterator[str]:
    for a in _decisions(child, period):
        if a.ceased_on is not None and a.ceased_on < a.decided_on:
            yield f"{_decided(a)} was reversed on {govuk_date(a.ceased_on)}, before it was made."


@CHILD_RULES.rule(
    "551",
    "Placed for adoption without a decision",
    "Child has been placed for adoption but there is no date of the decision that the child "
    "should be placed for adoption.",
)
def placed_after_a_decision(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement in PLACED_FOR_ADOPTION and not _decisions(child, period):
            yield (
                f"{named(s.start, first=True)} places the child for adoption: record the "
                "decision that they should be."
            )


@CHILD_RULES.rule(
    "552",
    "Placed before the latest decision",
    "Date of Decision to place a child for adoption should be on or prior to the date that the "
    "child was placed for adoption.",
)
def latest_decision_before_placement(child: Child, period: Period) -> Iterator[str]:
    placed = [s for s in child.episodes if s.placement in PLACED_FOR_ADOPTION]
    decisions = _decisions(child, period)
    if placed and decisions and placed[0].start < decisions[-1].decided_on:
        yield (
            f"The child was placed for adoption on {govuk_date(placed[0].start)}, before the "
            f"decision of {govuk_date(decisions[-1].decided_on)}."
        )


@CHILD_RULES.rule(
    "553",
    "Placement order without a decision",
    "Placement order has been granted but there is no date of decision that the child should be "
    "placed for adoption.",
)
def placement_order_after_a_decision(child: Child, period: Period) -> Iterator[str]:
    orders = [s for s in child.episodes if s.legal_status == "E1"]
    decisions = _decisions(child, period)
    if orders and not decisions:
        yield "A placement order (E1) was granted: record the decision to place for adoption."
    open_order = any(s.end is None for s in orders)
    if open_order and any(a.ceased_on is not None for a in decisions):
        yield "The placement order (E1) is still in force, but the decision was reversed."


@CHILD_RULES.rule(
    "554",
    "Placement order before the decision",
    "Date of decision that the child should be placed for adoption should be on or prior to the "
    "date that the placement order was granted.",
)
def decided_before_placement_order(child: Child, period: Period) -> Iterator[str]:
    orders = [s.start for s in child.episodes if s.legal_status == "E1"]
    decisions = _decisions(child, period)
    if orders and decisions and decisions[0].decided_on > orders[0]:
        yield (
            f"The placement order (E1) began on {govuk_date(orders[0])}, before the decision "
            f"of {govuk_date(decisions[0].decided_on)}."
        )


@CHILD_RULES.rule(
    "557",
    "Left care, decision not reversed",
    "Child for whom the decision was made that they should be placed for adoption has left care "
    "but was not adopted and the decision that they should no longer be placed for adoption has "
    "not been completed.",
)
def reversed_when_not_adopted(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        towards_adoption = s.placement in PLACED_FOR_ADOPTION or s.legal_status == "E1"
        left = s.reason_ceased not in ("", "X1", *ADOPTED)
        open_decisions = [
            a for a in _decisions(child, period) if a.ceased_on is None or not a.ceased_reason
        ]
        if towards_adoption and left and (open_decisions or not _decisions(child, period)):
            yield (
                f"{named(s.start, first=True)} ended {s.reason_ceased}, not in adoption: record "
                "when and why the decision to place for adoption was reversed."
            )


@CHILD_RULES.rule(
    "558",
    "Adopted, decision reversed",
    "If a child has been adopted, then the decision to place them for adoption has not been "
    "disrupted and the date it was reversed should be left blank.",
)
def adopted_with_decision_standing(child: Child, period: Period) -> Iterator[str]:
    decisions = _decisions(child, period)
    if is_adopted(child) and decisions and all(a.ceased_on is not None for a in decisions):
        yield "The child was adopted: the decision to place them for adoption was not reversed."


@CHILD_RULES.rule(
    "579",
    "Decisions overlap",
    "A new decision that the child should be placed for adoption cannot start when the previous "
    "decision is still open, or before it was reversed.",
)
def decisions_follow_on(child: Child, period: Period) -> Iterator[str]:
    decisions = sorted(_decisions(child, period), key=lambda a: a.decided_on)
    for before, after in pairwise(decisions):
        if before.ceased_on is None or after.decided_on < before.ceased_on:
            yield (
                f"{_decided(after)} was made before the one of "
                f"{govuk_date(before.decided_on)} was reversed."
            )


@CHILD_RULES.rule(
    "583",
    "Earlier decision not reversed",
    "More than one date the child should be placed for adoption has been reported, but an "
    "earlier decision has not been revoked.",
)
def earlier_decisions_reversed(child: Child, period: Period) -> Iterator[str]:
    decisions = sorted(_decisions(child, period), key=lambda a: a.decided_on)
    for a in decisions[:-1]:
        if a.ceased_on is None:
            yield f"{_decided(a)} has a later one after it: record when it was reversed."
