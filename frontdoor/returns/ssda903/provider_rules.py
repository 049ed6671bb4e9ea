"""DfE SSDA903 rules about who provides a placement and where it is (PLACE_PROVIDER,
HOME_POST and PL_POST, which Front Door writes to the sector: "BS23 1")."""

import re
from collections.abc import Iterator

from frontdoor.casework.care_codes import PlacementProvider
from frontdoor.returns.ssda903.records import Child, Period
from frontdoor.returns.ssda903.rulebook import ChildRules, named

CHILD_RULES = ChildRules()
SHORT_BREAKS = {"V3", "V4"}
NO_PROVIDER_NEEDED = {"Z1"}
# What each provider cannot provide (rules 527 to 531); PR0 provides only P1 (rule 550).
CANNOT_PROVIDE = {
    "PR1": {"P1", "R2", "R5"},
    "PR2": {"P1", "R2", "R5"},
    "PR3": {"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"},
    "PR4": {"P1"},
    "PR5": {"P1"},
}
SECTOR = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? \d")


@CHILD_RULES.rule("178", "Placement provider code", "Placement provider code is not a valid code.")
def provider_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.provider and s.provider not in PlacementProvider.values:
            yield f"“{s.provider}” is not a placement provider code (PR0 to PR5)."


@CHILD_RULES.rule(
    "526",
    "Placement provider missing",
    "Child is missing a placement provider code for at least one episode.",
)
def provider_recorded(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if not s.provider and s.placement not in NO_PROVIDER_NEEDED:
            yield f"Record who provides the placement (PR0 to PR5) for {named(s.start)}."


@CHILD_RULES.rule(
    "550",
    "PR0 not with parents",
    "A placement provider code of PR0 can only be associated with placement P1.",
)
def parents_provide_only_p1(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.provider == "PR0" and s.placement != "P1":
            yield (
                f"{named(s.start, first=True)} is provided by parents (PR0) but is "
                f"{s.placement}: PR0 is only for placements with parents (P1)."
            )


def _cannot_provide(child: Child, provider: str) -> Iterator[str]:
    for s in child.episodes:
        if s.provider == provider and s.placement in CANNOT_PROVIDE[provider]:
            yield (
                f"{named(s.start, first=True)} is {s.placement}, which provider {provider} "
                "cannot provide."
            )


@CHILD_RULES.rule(
    "527",
    "PR1 with P1, R2 or R5",
    "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
)
def own_provision(child: Child, period: Period) -> Iterator[str]:
    yield from _cannot_provide(child, "PR1")


@CHILD_RULES.rule(
    "528",
    "PR2 with P1, R2 or R5",
    "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
)
def other_council_provision(child: Child, period: Period) -> Iterator[str]:
    yield from _cannot_provide(child, "PR2")


@CHILD_RULES.rule(
    "529",
    "PR3 with a placement it cannot provide",
    "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 "
    "and U1 to U6 as these placements cannot be provided by other public organisations.",
)
def other_public_provision(child: Child, period: Period) -> Iterator[str]:
    yield from _cannot_provide(child, "PR3")


@CHILD_RULES.rule(
    "530", "PR4 with P1", "A placement provider code of PR4 cannot be associated with placement P1."
)
def private_provision(child: Child, period: Period) -> Iterator[str]:
    yield from _cannot_provide(child, "PR4")


@CHILD_RULES.rule(
    "531", "PR5 with P1", "A placement provider code of PR5 cannot be associated with placement P1."
)
def voluntary_provision(child: Child, period: Period) -> Iterator[str]:
    yield from _cannot_provide(child, "PR5")


@CHILD_RULES.rule(
    "392b",
    "Postcodes missing",
    "Child is looked after but no postcodes are recorded (not needed for short breaks, V3 and "
    "V4, or an unaccompanied asylum-seeking child).",
)
def postcodes_recorded(child: Child, period: Period) -> Iterator[str]:
    if child.uasc_ceased is not None:
        return
    for s in child.episodes:
        blank = [
            name
            for name, postcode in (("home", s.home_postcode), ("placement", s.placement_postcode))
            if not postcode
        ]
        if s.legal_status not in SHORT_BREAKS and blank:
            yield f"Record the {' and '.join(blank)} postcode of {named(s.start)}."


@CHILD_RULES.rule("392c", "Postcode not valid", "Postcode(s) provided are invalid.")
def postcodes_valid(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        for postcode in (s.home_postcode, s.placement_postcode):
            if postcode and not SECTOR.fullmatch(postcode):
                yield f"“{postcode}” ({named(s.start)}) is not a postcode."


@CHILD_RULES.rule(
    "392d",
    "Placed at home's postcode",
    "Home and placement postcodes should not be same unless the placement type is P1.",
)
def placed_away_from_home(child: Child, period: Period) -> Iterator[str]:
    for s in child.episodes:
        if s.placement != "P1" and s.home_postcode and s.home_postcode == s.placement_postcode:
            yield (
                f"{named(s.start, first=True)} is {s.placement} but its placement postcode is "
                f"the home postcode ({s.home_postcode})."
            )
