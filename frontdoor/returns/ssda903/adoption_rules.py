"""DfE SSDA903 rules about AD1, the adoption of a child adopted in the year: the order of
decision, match and placement, and the adopters' codes."""

from collections.abc import Iterator

from frontdoor.casework.care_codes import AdoptersLegalStatus, AdoptersSex
from frontdoor.lib.dates import govuk_date
from frontdoor.returns.ssda903.ad1 import ADOPTED, adoption_of, is_adopted
from frontdoor.returns.ssda903.records import Adoption, Child, Period, Spell
from frontdoor.returns.ssda903.rulebook import QUERY, ChildRules, named

CHILD_RULES = ChildRules()
PLACED_FOR_ADOPTION = {"A3", "A4", "A5", "A6"}
WITH_FOSTER_CARERS = {"A3", "A5"}
NOT_WITH_FOSTER_CARERS = {"A4", "A6"}
SINGLE = {"M1", "F1"}
SAME_SEX = {"MM", "FF"}
COUPLE = SAME_SEX | {"MF"}
# What each legal status of the adopters says of their sexes (rules 514, 517, 519, 520, 524).
SEXES_FOR_STATUS = {"L0": SINGLE, "L11": {"MF"}, "L12": SAME_SEX, "L2": COUPLE, "L3": {"MF"}}
STATUS_RULES = {"L0": "514", "L11": "520", "L12": "524", "L2": "519", "L3": "517"}


def _adopted_in(child: Child) -> Spell | None:
    return next((s for s in child.episodes if s.reason_ceased in ADOPTED), None)


def _matched(child: Child) -> Adoption | None:
    plan = adoption_of(child)
    return plan if plan is not None and plan.matched_on is not None else None


@CHILD_RULES.rule(
    "601",
    "Adoption details missing",
    "The additional fields relating to adoption have not been completed although the episode "
    "data shows that the child was adopted during the year.",
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
    "333",
    "Matched before the decision",
    "Date should be placed for adoption must be on or prior to the date of matching child with "
    "adopter(s).",
)
def decided_before_matched(child: Child, period: Period) -> Iterator[str]:
    plan = _matched(child)
    if plan is not None and plan.matched_on is not None and plan.matched_on < plan.decided_on:
        yield (
            f"The child was matched on {govuk_date(plan.matched_on)}, before the decision to "
            f"place them for adoption on {govuk_date(plan.decided_on)}."
        )


@CHILD_RULES.rule(
    "334",
    "Decision before care",
    "Date child started to be looked after in latest period of care must be on or prior to the "
    "date should be placed for adoption.",
)
def decided_in_care(child: Child, period: Period) -> Iterator[str]:
    plan = adoption_of(child)
    starts = [s.start for s in child.episodes if s.reason_new == "S"]
    if plan is not None and starts and plan.decided_on < starts[-1]:
        yield (
            f"The decision to place for adoption on {govuk_date(plan.decided_on)} is before the "
            f"latest period of care began on {govuk_date(starts[-1])}."
        )


@CHILD_RULES.rule(
    "331",
    "Matched after placement",
    "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
    "placement of adoption.",
)
def matched_before_placed(child: Child, period: Period) -> Iterator[str]:
    plan, adopted = _matched(child), _adopted_in(child)
    if plan and adopted and plan.matched_on and plan.matched_on > adopted.start:
        yield (
            f"The child was matched on {govuk_date(plan.matched_on)}, after the adoptive "
            f"placement began on {govuk_date(adopted.start)}."
        )


@CHILD_RULES.rule(
    "335",
    "Foster carers and the placement",
    "Adopted by current foster carers (FOSTER_CARE) must agree with the last placement: A3 or "
    "A5 with them, A4 or A6 not.",
)
def foster_carers_agree(child: Child, period: Period) -> Iterator[str]:
    plan, adopted = _matched(child), _adopted_in(child)
    if plan is None or adopted is None or plan.by_foster_carers is None:
        return
    place = adopted.placement
    if (place in WITH_FOSTER_CARERS and not plan.by_foster_carers) or (
        place in NOT_WITH_FOSTER_CARERS and plan.by_foster_carers
    ):
        said = "were" if plan.by_foster_carers else "were not"
        yield f"The adopters {said} the child's foster carers, but the placement was {place}."


@CHILD_RULES.rule("175", "Number of adopters", "The number of adopter(s) code is not a valid code.")
def number_valid(child: Child, period: Period) -> Iterator[str]:
    plan = _matched(child)
    if plan is not None and plan.number_of_adopters not in (1, 2):
        yield f"The number of adopters must be 1 or 2, not {plan.number_of_adopters}."


@CHILD_RULES.rule(
    "176",
    "Adopters' sex",
    "The gender of adopter(s) at the date of adoption code is not a valid code.",
)
def sex_valid(child: Child, period: Period) -> Iterator[str]:
    plan = _matched(child)
    if plan is not None and plan.adopters_sex not in AdoptersSex.values:
        yield f"“{plan.adopters_sex}” is not a code for the adopters' sex."


@CHILD_RULES.rule(
    "177", "Adopters' legal status", "The legal status of adopter(s) code is not a valid code."
)
def legal_status_valid(child: Child, period: Period) -> Iterator[str]:
    plan = _matched(child)
    if plan is not None and plan.adopters_legal_status not in AdoptersLegalStatus.values:
        yield f"“{plan.adopters_legal_status}” is not a code for the adopters' legal status."


@CHILD_RULES.rule(
    "511",
    "Two adopters, one sex code",
    "If reporting two adopters then the code should only be MM, FF or MF.",
)
def two_adopters_are_a_couple(child: Child, period: Period) -> Iterator[str]:
    plan = _matched(child)
    if plan is not None and plan.number_of_adopters == 2 and plan.adopters_sex in SINGLE:
        yield f"Two adopters, but their sex is coded {plan.adopters_sex}, a single adopter."


def _status_agrees(child: Child, status: str) -> Iterator[str]:
    plan = _matched(child)
    if plan is None or plan.adopters_legal_status != status:
        return
    if (
        plan.adopters_sex in AdoptersSex.values
        and plan.adopters_sex not in SEXES_FOR_STATUS[status]
    ):
        yield (
            f"The adopters' legal status {status} does not agree with their sex, "
            f"{plan.adopters_sex}: it must be {' or '.join(sorted(SEXES_FOR_STATUS[status]))}."
        )


@CHILD_RULES.rule(
    "514",
    "Single adopter coded as a couple",
    "Data entry on the legal status of adopters shows a single adopter but data entry for the "
    "numbers of adopters shows it as a couple.",
)
def single_adopter(child: Child, period: Period) -> Iterator[str]:
    yield from _status_agrees(child, "L0")


@CHILD_RULES.rule(
    "517",
    "L3 not MF",
    "If reporting legal status of adopters is L3 then the genders of adopters should be coded "
    "as MF.",
)
def partner_of_parent(child: Child, period: Period) -> Iterator[str]:
    yield from _status_agrees(child, "L3")


@CHILD_RULES.rule(
    "519",
    "Couple not coded as a couple",
    "Data entered on the legal status of adopters shows a couple, but data entered on genders "
    "of adopters does not show it as a couple.",
)
def unmarried_couple(child: Child, period: Period) -> Iterator[str]:
    yield from _status_agrees(child, "L2")


@CHILD_RULES.rule(
    "520",
    "L11 not MF",
    "Data entry on the legal status of adopters shows different gender married couple but data "
    "entry on genders of adopters shows it as a same gender couple.",
)
def married_couple(child: Child, period: Period) -> Iterator[str]:
    yield from _status_agrees(child, "L11")


@CHILD_RULES.rule(
    "524",
    "L12 not MM or FF",
    "If reporting legal status of adopters is L12 then the genders of adopters should be coded "
    "as MM or FF.",
)
def civil_partners(child: Child, period: Period) -> Iterator[str]:
    yield from _status_agrees(child, "L12")


@CHILD_RULES.rule(
    "521",
    "Placed before the decision",
    "Date of local authority's decision that adoption is in the best interests of the child "
    "must be on or prior to the date the child is placed for adoption.",
)
def decided_before_placed(child: Child, period: Period) -> Iterator[str]:
    plan = adoption_of(child)
    for s in child.episodes:
        if plan is not None and s.placement in PLACED_FOR_ADOPTION and plan.decided_on > s.start:
            yield (
                f"{named(s.start, first=True)} places the child for adoption before the "
                f"decision on {govuk_date(plan.decided_on)}."
            )


@CHILD_RULES.rule(
    "525",
    "Adopted after the decision was reversed",
    "A child for whom the decision to be placed for adoption has been reversed cannot be "
    "adopted during the year.",
)
def not_adopted_after_reversal(child: Child, period: Period) -> Iterator[str]:
    reversed_in_year = [
        a for a in child.adoptions if a.ceased_on is not None and a.ceased_on >= period.start
    ]
    if is_adopted(child) and reversed_in_year:
        yield (
            "The child was adopted, but the decision to place them for adoption was reversed "
            f"on {govuk_date(reversed_in_year[-1].ceased_on)}."
        )


@CHILD_RULES.rule(
    "582",
    "Adopted the day of the match",
    "Child ceased to be looked after due to adoption on the date reported for being matched "
    "with adopters; usually the match is before the adoption.",
    severity=QUERY,
)
def matched_before_adopted(child: Child, period: Period) -> Iterator[str]:
    plan, adopted = _matched(child), _adopted_in(child)
    if plan and adopted and adopted.end is not None and plan.matched_on == adopted.end:
        yield f"The child was matched and adopted on the same day, {govuk_date(adopted.end)}."
