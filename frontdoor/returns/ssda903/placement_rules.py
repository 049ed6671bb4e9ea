"""DfE SSDA903 rules about placements and ages: who may be placed where, and at what age
a child may start care or leave it for each reason."""

from collections.abc import Iterator

from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.records import Child, Period, Spell
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
ADOPTED = {"E11", "E12"}
PLACED_FOR_ADOPTION = {"A3", "A4", "A5", "A6"}
FOSTER = {"U1", "U2", "U3", "U4", "U5", "U6"}
SPECIAL_GUARDIANSHIP = {"E45", "E46", "E47", "E48"}
TO_FORMER_FOSTER_CARERS = {"E45", "E46"}
INDEPENDENT_LIVING = {"E5", "E6"}


def _placed_under(child: Child, place: str, age: int, where: str) -> Iterator[str]:
    for s in child.episodes:
        if s.placement == place and child.is_under(age, s.start):
            yield (
                f"{named(s.start, first=True)} is in {where} ({place}), but the child was "
                f"under {age}."
            )


def _ceased_under(child: Child, reasons: set[str], age: int) -> Iterator[Spell]:
    for s in child.episodes:
        if s.reason_ceased in reasons and child.is_under(age, s.end):
            yield s


@CHILD_RULES.rule(
    "371",
    "Supported accommodation under 16",
    "Child in supported accommodation not subject to children's homes regulations should be "
    "at least 16.",
)
def supported_from_sixteen(child: Child, period: Period) -> Iterator[str]:
    yield from _placed_under(child, "H5", 16, "supported accommodation")


@CHILD_RULES.rule(
    "372", "Custody under 10", "Child in youth custody or prison should be at least 10."
)
def custody_from_ten(child: Child, period: Period) -> Iterator[str]:
    yield from _placed_under(child, "R5", 10, "youth custody")


@CHILD_RULES.rule(
    "373", "School under 4", "Child placed in a school should be at least 4 years old."
)
def school_from_four(child: Child, period: Period) -> Iterator[str]:
    yield from _placed_under(child, "S1", 4, "a residential school")


@CHILD_RULES.rule(
    "352", "Started care at 18", "Child who started to be looked after was aged 18 or over."
)
def started_under_eighteen(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        eighteen = child.turns(18)
        if s.reason_new == "S" and eighteen is not None and s.start >= eighteen:
            yield f"{named(s.start, first=True)} starts care after the child's 18th birthday."


@CHILD_RULES.rule(
    "386", "Adopted at 18", "Reason episode ceased is adopted but child has reached age 18."
)
def adopted_under_eighteen(child: Child, period: Period) -> Iterator[str]:
    eighteen = child.turns(18)
    for s in child.episodes:
        if s.reason_ceased in ADOPTED and eighteen is not None and s.end and s.end >= eighteen:
            yield f"{named(s.start, first=True)} ended in adoption after the child turned 18."


@CHILD_RULES.rule(
    "387",
    "Independent living under 14",
    "Reason episode ceased is child moved into independent living arrangement, but the child is "
    "aged under 14.",
)
def independent_from_fourteen(child: Child, period: Period) -> Iterator[str]:
    for s in _ceased_under(child, INDEPENDENT_LIVING, 14):
        yield f"{named(s.start, first=True)} ended {s.reason_ceased} before the child was 14."


@CHILD_RULES.rule(
    "389",
    "Adult care under 16",
    "Reason episode ceased is that child transferred to care of adult social care services, but "
    "child is aged under 16.",
)
def adult_care_from_sixteen(child: Child, period: Period) -> Iterator[str]:
    for s in _ceased_under(child, {"E7"}, 16):
        yield f"{named(s.start, first=True)} ended E7 before the child was 16."


@CHILD_RULES.rule(
    "460",
    "Staying put under 18",
    "Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
    "child is aged under 18.",
)
def staying_put_from_eighteen(child: Child, period: Period) -> Iterator[str]:
    for s in _ceased_under(child, {"E17"}, 18):
        yield f"{named(s.start, first=True)} ended E17 (staying put) before the child was 18."


@CHILD_RULES.rule(
    "407",
    "Special guardianship at 18",
    "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
)
def special_guardianship_under_eighteen(child: Child, period: Period) -> Iterator[str]:
    eighteen = child.turns(18)
    for s in child.episodes:
        ended = s.end
        if s.reason_ceased in SPECIAL_GUARDIANSHIP and eighteen and ended and ended > eighteen:
            yield (
                f"{named(s.start, first=True)} ended in a special guardianship order on "
                f"{govuk_date(ended)}, after the child turned 18."
            )


@CHILD_RULES.rule(
    "390",
    "Adopted but not placed for adoption",
    "Reason episode ceased is adopted but child has not been previously placed for adoption.",
)
def adopted_from_adoptive_placement(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.reason_ceased in ADOPTED and s.placement not in PLACED_FOR_ADOPTION:
            yield (
                f"{named(s.start, first=True)} ended in adoption, but the placement was "
                f"{s.placement}, not placed for adoption (A3 to A6)."
            )


@CHILD_RULES.rule(
    "516",
    "Special guardianship to foster carers",
    "If the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
)
def foster_carers_were_foster_carers(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.reason_ceased in TO_FORMER_FOSTER_CARERS and s.placement not in FOSTER:
            yield (
                f"{named(s.start, first=True)} ended {s.reason_ceased} (to former foster "
                f"carers), but the placement was {s.placement}, not foster care."
            )


@CHILD_RULES.rule(
    "217",
    "Placed with current foster carers",
    "Children who are placed for adoption with current foster carers (placement types A3 or A5) "
    "must have a reason for new episode of S, T or U.",
)
def with_current_carers_is_t_or_u(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement in ("A3", "A5") and s.reason_new not in ("S", "T", "U"):
            yield (
                f"{named(s.start, first=True)} is placed for adoption with current foster "
                f"carers ({s.placement}): its reason must be S, T or U, not {s.reason_new}."
            )


@CHILD_RULES.rule(
    "336",
    "No foster placement before adoption",
    "Child does not have a foster placement immediately prior to being placed for adoption.",
)
def fostered_before_adoption(child: Child, period: Period) -> Iterator[str]:
    for before, after in child.follow_on():
        came_from = PLACED_FOR_ADOPTION | FOSTER
        if after.placement in ("A3", "A4") and before.placement not in came_from:
            yield (
                f"{named(after.start, first=True)} is placed for adoption ({after.placement}) "
                f"from {before.placement}, not from a foster placement."
            )
