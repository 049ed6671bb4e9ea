"""Children for the SSDA903 rule tests, as the return sees them: a clean child looked after
for years (in OC2), a care leaver (in OC3) and a child adopted in the year (in AD1), each
breaking no rule, and small helpers to change one thing about them."""

import datetime as dt
from dataclasses import replace

from frontdoor.returns.ssda903.records import (
    Adoption,
    Child,
    LeaverContact,
    Missing,
    Outcomes,
    Period,
    Permanence,
    Review,
    Spell,
)
from frontdoor.returns.ssda903.rules import CHILD_RULES

D = dt.date
PERIOD = Period(2025)


def spell(start: D, end: D | None = None, **changes: object) -> Spell:
    base = Spell(
        pk=1,
        start=start,
        is_new_period=True,
        legal_status="C2",
        category_of_need="N1",
        placement="U6",
        provider="PR1",
        placement_postcode="BS22 7",
        home_postcode="BS23 1",
        end=end,
        reason_ceased="E4A" if end else "",
        reason_new="S",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def clean() -> Child:
    """Looked after since June 2022 (so in OC2), two placements in the year, away from the
    first one for a night in July."""
    first = spell(D(2022, 6, 1), D(2024, 9, 2), reason_ceased="X1", reason_place_change="CARPL")
    second = spell(D(2024, 9, 2), reason_new="P", is_new_period=False, placement="U4")
    return Child(
        person_id=1,
        child_id="T1",
        sex="F",
        date_of_birth=D(2012, 5, 1),
        ethnicity="WBRI",
        upn="",
        spells=[first, second],
        reviews=[Review(D(2024, 6, 3), "PN1")],
        outcomes=Outcomes(True, False, False, None, None, 12, ""),
        missing=[Missing("A", D(2024, 7, 1), D(2024, 7, 2))],
    )


def leaver() -> Child:
    """Left care at 16 in 2023; 17 in June 2024."""
    born = D(2007, 6, 10)
    return replace(
        clean(),
        date_of_birth=born,
        spells=[spell(D(2021, 3, 1), D(2023, 11, 30), in_return=False)],
        reviews=[],
        outcomes=None,
        missing=[],
        care_leaver_birthday=D(2024, 6, 10),
        leaver_contact=LeaverContact(D(2024, 6, 10), "YES", "F2", "D1"),
    )


PLAN = Adoption(D(2024, 11, 4), D(2025, 1, 13), False, 2, "MF", "L11", None, "")


def adopted() -> Child:
    """Into care in April 2024 aged 2; a full care order, a placement order, placed for
    adoption in February and adopted in March."""
    changed = {"is_new_period": False, "reason_ceased": "X1"}
    return replace(
        clean(),
        child_id="T2",
        date_of_birth=D(2021, 7, 2),
        spells=[
            spell(D(2024, 4, 15), D(2024, 10, 14), legal_status="C1", reason_ceased="X1"),
            spell(D(2024, 10, 14), D(2024, 12, 2), reason_new="L", **changed),
            spell(
                D(2024, 12, 2),
                D(2025, 2, 3),
                reason_new="L",
                legal_status="E1",
                reason_place_change="CARPL",
                **changed,
            ),
            spell(
                D(2025, 2, 3),
                D(2025, 3, 20),
                reason_new="P",
                is_new_period=False,
                legal_status="E1",
                placement="A6",
                placement_postcode="BS48 1",
                reason_ceased="E11",
            ),
        ],
        reviews=[Review(D(2024, 5, 8), "PN0")],
        outcomes=None,
        missing=[],
        adoptions=[PLAN],
        permanence=[Permanence(D(2024, 4, 15), "Z1", "", None)],
    )


def fired(child: Child, rule_id: str) -> list[str]:
    check = next(check for rule, check in CHILD_RULES if rule.id == rule_id)
    return list(check(child, PERIOD))


def with_spell(child: Child, index: int, **changes: object) -> Child:
    spells = list(child.spells)
    spells[index] = replace(spells[index], **changes)  # type: ignore[arg-type]
    return replace(child, spells=spells)
