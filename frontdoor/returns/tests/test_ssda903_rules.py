"""One test per SSDA903 validation rule: a child that breaks it, and the rule fires (and a
clean child passes every rule, so each firing is the rule's own doing)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from frontdoor.returns.ssda903.records import (
    Adoption,
    Child,
    LeaverContact,
    Missing,
    Outcomes,
    Period,
    Review,
    Spell,
)
from frontdoor.returns.ssda903.rules import CHILD_RULES, RULES

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
    """Looked after since June 2022 (so in OC2), two placements in the year."""
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
    )


def fired(child: Child, rule_id: str) -> list[str]:
    check = next(check for rule, check in CHILD_RULES if rule.id == rule_id)
    return list(check(child, PERIOD))


def with_spell(child: Child, index: int, **changes: object) -> Child:
    spells = list(child.spells)
    spells[index] = replace(spells[index], **changes)  # type: ignore[arg-type]
    return replace(child, spells=spells)


def leaver() -> Child:
    """Left care at 16 in 2023; 17 in June 2024."""
    born = D(2007, 6, 10)
    return replace(
        clean(),
        date_of_birth=born,
        spells=[spell(D(2021, 3, 1), D(2023, 11, 30), in_return=False)],
        reviews=[],
        outcomes=None,
        care_leaver_birthday=D(2024, 6, 10),
        leaver_contact=LeaverContact(D(2024, 6, 10), "YES", "F2", "D1"),
    )


BREAKS: dict[str, Callable[[], Child]] = {
    "101": lambda: replace(clean(), sex="U"),
    "102": lambda: replace(clean(), date_of_birth=None),
    "103": lambda: replace(clean(), ethnicity="XXXX"),
    "FD-DOB": lambda: replace(clean(), date_of_birth=D(2023, 1, 1)),
    "FD-UASC": lambda: replace(clean(), uasc_ceased=D(2010, 1, 1)),
    "143": lambda: with_spell(clean(), 1, reason_new="Q"),
    "144": lambda: with_spell(clean(), 1, legal_status="Z9"),
    "145": lambda: with_spell(clean(), 1, category_of_need=""),
    "146": lambda: with_spell(clean(), 1, placement="Q9"),
    "149": lambda: with_spell(clean(), 0, reason_ceased="E99"),
    "FD-PR": lambda: with_spell(clean(), 1, provider=""),
    "353": lambda: with_spell(clean(), 0, start=D(1990, 1, 1)),
    "354": lambda: with_spell(clean(), 1, end=D(2025, 4, 2), reason_ceased="E4A"),
    "356": lambda: with_spell(clean(), 1, end=D(2024, 8, 1), reason_ceased="E4A"),
    "445": lambda: with_spell(clean(), 1, legal_status="D1"),
    "359": lambda: replace(clean(), date_of_birth=D(2007, 3, 30)),
    "142": lambda: with_spell(clean(), 0, end=None, reason_ceased=""),
    "501": lambda: with_spell(clean(), 0, end=D(2024, 10, 1)),
    "432": lambda: with_spell(clean(), 0, reason_ceased="E4A"),
    "225": lambda: with_spell(clean(), 0, reason_place_change=""),
    "1009": lambda: with_spell(clean(), 0, reason_place_change="MOVED"),
    "FD-REV": lambda: replace(clean(), reviews=[Review(D(2024, 6, 3), "PN0")]),
    "FD-REV2": lambda: with_spell(
        replace(clean(), reviews=[Review(D(2025, 3, 20), "PN1")]),
        1,
        end=D(2025, 3, 1),
        reason_ceased="E4A",
    ),
    "FD-OC2": lambda: replace(clean(), outcomes=None),
    "FD-SDQ": lambda: replace(
        clean(), outcomes=Outcomes(True, False, False, None, None, 12, "SDQ4")
    ),
    "FD-OC3": lambda: replace(leaver(), leaver_contact=None),
    "FD-OC3B": lambda: replace(
        leaver(), leaver_contact=LeaverContact(D(2024, 6, 10), "YES", "", "")
    ),
    "FD-AD1": lambda: with_spell(
        replace(clean(), adoptions=[Adoption(D(2024, 5, 1), None, None, None, "", "", None, "")]),
        1,
        end=D(2025, 2, 1),
        reason_ceased="E11",
    ),
    "FD-MIS": lambda: replace(clean(), missing=[Missing("M", D(2024, 7, 2), D(2024, 7, 1))]),
}


def test_the_clean_children_break_no_rule():
    for child in (clean(), leaver()):
        assert [(rule.id, list(check(child, PERIOD))) for rule, check in CHILD_RULES] == [
            (rule.id, []) for rule, _ in CHILD_RULES
        ]


def test_rule_359_spares_a_community_home_under_section_20_5_and_the_18th_birthday_itself():
    eighteen = replace(clean(), date_of_birth=D(2007, 3, 30))
    assert fired(with_spell(eighteen, 1, legal_status="V2", placement="K2"), "359") == []
    assert fired(replace(clean(), date_of_birth=D(2007, 3, 31)), "359") == []
    assert fired(with_spell(eighteen, 1, end=D(2025, 3, 30), reason_ceased="E17"), "359") == []


def test_the_reasons_for_leaving_care_at_18_are_valid_codes():
    from frontdoor.casework.codes import ReasonCeased
    from frontdoor.synth.pathway import AGED_OUT

    assert set(AGED_OUT) <= set(ReasonCeased.values)
    for reason in AGED_OUT:
        child = with_spell(clean(), 1, end=D(2025, 3, 30), reason_ceased=reason)
        assert fired(child, "149") == []


def test_every_rule_has_a_test_that_makes_it_fire():
    assert sorted(BREAKS) == sorted(rule.id for rule in RULES)


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_the_rule_fires(rule_id):
    messages = fired(BREAKS[rule_id](), rule_id)
    assert messages, f"{rule_id} did not fire"
    assert all(m.endswith(".") and m.lstrip("“")[:1].isupper() for m in messages)


def test_the_header_gives_the_recorded_reason_for_no_upn_or_derives_one():
    from frontdoor.returns.ssda903.header import upn
    from frontdoor.returns.ssda903.records import Return

    ret = Return(PERIOD, "802", [])
    assert upn(replace(clean(), upn="K201123417001"), ret) == "K201123417001"
    assert upn(replace(clean(), upn_unknown="UN4"), ret) == "UN4"  # recorded: arrived recently
    assert upn(clean(), ret) == "UN5"  # aged 12, nothing recorded
    assert upn(replace(clean(), date_of_birth=D(2021, 1, 5)), ret) == "UN1"  # not at school
    assert upn(replace(clean(), upn_unknown="UN7"), ret) == "UN5"  # a CIN-only code
