"""Each DfE rule fires, with its message, on data that breaks it — one case per rule, and a
test that no rule is without one.

The casework actions rightly refuse most of this data, so the census records are built
directly: the rules guard the return against data loaded or migrated from elsewhere.
"""

import datetime as dt
from collections.abc import Callable

import pytest

from frontdoor.lib.identifiers import upn_check_letter
from frontdoor.returns.cin_census import identity_rules
from frontdoor.returns.cin_census.collection import make_header
from frontdoor.returns.cin_census.records import (
    AssessmentRecord,
    Census,
    CensusPeriod,
    ChildRecord,
    CINPlanRecord,
    CPPlanRecord,
    EpisodeRecord,
    Section47Record,
)
from frontdoor.returns.cin_census.rulebook import ERROR, QUERY, Failure
from frontdoor.returns.cin_census.rules import RULES, check

D = dt.date
PERIOD = CensusPeriod(2025)
CENSUS_WIDE = {rule.id for rule in identity_rules.CENSUS_RULES}


def upn(serial: int = 1) -> str:
    body = f"80220012{serial:04d}"
    return upn_check_letter(body) + body


def episode(**fields) -> EpisodeRecord:
    values = {"referral_date": D(2024, 6, 3), "referral_source": "2A", "primary_need": "N1"}
    values.update(fields)
    return EpisodeRecord(**values)


JUNE_3, JULY_1, SEPT_2 = D(2024, 6, 3), D(2024, 7, 1), D(2024, 9, 2)


def assessed(*factors: str, start=JUNE_3, done=JULY_1) -> AssessmentRecord:
    return AssessmentRecord(start, done, list(factors or ["3B"]))


def child(*episodes: EpisodeRecord, **fields) -> ChildRecord:
    values = {
        "person_id": 7,
        "la_child_id": "FD0000007",
        "sex": "F",
        "ethnicity": "WBRI",
        "upn": upn(),
        "birth_date": D(2016, 5, 10),
        "disabilities": ["NONE"],
        "episodes": list(episodes) or [episode()],
    }
    values.update(fields)
    return ChildRecord(**values)


def census(*children: ChildRecord) -> Census:
    return Census(make_header(PERIOD, dt.datetime(2025, 4, 2, 9)), PERIOD, list(children))


def failures(*children: ChildRecord) -> list[Failure]:
    """The failures of the rules about each child (the return-wide totals aside)."""
    return [f for f in check(census(*children)) if f.rule.id not in CENSUS_WIDE]


def only(rule_id: str, *children: ChildRecord) -> list[str]:
    """The messages of `rule_id`, after checking no other child rule fired."""
    found = failures(*children)
    assert {f.rule.id for f in found} == {rule_id}, [f.line() for f in found]
    return [f.message for f in found]


def cp_plan(start: dt.date, end: dt.date | None = None, reviews=()) -> CPPlanRecord:
    return CPPlanRecord(start, "NEG", "NEG", 0, end, list(reviews))


def s47(start: dt.date, icpc: dt.date | None, not_required: bool = False) -> Section47Record:
    return Section47Record(start, None, icpc, not_required)


def protected(**fields) -> EpisodeRecord:
    """Assessed, an enquiry, a conference on Monday 24 June 2024 and a plan from it."""
    values = {
        "assessments": [assessed("2B")],
        "section47s": [s47(D(2024, 6, 5), D(2024, 6, 24))],
        "cp_plans": [cp_plan(D(2024, 6, 24), reviews=[D(2024, 9, 23)])],
    }
    values.update(fields)
    return episode(**values)


def closed(reason: str = "RC7", on: dt.date = SEPT_2, **fields) -> EpisodeRecord:
    return episode(closure_date=on, reason_for_closure=reason, **fields)


def test_a_clean_child_passes_every_rule():
    assert failures(child()) == []
    assert failures(child(episode(assessments=[assessed()]))) == []


def test_a_protected_child_passes():
    assert failures(child(protected())) == []


def test_a_child_stepped_down_to_a_cin_plan_when_the_cp_plan_ends_passes():
    stepped = protected(
        cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 12, 16), reviews=[D(2024, 9, 23)])],
        cin_plans=[CINPlanRecord(D(2024, 12, 16))],
    )
    assert failures(child(stepped)) == []


# One return that breaks each rule. Each builds on the clean child above.
FIRES: dict[str, Callable[[], list[ChildRecord]]] = {
    "8500": lambda: [child(la_child_id="")],
    "1570": lambda: [child(la_child_id="A" * 21)],
    "1580": lambda: [child(la_child_id="FD-0007")],
    "1510": lambda: [child(upn="A" + upn()[1:] if upn()[0] != "A" else "B" + upn()[1:])],
    "1530": lambda: [child(upn=upn_check_letter("999200120001") + "999200120001")],
    "1540": lambda: [child(upn="A8022001200X1")],
    "1550": lambda: [child(upn=upn()[:12] + "I")],
    "1560Q": lambda: [child(former_upn="12345")],
    "8770Q": lambda: [child(upn="")],
    "8772": lambda: [child(upn="", upn_unknown="UN7")],
    "8520": lambda: [child(birth_date=D(2025, 4, 2), upn="", upn_unknown="UN1")],
    "8525Q": lambda: [child(expected_birth_date=D(2025, 6, 1))],
    "8530Q": lambda: [
        child(
            birth_date=None,
            expected_birth_date=D(2026, 6, 1),
            sex="U",
            upn="",
            disabilities=[],
            episodes=[episode(referral_date=D(2025, 3, 3))],
        )
    ],
    "8535Q": lambda: [child(death_date=D(2016, 1, 1))],
    "8545Q": lambda: [child(death_date=D(2025, 4, 3))],
    "8555Q": lambda: [child(death_date=D(2024, 6, 1))],
    "8585Q": lambda: [child(closed("RC2"))],
    "4008": lambda: [
        child(episode(cin_plans=[CINPlanRecord(D(2024, 8, 1))]), death_date=D(2024, 7, 30))
    ],
    "4009Q": lambda: [
        child(
            episode(cin_plans=[CINPlanRecord(D(2024, 7, 1), D(2024, 8, 1))]),
            death_date=D(2024, 7, 30),
        )
    ],
    "8915": lambda: [child(protected(), death_date=D(2024, 6, 20))],
    "8920": lambda: [
        child(
            protected(cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 12, 2))]),
            death_date=D(2024, 11, 1),
        )
    ],
    "4180": lambda: [child(sex="X")],
    "8750": lambda: [
        child(
            birth_date=None,
            expected_birth_date=D(2025, 6, 1),
            sex="F",
            upn="",
            episodes=[episode(referral_date=D(2025, 3, 3))],
        )
    ],
    "4220": lambda: [child(ethnicity="XXXX")],
    "8540": lambda: [child(disabilities=[])],
    "8790": lambda: [child(disabilities=["NONE", "AUT"])],
    "8794": lambda: [child(disabilities=["AUT", "AUT"])],
    "8775Q": lambda: [child(birth_date=D(1998, 1, 1))],
    "8590": lambda: [child(episodes=[])],
    "8606": lambda: [child(episode(referral_date=D(2024, 6, 3)), birth_date=D(2025, 3, 20))],
    "8600": lambda: [child(episode(referral_date=D(2025, 4, 2)))],
    "8866": lambda: [child(episode(referral_source="99"))],
    "8569Q": lambda: [child(episode(referral_date=D(2024, 3, 1), is_referral_nfa=True))],
    "8610": lambda: [child(episode(primary_need=""))],
    "8650": lambda: [child(episode(primary_need="N12"))],
    "8620": lambda: [child(closed(on=D(2024, 3, 1), referral_date=D(2023, 6, 1)))],
    "8630": lambda: [child(closed(on=D(2024, 6, 1)))],
    "8640": lambda: [child(closed("RC0"))],
    "8805": lambda: [child(episode(closure_date=D(2024, 9, 2)))],
    "8810": lambda: [child(episode(reason_for_closure="RC7"))],
    "8815": lambda: [child(episode(), episode(referral_date=D(2024, 8, 1)))],
    "8816": lambda: [child(episode(), closed(referral_date=D(2024, 8, 1), on=D(2024, 9, 1)))],
    "8820": lambda: [child(closed(on=D(2024, 9, 1)), closed(referral_date=D(2024, 8, 1)))],
    "8825Q": lambda: [child(closed("RC9", on=D(2024, 7, 1)))],
    "2990": lambda: [
        child(
            closed(
                "RC8",
                assessments=[assessed("21")],
                section47s=[s47(D(2024, 6, 5), None, not_required=True)],
            )
        )
    ],
    "8831": lambda: [child(episode(is_referral_nfa=True, assessments=[assessed()]))],
    "8832": lambda: [child(episode(is_referral_nfa=True, cp_plans=[cp_plan(D(2024, 6, 24))]))],
    "4000": lambda: [
        child(episode(is_referral_nfa=True, cin_plans=[CINPlanRecord(D(2024, 7, 1))]))
    ],
    "8565": lambda: [
        child(closed(on=D(2024, 9, 2), cin_plans=[CINPlanRecord(D(2024, 7, 1), D(2024, 9, 5))]))
    ],
    "8867": lambda: [
        child(closed(assessments=[AssessmentRecord(D(2024, 6, 3))], on=D(2024, 6, 20)))
    ],
    "8868": lambda: [
        child(closed(assessments=[assessed()], section47s=[s47(D(2024, 6, 5), None)]))
    ],
    "1103": lambda: [child(episode(assessments=[assessed(start=D(2024, 6, 1))]))],
    "8608": lambda: [child(episode(assessments=[assessed(done=D(2024, 6, 1))]))],
    "8696": lambda: [
        child(
            episode(
                referral_date=D(2024, 2, 1),
                assessments=[assessed(start=D(2024, 2, 1), done=D(2024, 3, 20))],
            )
        )
    ],
    "8736": lambda: [
        child(
            episode(
                referral_date=D(2024, 3, 1),
                assessments=[AssessmentRecord(D(2024, 3, 1))],
            )
        )
    ],
    "8614": lambda: [child(episode(assessments=[AssessmentRecord(D(2025, 3, 3), None, ["3B"])]))],
    "8897Q": lambda: [child(episode(assessments=[AssessmentRecord(D(2024, 6, 3), D(2024, 7, 1))]))],
    "8869": lambda: [child(episode(assessments=[assessed("21", "3B")]))],
    "8898": lambda: [child(episode(assessments=[assessed("3B", "3B")]))],
    "8873Q": lambda: [child(closed("RC7", assessments=[assessed("21")]))],
    "8863Q": lambda: [
        child(
            episode(
                assessments=[
                    assessed(start=D(2024, 6, 3), done=D(2024, 7, 1)),
                    assessed(start=D(2024, 6, 20), done=D(2024, 8, 1)),
                ]
            )
        )
    ],
    "8896": lambda: [
        child(
            episode(assessments=[AssessmentRecord(D(2025, 3, 3)), AssessmentRecord(D(2025, 3, 10))])
        )
    ],
    "8670Q": lambda: [child(episode(assessments=[AssessmentRecord(D(2025, 1, 6))]))],
    "2991Q": lambda: [child(episode(section47s=[s47(D(2024, 6, 5), None, not_required=True)]))],
    "8945Q": lambda: [child(episode(assessments=[assessed("18A")]))],
    "8950Q": lambda: [child(episode(assessments=[assessed("19A")]))],
    "4010": lambda: [child(episode(cin_plans=[CINPlanRecord(D(2025, 4, 2))]))],
    "4011": lambda: [child(episode(cin_plans=[CINPlanRecord(D(2024, 8, 1), D(2024, 7, 1))]))],
    "4012Q": lambda: [child(episode(cin_plans=[CINPlanRecord(D(2024, 8, 1), D(2024, 8, 1))]))],
    "4013": lambda: [
        child(
            episode(
                referral_date=D(2023, 6, 1),
                cin_plans=[CINPlanRecord(D(2023, 7, 1), D(2024, 3, 1))],
            )
        )
    ],
    "4015": lambda: [child(episode(cin_plans=[CINPlanRecord(D(2024, 6, 1))]))],
    "4004": lambda: [
        child(episode(cin_plans=[CINPlanRecord(D(2024, 7, 1)), CINPlanRecord(D(2024, 8, 1))]))
    ],
    "4014": lambda: [
        child(
            episode(
                cin_plans=[
                    CINPlanRecord(D(2024, 7, 1), D(2024, 9, 1)),
                    CINPlanRecord(D(2024, 8, 1)),
                ]
            )
        )
    ],
    "4001": lambda: [child(protected(cin_plans=[CINPlanRecord(D(2024, 6, 24))]))],
    "4003": lambda: [
        child(
            protected(
                cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 12, 16), reviews=[D(2024, 9, 23)])],
                cin_plans=[CINPlanRecord(D(2024, 9, 2), D(2024, 10, 1))],
            )
        )
    ],
    "4016": lambda: [
        child(
            protected(
                cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 12, 16))],
                cin_plans=[CINPlanRecord(D(2024, 12, 2), D(2024, 12, 10))],
            )
        )
    ],
    "4017": lambda: [
        child(
            protected(
                assessments=[assessed()],
                cin_plans=[CINPlanRecord(D(2024, 6, 10), D(2024, 6, 30))],
            )
        )
    ],
    "2889": lambda: [child(protected(section47s=[s47(D(2024, 6, 1), D(2024, 6, 24))]))],
    "1104": lambda: [child(episode(icpc_date=D(2024, 5, 31)))],
    "8615": lambda: [child(protected(section47s=[s47(D(2024, 6, 25), D(2024, 6, 24))]))],
    "8715": lambda: [
        child(
            episode(
                referral_date=D(2024, 1, 8),
                assessments=[assessed(start=D(2024, 4, 2), done=D(2024, 5, 1))],
                icpc_date=D(2024, 1, 29),
            )
        )
    ],
    "8740": lambda: [
        child(
            episode(
                referral_date=D(2024, 3, 1),
                assessments=[assessed(start=D(2024, 4, 2), done=D(2024, 5, 1))],
                section47s=[s47(D(2024, 3, 4), None)],
            )
        )
    ],
    "8675Q": lambda: [
        child(episode(assessments=[assessed()], section47s=[s47(D(2025, 2, 3), None)]))
    ],
    "8839": lambda: [
        child(
            episode(
                assessments=[assessed()],
                section47s=[s47(D(2025, 3, 24), None), s47(D(2025, 3, 25), None)],
            )
        )
    ],
    "8890": lambda: [
        child(protected(section47s=[s47(D(2024, 6, 5), D(2024, 6, 24)), s47(D(2024, 6, 10), None)]))
    ],
    "8870Q": lambda: [
        child(
            protected(section47s=[Section47Record(D(2024, 6, 5), D(2024, 6, 22), D(2024, 6, 24))])
        )
    ],
    "8875": lambda: [
        child(
            protected(
                section47s=[s47(D(2024, 6, 5), D(2024, 6, 22))],
                cp_plans=[cp_plan(D(2024, 6, 22))],
            )
        )
    ],
    "2884": lambda: [child(protected(icpc_date=D(2024, 6, 24)))],
    "2885": lambda: [child(protected(cp_plans=[cp_plan(D(2024, 6, 25))]))],
    "1105": lambda: [child(episode(icpc_date=D(2024, 6, 3), cp_plans=[cp_plan(D(2024, 6, 1))]))],
    "8720": lambda: [child(protected(cp_plans=[cp_plan(D(2025, 4, 2))]))],
    "8730": lambda: [child(protected(cp_plans=[CPPlanRecord(D(2024, 6, 24), "NEG", "NEG", -1)]))],
    "8905": lambda: [child(protected(cp_plans=[CPPlanRecord(D(2024, 6, 24), "", "NEG", 0)]))],
    "8910": lambda: [child(protected(cp_plans=[CPPlanRecord(D(2024, 6, 24), "NEG", "ABC", 0)]))],
    "8925": lambda: [child(protected(cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 6, 20))]))],
    "8930": lambda: [
        child(
            episode(
                referral_date=D(2023, 5, 1),
                icpc_date=D(2023, 5, 22),
                cp_plans=[cp_plan(D(2023, 5, 22), D(2024, 3, 1))],
            )
        )
    ],
    "8840": lambda: [child(protected(cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 6, 24))]))],
    "8935": lambda: [child(protected(cp_plans=[cp_plan(D(2024, 6, 24)), cp_plan(D(2024, 6, 24))]))],
    "8940": lambda: [
        child(
            protected(
                cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 10, 1)), cp_plan(D(2024, 9, 2), None)]
            )
        )
    ],
    "8841": lambda: [
        child(protected(cp_plans=[cp_plan(D(2024, 6, 24), reviews=[D(2024, 6, 24)])]))
    ],
}


def test_every_rule_has_a_number_a_severity_an_explanation_and_a_case_that_fires_it():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.severity in (ERROR, QUERY) and rule.explanation for rule in RULES)
    assert all((rule.severity == QUERY) == rule.id.endswith("Q") for rule in RULES)
    child_rules = set(ids) - CENSUS_WIDE
    assert child_rules == set(FIRES), child_rules ^ set(FIRES)
    assert len(ids) >= 100


@pytest.mark.parametrize("rule_id", sorted(FIRES))
def test_the_rule_fires_on_data_that_breaks_it(rule_id):
    found = [f for f in failures(*FIRES[rule_id]()) if f.rule.id == rule_id]
    assert found, f"{rule_id} did not fire"
    assert all(f.message and f.la_child_id is not None for f in found)


def test_the_reference_date_must_be_31_march_of_the_year():
    bad = census(child())
    bad.header.reference_date = D(2025, 4, 1)
    found = [f for f in check(bad) if f.rule.id == "100"]
    assert [f.message for f in found] == ["The ReferenceDate is 1 April 2025, not 31 March 2025."]
    assert found[0].line().startswith("Header: 100 Reference date (error)")


def _ids(*children: ChildRecord) -> set[str]:
    return {f.rule.id for f in check(census(*children))}


def test_la_child_ids_and_upns_are_unique_in_the_return():
    twin = child(person_id=8, la_child_id="FD0000008")
    assert "1520" in _ids(child(), twin)
    assert "8510" in _ids(child(), child(person_id=8, upn=upn(2)))
    assert not {"1520", "8510"} & _ids(child(), child(person_id=8, la_child_id="B8", upn=upn(2)))


def test_no_more_plans_start_than_conferences_are_held_across_the_return():
    assert "2883" in _ids(child(episode(cp_plans=[cp_plan(D(2024, 6, 24))])))
    assert "2883" not in _ids(child(protected()))


def test_no_more_than_2_percent_have_no_sex_recorded():
    many = [child(person_id=n, la_child_id=f"C{n}", upn=upn(n)) for n in range(1, 60)]
    assert "2886Q" not in _ids(*many, child(person_id=99, la_child_id="C99", upn=upn(99), sex="U"))
    assert "2886Q" in _ids(*many[:10], child(person_id=99, la_child_id="C99", sex="U", upn=""))


def test_the_return_uses_at_least_8_disability_codes_and_some_child_has_two():
    codes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"]
    few = [child(person_id=n, la_child_id=f"C{n}", upn=upn(n), disabilities=[c]) for n, c in
           enumerate(codes[:7], 1)]  # fmt: skip
    assert {"2887Q", "2888Q"} <= _ids(*few)
    enough = [*few, child(person_id=8, la_child_id="C8", upn=upn(8), disabilities=codes[7:])]
    assert "2887Q" not in _ids(*enough) and "2888Q" in _ids(*enough)
    two = [*enough, child(person_id=9, la_child_id="C9", upn=upn(9), disabilities=["LD", "AUT"])]
    assert not {"2887Q", "2888Q"} & _ids(*two)


def test_an_rc8_closure_is_refused_when_an_enquiry_was_held():
    messages = only("2990", *FIRES["2990"]())
    assert messages == [
        "The episode referred on 3 June 2024 closed RC8 but has a section 47 enquiry."
    ]


def test_a_school_age_child_needs_a_upn_or_a_reason_and_un1_is_no_reason():
    assert only("8770Q", child(upn="", upn_unknown="UN1")) == [
        "The child was born on 10 May 2016, is of school age and has no UPN and no reason "
        "why (UN2 to UN7)."
    ]
    assert failures(child(upn="", upn_unknown="UN4")) == []
    assert failures(child(upn="", birth_date=D(2020, 1, 5))) == []  # not of school age
    assert failures(child(episode(is_referral_nfa=True), upn="", upn_unknown="UN7")) == []


def test_an_assessment_finding_nothing_closes_after_assessment():
    assert only("8873Q", child(closed("RC7", assessments=[assessed("21")]))) == [
        "The episode referred on 3 June 2024 found no factors at its only assessment but "
        "closed RC7."
    ]
    assert failures(child(closed("RC8", assessments=[assessed("21")]))) == []


def test_rc8_and_rc9_need_an_assessment_in_the_return_a_query():
    found = failures(child(closed("RC9", on=D(2024, 7, 1))))
    assert [(f.rule.id, f.severity) for f in found] == [("8825Q", QUERY)]
    assert found[0].message == (
        "The episode referred on 3 June 2024 closed with RC9 but has no assessment in the return."
    )


def test_open_work_after_its_time_is_a_query_with_the_working_days():
    [found] = failures(*FIRES["8670Q"]())
    assert found.severity == QUERY
    assert found.message == (
        "The assessment started on 6 January 2025 was still open on 31 March 2025, after "
        "60 working days."
    )
    decided = episode(assessments=[assessed()], section47s=[s47(D(2025, 2, 3), None, True)])
    assert failures(child(decided)) == []


def test_a_failure_line_names_the_child_the_rule_and_the_problem():
    [failure] = failures(child(episode(primary_need="")))
    assert failure.line() == (
        "FD0000007: 8610 Primary need missing (error): The episode referred on 3 June 2024 "
        "has no primary need recorded."
    )
    assert failure.person_id == 7
