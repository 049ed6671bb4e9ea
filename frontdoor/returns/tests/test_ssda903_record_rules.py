"""The breaking children of the SSDA903 rules about reviews, OC2, OC3, adoption, missing
episodes and previous permanence (test_ssda903_rules checks each one fires), and tests of
those rules' edges."""

from collections.abc import Callable
from dataclasses import replace

from frontdoor.returns.ssda903.records import (
    Adoption,
    Child,
    LeaverContact,
    Missing,
    Outcomes,
    Permanence,
    Review,
)
from frontdoor.returns.tests.ssda903_children import (
    PERIOD,
    PLAN,
    D,
    adopted,
    clean,
    fired,
    leaver,
    spell,
    with_spell,
)

START = D(2024, 4, 15)  # when the adopted child came into care


def _outcomes(**changes: object) -> Outcomes:
    return replace(Outcomes(True, False, False, None, None, 12, ""), **changes)  # type: ignore[arg-type]


def _with_outcomes(born: D | None = None, **changes: object) -> Child:
    child = replace(clean(), outcomes=_outcomes(**changes))
    return replace(child, date_of_birth=born) if born else child


def _contact(in_touch: str = "YES", activity: str = "F2", accommodation: str = "D1") -> Child:
    birthday = D(2024, 6, 10)
    return replace(
        leaver(), leaver_contact=LeaverContact(birthday, in_touch, activity, accommodation)
    )


def _leaver_ended(reason: str) -> Child:
    history = spell(D(2021, 3, 1), D(2023, 11, 30), in_return=False, reason_ceased=reason)
    return replace(leaver(), spells=[history])


def _plan(**changes: object) -> Child:
    return replace(adopted(), adoptions=[replace(PLAN, **changes)])  # type: ignore[arg-type]


def _decisions(*earlier: Adoption) -> Child:
    return replace(adopted(), adoptions=[*earlier, PLAN])


def _reversed(decided: D, ceased: D | None, reason: str = "RD1") -> Adoption:
    return Adoption(decided, None, None, None, "", "", ceased, reason)


def _missing(*episodes: Missing, child: Child | None = None) -> Child:
    return replace(child or clean(), missing=list(episodes))


def _ended_on(day: D) -> Child:
    return with_spell(clean(), 1, end=day, reason_ceased="E4A")


def _permanence(kind: str, la_code: str = "", order: D | None = None) -> Child:
    return replace(adopted(), permanence=[Permanence(START, kind, la_code, order)])


REVIEW_BREAKS: dict[str, Callable[[], Child]] = {
    "167": lambda: replace(clean(), reviews=[Review(D(2024, 6, 3), "PN9")]),
    "440": lambda: replace(clean(), reviews=[Review(D(2024, 6, 3), "PN0")]),
    "441": lambda: replace(clean(), date_of_birth=D(2021, 1, 1)),
    "399": lambda: with_spell(with_spell(clean(), 0, legal_status="V3"), 1, legal_status="V3"),
    "FD-REV2": lambda: with_spell(
        replace(clean(), reviews=[Review(D(2025, 3, 20), "PN1")]),
        1,
        end=D(2025, 3, 1),
        reason_ceased="E4A",
    ),
}
OC2_BREAKS: dict[str, Callable[[], Child]] = {
    "191": lambda: replace(clean(), outcomes=None),
    "180": lambda: _with_outcomes(sdq_score=41),
    "196": lambda: _with_outcomes(sdq_score=None, sdq_reason="SDQ9"),
    "197a": lambda: _with_outcomes(sdq_reason="SDQ4"),
    "157": lambda: _with_outcomes(sdq_score=None, sdq_reason="SDQ1"),
    "186": lambda: _with_outcomes(sdq_score=None),
    "197B": lambda: _with_outcomes(D(2008, 2, 1), sdq_score=None),
    "159": lambda: _with_outcomes(substance_misuse=True, intervention_received=False),
    "192": lambda: _with_outcomes(substance_misuse=True),
    "193": lambda: _with_outcomes(intervention_received=True),
}
OC3_BREAKS: dict[str, Callable[[], Child]] = {
    "FD-OC3": lambda: replace(leaver(), leaver_contact=None),
    "131": lambda: _contact(in_touch="MAYBE"),
    "132": lambda: _contact(activity="ZZ"),
    "133": lambda: _contact(accommodation="ZZ"),
    "153": lambda: _contact(in_touch="NO", accommodation=""),
    "345": lambda: _contact(activity="", accommodation=""),
    "344": lambda: _contact(in_touch="DIED"),
    "347": lambda: _contact(accommodation="T1"),
    "3001": lambda: _contact(accommodation="Z1"),
    "1000": lambda: _leaver_ended("E2"),
    "1011": lambda: _leaver_ended("E3"),
}
ADOPTION_BREAKS: dict[str, Callable[[], Child]] = {
    "601": lambda: _plan(matched_on=None),
    "333": lambda: _plan(matched_on=D(2024, 10, 1)),
    "334": lambda: _plan(decided_on=D(2024, 4, 1)),
    "331": lambda: _plan(matched_on=D(2025, 2, 10)),
    "335": lambda: _plan(by_foster_carers=True),
    "175": lambda: _plan(number_of_adopters=3),
    "176": lambda: _plan(adopters_sex="XX"),
    "177": lambda: _plan(adopters_legal_status="L9"),
    "511": lambda: _plan(adopters_sex="M1"),
    "514": lambda: _plan(adopters_legal_status="L0"),
    "517": lambda: _plan(adopters_legal_status="L3", adopters_sex="FF"),
    "519": lambda: _plan(adopters_legal_status="L2", adopters_sex="F1", number_of_adopters=1),
    "520": lambda: _plan(adopters_sex="FF"),
    "524": lambda: _plan(adopters_legal_status="L12"),
    "521": lambda: _plan(decided_on=D(2025, 2, 10), matched_on=D(2025, 2, 10)),
    "525": lambda: _decisions(_reversed(D(2024, 5, 1), D(2024, 6, 1))),
    "582": lambda: _plan(matched_on=D(2025, 3, 20)),
}
PLACED_BREAKS: dict[str, Callable[[], Child]] = {
    "1003": lambda: _plan(decided_on=D(2024, 4, 1)),
    "117": lambda: _decisions(_reversed(D(2024, 5, 1), D(2025, 3, 25))),
    "118": lambda: _decisions(_reversed(D(2024, 4, 2), D(2024, 4, 10))),
    "119": lambda: _decisions(_reversed(D(2024, 5, 1), D(2024, 6, 1), reason="")),
    "120": lambda: _decisions(_reversed(D(2024, 5, 1), D(2024, 6, 1), reason="RD9")),
    "184": lambda: _plan(decided_on=D(2021, 1, 1)),
    "522": lambda: _decisions(_reversed(D(2024, 6, 1), D(2024, 5, 1))),
    "551": lambda: replace(adopted(), adoptions=[]),
    "552": lambda: _plan(decided_on=D(2025, 2, 10), matched_on=D(2025, 2, 10)),
    "553": lambda: replace(adopted(), adoptions=[]),
    "554": lambda: _plan(decided_on=D(2024, 12, 10)),
    "557": lambda: with_spell(adopted(), 3, reason_ceased="E41"),
    "558": lambda: _plan(ceased_on=D(2025, 3, 10), ceased_reason="RD4"),
    "579": lambda: _decisions(_reversed(D(2024, 5, 1), None, reason="")),
    "583": lambda: _decisions(_reversed(D(2024, 5, 1), None, reason="")),
}
MISSING_BREAKS: dict[str, Callable[[], Child]] = {
    "567": lambda: _missing(Missing("M", D(2024, 7, 2), D(2024, 7, 1))),
    "1006": lambda: _missing(Missing("X", D(2024, 7, 1), D(2024, 7, 2))),
    "574": lambda: _missing(
        Missing("M", D(2024, 7, 1), D(2024, 7, 5)), Missing("A", D(2024, 7, 3), D(2024, 7, 4))
    ),
    "575": lambda: _missing(Missing("M", D(2024, 7, 1), None)),
    "577": lambda: _missing(Missing("M", D(2024, 10, 1), None), child=_ended_on(D(2025, 3, 1))),
    "578": lambda: _missing(
        Missing("M", D(2025, 2, 1), D(2025, 2, 2)), child=_ended_on(D(2025, 1, 1))
    ),
    "581": lambda: _missing(
        Missing("M", D(2024, 4, 10), D(2024, 4, 11)),
        child=with_spell(clean(), 0, start=D(2024, 5, 1)),
    ),
    "580": lambda: _missing(
        Missing("M", D(2025, 2, 20), D(2025, 3, 1)),
        child=replace(_ended_on(D(2025, 3, 1)), date_of_birth=D(2007, 3, 1)),
    ),
    "586": lambda: replace(clean(), date_of_birth=D(2024, 8, 1)),
}
PERMANENCE_BREAKS: dict[str, Callable[[], Child]] = {
    "630": lambda: replace(adopted(), permanence=[]),
    "631": lambda: _permanence("P9"),
    "632": lambda: _permanence("P2", "802", D(2024, 5, 1)),
    "633": lambda: _permanence("P2", "ZZZ", D(2020, 1, 1)),
    "635": lambda: _permanence("Z1", "802"),
}
RECORD_BREAKS: dict[str, Callable[[], Child]] = {
    **REVIEW_BREAKS,
    **OC2_BREAKS,
    **OC3_BREAKS,
    **ADOPTION_BREAKS,
    **PLACED_BREAKS,
    **MISSING_BREAKS,
    **PERMANENCE_BREAKS,
}


def test_the_breaking_children_of_each_table_are_told_apart():
    tables = (
        REVIEW_BREAKS,
        OC2_BREAKS,
        OC3_BREAKS,
        ADOPTION_BREAKS,
        PLACED_BREAKS,
        MISSING_BREAKS,
        PERMANENCE_BREAKS,
    )
    assert len(RECORD_BREAKS) == sum(len(t) for t in tables)


def test_a_child_under_4_needs_no_sdq_and_one_of_4_to_16_does():
    toddler = _with_outcomes(D(2021, 6, 1), sdq_score=None)
    assert fired(toddler, "186") == fired(toddler, "197B") == []
    assert fired(_with_outcomes(sdq_score=None), "186") != []


def test_a_previous_order_needs_its_council_and_date_but_none_needs_neither():
    assert fired(_permanence("P2", "802", D(2020, 1, 1)), "630") == []
    assert fired(_permanence("P2"), "630") != []
    assert fired(_permanence("Z1"), "630") == fired(_permanence("Z1"), "635") == []


def test_an_earlier_decision_reversed_before_the_next_is_made_is_allowed():
    child = _decisions(_reversed(D(2024, 5, 1), D(2024, 6, 1)))
    assert fired(child, "579") == fired(child, "583") == []


def test_oc2_leaves_convictions_blank_under_10_and_the_health_promotion_check_from_5():
    from frontdoor.returns.ssda903 import oc2
    from frontdoor.returns.ssda903.records import Return

    def row(born: D) -> dict[str, str]:
        child = replace(clean(), date_of_birth=born, health_checks=[D(2024, 10, 1)])
        return oc2.rows(Return(PERIOD, "802", [child]))[0]

    twelve, nine, four = row(D(2012, 5, 1)), row(D(2015, 6, 1)), row(D(2021, 1, 1))
    assert (twelve["CONVICTED"], twelve["HEALTH_CHECK"], twelve["HEALTH_ASSESSMENT"]) == (
        "0",
        "",
        "1",
    )
    assert (nine["CONVICTED"], nine["HEALTH_CHECK"]) == ("", "")
    assert (four["CONVICTED"], four["HEALTH_CHECK"]) == ("", "1")


def test_oc2_leaves_the_sdq_blank_outside_4_to_16_and_offered_blank_if_received():
    from frontdoor.returns.ssda903 import oc2
    from frontdoor.returns.ssda903.records import Return

    def row(born: D, **changes: object) -> dict[str, str]:
        child = replace(clean(), date_of_birth=born, outcomes=_outcomes(**changes))
        return oc2.rows(Return(PERIOD, "802", [child]))[0]

    assert row(D(2012, 5, 1))["SDQ_SCORE"] == "12"
    three = row(D(2021, 6, 1), sdq_score=None, sdq_reason="SDQ1")
    seventeen = row(D(2007, 1, 1), sdq_score=None, sdq_reason="SDQ1")
    assert (three["SDQ_SCORE"], three["SDQ_REASON"]) == ("", "")
    assert (seventeen["SDQ_SCORE"], seventeen["SDQ_REASON"]) == ("", "")
    misuse = {"substance_misuse": True, "intervention_offered": True}
    received = row(D(2008, 5, 1), intervention_received=True, **misuse)
    refused = row(D(2008, 5, 1), intervention_received=False, **misuse)
    assert (received["INTERVENTION_RECEIVED"], received["INTERVENTION_OFFERED"]) == ("1", "")
    assert (refused["INTERVENTION_RECEIVED"], refused["INTERVENTION_OFFERED"]) == ("0", "1")
