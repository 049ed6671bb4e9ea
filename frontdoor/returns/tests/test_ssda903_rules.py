"""One test per SSDA903 validation rule about the child and their episodes: a child that
breaks it, and the rule fires (and the clean children pass every rule, so each firing is
the rule's own doing). The rules about the other tables are in test_ssda903_record_rules."""

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from frontdoor.returns.ssda903.records import Child
from frontdoor.returns.ssda903.rules import CHILD_RULES, RULES
from frontdoor.returns.tests.ssda903_children import (
    PERIOD,
    D,
    adopted,
    clean,
    fired,
    leaver,
    spell,
    with_spell,
)
from frontdoor.returns.tests.test_ssda903_record_rules import RECORD_BREAKS


def _ended(reason: str, **changes: object) -> Child:
    """The clean child, whose current episode ended on 1 March 2025 for `reason`."""
    return with_spell(clean(), 1, end=D(2025, 3, 1), reason_ceased=reason, **changes)


def _born(day: D, child: Child | None = None) -> Child:
    return replace(child or clean(), date_of_birth=day)


def _current(**changes: object) -> Child:
    """The clean child with their current episode changed."""
    return with_spell(clean(), 1, **changes)


LOWER_CASE_MONTH = re.compile(r"\d (january|february|march|april|june|july|august)")
HEADER_BREAKS: dict[str, Callable[[], Child]] = {
    "101": lambda: replace(clean(), sex="X"),
    "232": lambda: replace(clean(), sex="U"),
    "231": lambda: _born(D(2016, 1, 1), replace(clean(), uasc_ceased=D(2034, 1, 1))),
    "102": lambda: replace(clean(), date_of_birth=None),
    "103": lambda: replace(clean(), ethnicity="XXXX"),
    "301": lambda: _born(D(2025, 5, 1)),
    "302": lambda: _born(D(2023, 1, 1)),
    "351": lambda: _born(D(1998, 1, 1)),
    "168": lambda: replace(clean(), upn="I201123417001"),
    "209": lambda: replace(clean(), upn_unknown="UN1"),
    "210": lambda: replace(clean(), upn_unknown="UN4"),
    "304": lambda: replace(clean(), uasc_ceased=D(2030, 6, 1)),
    "FD-UASC": lambda: replace(clean(), uasc_ceased=D(2010, 1, 1)),
}
EPISODE_BREAKS: dict[str, Callable[[], Child]] = {
    "143": lambda: _current(reason_new="Q"),
    "144": lambda: _current(legal_status="Z9"),
    "145": lambda: _current(category_of_need=""),
    "146": lambda: _current(placement="Q9"),
    "149": lambda: with_spell(clean(), 0, reason_ceased="E99"),
    "148": lambda: with_spell(clean(), 0, reason_ceased=""),
    "353": lambda: with_spell(clean(), 0, start=D(1990, 1, 1)),
    "354": lambda: _current(end=D(2025, 4, 2), reason_ceased="E4A"),
    "355": lambda: with_spell(clean(), 0, end=D(2022, 6, 1)),
    "356": lambda: _current(end=D(2024, 8, 1), reason_ceased="E4A"),
    "445": lambda: _current(legal_status="D1"),
    "446": lambda: with_spell(clean(), 0, start=D(2005, 1, 1), legal_status="E1"),
    "359": lambda: _born(D(2007, 3, 30)),
    "142": lambda: with_spell(clean(), 0, end=None, reason_ceased=""),
    "501": lambda: with_spell(clean(), 0, end=D(2024, 10, 1)),
    "432": lambda: with_spell(clean(), 0, reason_ceased="E4A"),
    "225": lambda: with_spell(clean(), 0, reason_place_change=""),
    "1009": lambda: with_spell(clean(), 0, reason_place_change="MOVED"),
    "357": lambda: with_spell(clean(), 0, reason_new="P"),
    "388": lambda: _ended("X1"),
    "431": lambda: _current(reason_new="S"),
    "433": lambda: _current(start=D(2024, 9, 3)),
    "434": lambda: _current(reason_new="L"),
    "435": lambda: _current(legal_status="C1"),
    "436": lambda: _current(reason_new="B"),
    "437": lambda: with_spell(clean(), 0, reason_ceased="E2"),
    "504": lambda: _current(category_of_need="N2"),
    "199": lambda: with_spell(_current(reason_new="S"), 0, reason_ceased="E11", placement="A6"),
}
PLACEMENT_BREAKS: dict[str, Callable[[], Child]] = {
    "358": lambda: _born(D(2016, 1, 1), _current(legal_status="J1")),
    "361": lambda: _current(legal_status="L1"),
    "362": lambda: _current(legal_status="L2"),
    "363": lambda: _current(legal_status="L3"),
    "364": lambda: _current(legal_status="J2"),
    "365": lambda: _current(legal_status="V3"),
    "366": lambda: _current(legal_status="V3"),
    "367": lambda: _current(legal_status="V3"),
    "378": lambda: _current(placement="P1", legal_status="V2", provider="PR0"),
    "384": lambda: _current(legal_status="V4"),
    "408": lambda: _current(placement="A6"),
    "426": lambda: with_spell(_current(legal_status="V4"), 0, legal_status="V3"),
    "371": lambda: _current(placement="H5"),
    "372": lambda: _born(D(2016, 1, 1), _current(placement="R5")),
    "373": lambda: _born(D(2021, 1, 1), _current(placement="S1")),
    "352": lambda: _born(D(2004, 1, 1)),
    "386": lambda: _born(D(2006, 1, 1), _ended("E11", placement="A6")),
    "387": lambda: _ended("E5"),
    "389": lambda: _ended("E7"),
    "460": lambda: _ended("E17"),
    "407": lambda: _born(D(2006, 1, 1), _ended("E45")),
    "390": lambda: _ended("E11"),
    "516": lambda: _ended("E45", placement="K2"),
    "217": lambda: _current(placement="A5"),
    "336": lambda: with_spell(_current(placement="A3"), 0, placement="K2"),
    "178": lambda: _current(provider="PR9"),
    "526": lambda: _current(provider=""),
    "550": lambda: _current(provider="PR0"),
    "527": lambda: _current(placement="R2"),
    "528": lambda: _current(placement="R5", provider="PR2"),
    "529": lambda: _current(provider="PR3"),
    "530": lambda: _current(placement="P1", provider="PR4"),
    "531": lambda: _current(placement="P1", provider="PR5"),
    "392b": lambda: _current(placement_postcode=""),
    "392c": lambda: _current(placement_postcode="XX"),
    "392d": lambda: _current(placement_postcode="BS23 1"),
}
BREAKS: dict[str, Callable[[], Child]] = {
    **HEADER_BREAKS,
    **EPISODE_BREAKS,
    **PLACEMENT_BREAKS,
    **RECORD_BREAKS,
}


@pytest.mark.parametrize("child", [clean, leaver, adopted])
def test_the_clean_children_break_no_rule(child):
    assert [(rule.id, list(check(child(), PERIOD))) for rule, check in CHILD_RULES] == [
        (rule.id, []) for rule, _ in CHILD_RULES
    ]


def test_every_rule_has_a_test_that_makes_it_fire():
    assert sorted(BREAKS) == sorted(rule.id for rule in RULES)
    assert len(BREAKS) == len(HEADER_BREAKS) + len(EPISODE_BREAKS) + len(PLACEMENT_BREAKS) + len(
        RECORD_BREAKS
    )


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_the_rule_fires(rule_id):
    messages = fired(BREAKS[rule_id](), rule_id)
    assert messages, f"{rule_id} did not fire"
    assert all(m.endswith(".") and m.lstrip("“")[:1].isupper() for m in messages)
    assert not any(LOWER_CASE_MONTH.search(m) for m in messages)


def test_rule_359_spares_a_community_home_under_section_20_5_and_the_18th_birthday_itself():
    eighteen = _born(D(2007, 3, 30))
    assert fired(with_spell(eighteen, 1, legal_status="V2", placement="K2"), "359") == []
    assert fired(_born(D(2007, 3, 31)), "359") == []
    assert fired(with_spell(eighteen, 1, end=D(2025, 3, 30), reason_ceased="E17"), "359") == []


def test_the_reasons_for_leaving_care_at_18_are_valid_codes():
    from frontdoor.casework.codes import ReasonCeased
    from frontdoor.synth.pathway import AGED_OUT

    assert set(AGED_OUT) <= set(ReasonCeased.values)
    for reason in AGED_OUT:
        child = _current(end=D(2025, 3, 30), reason_ceased=reason)
        assert fired(child, "149") == []


def test_the_short_orders_count_the_days_of_an_unbroken_run_of_episodes():
    three_days = with_spell(
        with_spell(clean(), 0, legal_status="L1", end=D(2024, 9, 1)),
        1,
        start=D(2024, 9, 1),
        end=D(2024, 9, 4),
        legal_status="L1",
        reason_ceased="E4A",
    )
    assert fired(three_days, "361") != []  # the first episode began in 2022
    short = replace(
        clean(),
        spells=[
            spell(D(2024, 9, 1), D(2024, 9, 2), legal_status="L1", reason_ceased="X1"),
            spell(D(2024, 9, 2), D(2024, 9, 4), legal_status="L1", reason_new="P"),
        ],
    )
    assert fired(short, "361") == []
    assert fired(with_spell(short, 1, end=D(2024, 9, 5)), "361") != []


def test_the_header_gives_the_recorded_reason_for_no_upn_or_derives_one():
    from frontdoor.returns.ssda903.header import upn

    assert upn(replace(clean(), upn="K201123417001"), PERIOD) == "K201123417001"
    assert upn(replace(clean(), upn_unknown="UN4"), PERIOD) == "UN4"  # recorded: arrived recently
    assert upn(clean(), PERIOD) == "UN5"  # aged 12, nothing recorded
    assert upn(_born(D(2021, 1, 5)), PERIOD) == "UN1"  # not at school
    # Four by 31 August 2023: of school age for 2024-25 (rule 209), though 5 at 31 March.
    assert upn(_born(D(2019, 8, 31)), PERIOD) == "UN5"
    assert upn(_born(D(2019, 9, 1)), PERIOD) == "UN1"
    assert upn(replace(clean(), upn_unknown="UN7"), PERIOD) == "UN5"  # a CIN-only code


def test_a_move_to_adoption_with_the_foster_carers_is_t_or_u():
    from frontdoor.returns.ssda903.collection import reason_new

    fostered = spell(D(2024, 5, 1), legal_status="C2")
    to_adopters = replace(fostered, is_new_period=False, placement="A5")
    assert reason_new(to_adopters, fostered, moved=True) == "T"
    with_order = replace(to_adopters, legal_status="E1")
    assert reason_new(with_order, fostered, moved=True) == "U"
    assert reason_new(replace(with_order, placement="A6"), fostered, moved=True) == "B"
    order_only = replace(fostered, is_new_period=False, legal_status="E1")
    assert reason_new(order_only, fostered, moved=False) == "L"
    # Another foster home in the same postcode sector: a move the return's postcode hides.
    assert reason_new(replace(fostered, is_new_period=False), fostered, moved=True) == "P"


def test_sex_is_m_f_or_u_from_2024_25_and_1_or_2_before():
    from frontdoor.returns.ssda903.records import Period
    from frontdoor.returns.ssda903.table import sex

    unknown, girl = replace(clean(), sex="U"), clean()
    assert (sex(girl, PERIOD), sex(unknown, PERIOD)) == ("F", "U")
    assert (sex(girl, Period(2024)), sex(unknown, Period(2024))) == ("2", "")
    check = next(check for rule, check in CHILD_RULES if rule.id == "101")
    assert list(check(unknown, PERIOD)) == []
    assert list(check(unknown, Period(2024))) != []
