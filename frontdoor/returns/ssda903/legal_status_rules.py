"""DfE SSDA903 rules about legal status: the short orders' time limits (Children Act 1989,
PACE 1984), short breaks (V3, V4) and which placements go with which status."""

from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period, Spell
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
YOUTH_JUSTICE = {"J1", "J2", "J3"}
SHORT_BREAKS = {"V3", "V4"}
LONG_TERM_FOSTER = {"U1", "U4"}
PLACED_WITH_ORDER = {"A5", "A6"}
BREAK_DAYS = 17
BREAKS_A_YEAR = 75


def _days(run: list[Spell], period: Period) -> int:
    """How long an unbroken run of episodes lasted (to 31 March if still open)."""
    return ((run[-1].end or period.end) - run[0].start).days


def _time_limit(child: Child, period: Period, status: str, days: int, order: str) -> Iterator[str]:
    for run in child.runs(lambda s: s.legal_status == status):
        if _days(run, period) > days:
            yield (
                f"The {order} ({status}) from {govuk_date(run[0].start)} lasted more than "
                f"{days} days."
            )


@CHILD_RULES.rule(
    "358", "Youth justice under 10", "Child with this legal status should not be under 10."
)
def youth_justice_from_ten(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status in YOUTH_JUSTICE and child.is_under(10, s.start):
            yield f"{named(s.start, first=True)} is {s.legal_status}, but the child was under 10."


@CHILD_RULES.rule(
    "361",
    "Police protection over 72 hours",
    "Police protection legal status lasted longer than maximum 72 hours allowed in the "
    "Children Act 1989.",
)
def police_protection_limit(child: Child, period: Period) -> Iterator[str]:
    yield from _time_limit(child, period, "L1", 3, "police protection")


@CHILD_RULES.rule(
    "362", "EPO over 21 days", "Emergency protection order (EPO) lasted longer than 21 days."
)
def emergency_protection_limit(child: Child, period: Period) -> Iterator[str]:
    yield from _time_limit(child, period, "L2", 21, "emergency protection order")


@CHILD_RULES.rule(
    "363",
    "CAO over 7 days",
    "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
)
def assessment_order_limit(child: Child, period: Period) -> Iterator[str]:
    yield from _time_limit(child, period, "L3", 7, "child assessment order")


@CHILD_RULES.rule(
    "364",
    "PACE detention too long",
    "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a "
    "child can be detained in custody in Local Authority (LA) accommodation.",
)
def pace_limit(child: Child, period: Period) -> Iterator[str]:
    yield from _time_limit(child, period, "J2", 21, "PACE accommodation")


@CHILD_RULES.rule(
    "365",
    "Short break over 17 days",
    "Any individual short-term respite placement must not exceed 17 days.",
)
def short_break_limit(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status == "V3" and ((s.end or period.end) - s.start).days > BREAK_DAYS:
            yield f"The short break from {govuk_date(s.start)} lasted more than 17 days."


@CHILD_RULES.rule(
    "366",
    "Moved during a short break",
    "A child cannot change placement during the course of an individual short-term respite break.",
)
def short_break_in_one_place(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status == "V3" and s.reason_new != "S":
            yield f"{named(s.start, first=True)} is a short break (V3): its reason must be S."


@CHILD_RULES.rule(
    "367",
    "Over 75 days of short breaks",
    "The maximum amount of respite care allowable is 75 days in any 12-month period.",
)
def short_breaks_a_year(child: Child, period: Period) -> Iterator[str]:
    total = sum(
        max(0, (min(s.end or period.end, period.end) - max(s.start, period.start)).days)
        for s in child.episodes
        if s.legal_status == "V3"
    )
    if total > BREAKS_A_YEAR:
        yield f"The child had {total} days of short breaks (V3) in the year: at most 75."


@CHILD_RULES.rule(
    "378",
    "Section 20 placed with parents",
    "A child who is placed with parent(s) cannot be looked after under a single period of "
    "accommodation under Section 20 of the Children Act 1989.",
)
def section_20_not_with_parents(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement == "P1" and s.legal_status == "V2":
            yield f"{named(s.start, first=True)} is with parents (P1) under section 20 (V2)."


@CHILD_RULES.rule(
    "384",
    "Short breaks in long-term foster care",
    "A child receiving respite care cannot be in a long-term foster placement.",
)
def short_breaks_not_long_term(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.legal_status in SHORT_BREAKS and s.placement in LONG_TERM_FOSTER:
            yield (
                f"{named(s.start, first=True)} is a short break ({s.legal_status}) in a "
                f"long-term foster placement ({s.placement})."
            )


@CHILD_RULES.rule(
    "408",
    "Placed for adoption without a placement order",
    "Child is placed for adoption with a placement order, but no placement order has been "
    "recorded.",
)
def placement_order_recorded(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement in PLACED_WITH_ORDER and s.legal_status != "E1":
            yield (
                f"{named(s.start, first=True)} is placed for adoption with a placement order "
                f"({s.placement}), but its legal status is {s.legal_status}, not E1."
            )


@CHILD_RULES.rule(
    "426",
    "V3 and V4 in one year",
    "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the "
    "same year.",
)
def one_kind_of_short_breaks(child: Child, period: Period) -> Iterator[str]:
    if {s.legal_status for s in child.episodes} >= SHORT_BREAKS:
        yield "The child's short breaks are recorded both as V3 and as V4: use one."
