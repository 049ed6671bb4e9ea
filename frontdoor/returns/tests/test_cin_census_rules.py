"""Each DfE rule fires, with its message, on data that breaks it.

The casework actions rightly refuse most of this data, so the census records are built
directly: the rules guard the return against data loaded or migrated from elsewhere.
"""

import datetime as dt

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


def episode(**fields) -> EpisodeRecord:
    values = {
        "referral_date": D(2024, 6, 3),
        "referral_source": "2A",
        "primary_need": "N1",
    }
    values.update(fields)
    return EpisodeRecord(**values)


def child(*episodes: EpisodeRecord, **fields) -> ChildRecord:
    values = {
        "person_id": 7,
        "la_child_id": "FD0000007",
        "sex": "F",
        "ethnicity": "WBRI",
        "birth_date": D(2016, 5, 10),
        "episodes": list(episodes) or [episode()],
    }
    values.update(fields)
    return ChildRecord(**values)


def census(*children: ChildRecord) -> Census:
    return Census(make_header(PERIOD, dt.datetime(2025, 4, 2, 9)), PERIOD, list(children))


def failures(*children: ChildRecord) -> list[Failure]:
    return check(census(*children))


def only(rule_id: str, *children: ChildRecord) -> list[str]:
    """The messages of `rule_id`, after checking no other rule fired."""
    found = failures(*children)
    assert {f.rule.id for f in found} == {rule_id}, [f.line() for f in found]
    return [f.message for f in found]


def cp_plan(start: dt.date, end: dt.date | None = None, reviews=()) -> CPPlanRecord:
    return CPPlanRecord(start, "NEG", "NEG", 0, end, list(reviews))


def s47(start: dt.date, icpc: dt.date | None) -> Section47Record:
    return Section47Record(start, None, icpc, False)


def test_a_clean_child_passes_every_rule():
    assert failures(child()) == []


def test_every_rule_has_an_id_a_severity_and_an_explanation():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)) == 27
    assert all(rule.severity in (ERROR, QUERY) and rule.explanation for rule in RULES)


def test_the_reference_date_must_be_31_march_of_the_year():
    bad = census(child())
    bad.header.reference_date = D(2025, 4, 1)
    [failure] = check(bad)
    assert failure.rule.id == "CIN-001"
    assert failure.message == "The ReferenceDate is 1 April 2025, not 31 March 2025."
    assert failure.line().startswith("Header: CIN-001 ReferenceDate (error)")


def test_la_child_id_is_required():
    assert only("CIN-101", child(la_child_id="")) == ["This child has no LA child ID."]


def test_la_child_id_is_at_most_20_letters_and_digits():
    assert only("CIN-102", child(la_child_id="FD-0007")) == [
        "The LA child ID “FD-0007” is not 1 to 20 letters and digits."
    ]
    assert only("CIN-102", child(la_child_id="A" * 21))


def test_la_child_id_is_unique():
    messages = only("CIN-103", child(), child(person_id=8))
    assert messages == ["“FD0000007” is used by 2 children."] * 2


def test_upn_check_letter_must_match():
    assert only("CIN-104", child(upn="A201123417001")) == [
        "The UPN “A201123417001” is not a valid unique pupil number (check the letter)."
    ]


def test_upn_is_unique():
    twins = [
        child(upn="K201123417001"),
        child(person_id=8, la_child_id="FD0000008", upn="K201123417001"),
    ]
    assert only("CIN-105", *twins) == ["“K201123417001” is used by 2 children."] * 2


def test_episodes_never_overlap():
    first = episode(closure_date=D(2024, 9, 1), reason_for_closure="RC7")
    second = episode(referral_date=D(2024, 8, 1))
    assert only("CIN-110", child(first, second)) == [
        "The episode referred on 1 August 2024 starts before the episode referred on "
        "3 June 2024 closed."
    ]


def test_at_most_one_episode_is_open():
    found = failures(child(episode(), episode(referral_date=D(2024, 8, 1))))
    assert {f.rule.id for f in found} == {"CIN-111", "CIN-112"}
    assert "2 episodes are open (referred on 3 June 2024, 1 August 2024); close all but one." in [
        f.message for f in found
    ]


def test_the_open_episode_is_the_latest():
    later = episode(
        referral_date=D(2024, 8, 1), closure_date=D(2024, 9, 1), reason_for_closure="RC7"
    )
    assert only("CIN-112", child(episode(), later)) == [
        "The episode referred on 3 June 2024 is open but a later referral was made."
    ]


def test_closure_date_and_reason_come_together():
    assert only("CIN-113", child(episode(closure_date=D(2024, 9, 1)))) == [
        "The episode referred on 3 June 2024 has a closure date but no reason."
    ]
    assert only("CIN-113", child(episode(reason_for_closure="RC7"))) == [
        "The episode referred on 3 June 2024 has a reason for closure but no date."
    ]


def test_an_nfa_referral_has_no_work():
    nfa = episode(
        is_referral_nfa=True,
        assessments=[AssessmentRecord(D(2024, 6, 3), D(2024, 6, 10), ["21"])],
        cin_plans=[CINPlanRecord(D(2024, 6, 11))],
    )
    assert only("CIN-120", child(nfa)) == [
        "The episode referred on 3 June 2024 is marked no further action but has an "
        "assessment and a child in need plan."
    ]


def test_primary_need_is_required_unless_nfa():
    assert only("CIN-121", child(episode(primary_need=""))) == [
        "The episode referred on 3 June 2024 has no primary need recorded."
    ]
    assert failures(child(episode(primary_need="", is_referral_nfa=True))) == []


def test_rc8_and_rc9_need_an_assessment_a_query():
    closed = episode(closure_date=D(2024, 7, 1), reason_for_closure="RC9")
    found = failures(child(closed))
    assert [(f.rule.id, f.severity) for f in found] == [("CIN-122", QUERY)]
    assert found[0].message == (
        "The episode referred on 3 June 2024 closed with RC9 but has no assessment."
    )
    closed.earlier_assessments = 1  # authorised before the year: not in it, but there
    assert failures(child(closed)) == []


def test_factor_21_stands_alone():
    assessment = AssessmentRecord(D(2024, 6, 3), D(2024, 7, 1), ["21", "3B"])
    assert only("CIN-123", child(episode(assessments=[assessment]))) == [
        "The assessment started on 3 June 2024 records 21 (no factors) with 3B."
    ]


def test_nothing_is_before_the_referral():
    early = episode(cin_plans=[CINPlanRecord(D(2024, 6, 1))])
    assert only("CIN-130", child(early)) == [
        "The child in need plan start on 1 June 2024 is before the referral on 3 June 2024."
    ]


def test_nothing_is_after_the_closure():
    late = episode(
        closure_date=D(2024, 9, 1),
        reason_for_closure="RC7",
        cin_plans=[CINPlanRecord(D(2024, 7, 1), D(2024, 9, 5))],
    )
    assert only("CIN-131", child(late)) == [
        "The child in need plan end on 5 September 2024 is after the closure on 1 September 2024."
    ]


def test_dates_are_within_the_census_year():
    old = episode(referral_date=D(2023, 6, 3), closure_date=D(2024, 3, 1), reason_for_closure="RC7")
    assert only("CIN-132", child(old)) == [
        "The closure on 1 March 2024 is outside the census year (1 April 2024 to 31 March 2025)."
    ]
    future = episode(cin_plans=[CINPlanRecord(D(2025, 4, 2))])
    assert only("CIN-132", child(future)) == [
        "The child in need plan start on 2 April 2025 is after 31 March 2025."
    ]


def _protected(**fields) -> EpisodeRecord:
    values = {
        "section47s": [s47(D(2024, 6, 5), D(2024, 6, 24))],
        "cp_plans": [cp_plan(D(2024, 6, 24))],
    }
    values.update(fields)
    return episode(**values)


def test_a_protected_child_passes():
    assert failures(child(_protected())) == []


def test_the_icpc_date_is_in_the_s47_or_on_the_episode_never_both():
    assert only("CIN-140", child(_protected(icpc_date=D(2024, 6, 24)))) == [
        "The episode referred on 3 June 2024 has a conference date on the episode and in a "
        "section 47 enquiry."
    ]


def test_a_cp_plan_starts_on_an_icpc_date():
    moved = _protected(cp_plans=[cp_plan(D(2024, 6, 25))])
    assert only("CIN-141", child(moved)) == [
        "The child protection plan starting 25 June 2024 has no initial conference on that date."
    ]


def test_no_more_cp_plan_starts_than_icpcs():
    two = _protected(cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 7, 1)), cp_plan(D(2024, 6, 24))])
    found = failures(child(two))
    assert "CIN-142" in {f.rule.id for f in found}
    assert (
        "The episode referred on 3 June 2024 has 2 child protection plans starting but 1 "
        "initial conferences." in [f.message for f in found]
    )


def test_cp_plans_never_overlap():
    enquiries = [s47(D(2024, 6, 5), D(2024, 6, 24)), s47(D(2024, 7, 1), D(2024, 7, 8))]
    plans = [cp_plan(D(2024, 6, 24)), cp_plan(D(2024, 7, 8))]
    assert only("CIN-143", child(_protected(section47s=enquiries, cp_plans=plans))) == [
        "The child protection plans starting 24 June 2024 and 8 July 2024 overlap."
    ]


def test_a_cin_plan_is_not_concurrent_with_a_cp_plan():
    both = _protected(cin_plans=[CINPlanRecord(D(2024, 6, 10), D(2024, 7, 1))])
    assert only("CIN-144", child(both)) == [
        "The child in need plan starting 10 June 2024 runs during the child protection plan "
        "starting 24 June 2024."
    ]
    # [start, end): a CIN plan may end the day the CP plan starts.
    handover = _protected(cin_plans=[CINPlanRecord(D(2024, 6, 10), D(2024, 6, 24))])
    assert failures(child(handover)) == []


def test_a_cp_review_is_after_the_plan_start():
    reviewed = _protected(cp_plans=[cp_plan(D(2024, 6, 24), reviews=[D(2024, 6, 24)])])
    assert only("CIN-145", child(reviewed)) == [
        "The review on 24 June 2024 is not after the plan started on 24 June 2024."
    ]


def test_a_cp_plan_does_not_start_and_end_the_same_day():
    one_day = _protected(cp_plans=[cp_plan(D(2024, 6, 24), D(2024, 6, 24))])
    assert only("CIN-146", child(one_day)) == [
        "The child protection plan starts and ends on 24 June 2024."
    ]


def test_an_icpc_is_not_at_a_weekend():
    saturday = _protected(
        section47s=[s47(D(2024, 6, 5), D(2024, 6, 22))], cp_plans=[cp_plan(D(2024, 6, 22))]
    )
    assert only("CIN-147", child(saturday)) == [
        "The initial conference is recorded on Saturday 22 June 2024."
    ]


def test_an_assessment_open_over_45_working_days_at_year_end_is_a_query():
    open_one = episode(assessments=[AssessmentRecord(D(2025, 1, 2))])
    found = failures(child(open_one))
    assert [(f.rule.id, f.severity) for f in found] == [("CIN-150", QUERY)]
    assert found[0].message == (
        "The assessment started on 2 January 2025 was still open on 31 March 2025, after 62 "
        "working days."
    )
    recent = episode(assessments=[AssessmentRecord(D(2025, 2, 3))])  # 40 working days
    assert failures(child(recent)) == []


def test_an_s47_open_over_15_working_days_at_year_end_is_a_query():
    waiting = episode(section47s=[s47(D(2025, 3, 3), None)])
    found = failures(child(waiting))
    assert [(f.rule.id, f.severity) for f in found] == [("CIN-151", QUERY)]
    assert found[0].message == (
        "The section 47 enquiry started on 3 March 2025 had no conference or decision on "
        "31 March 2025, after 20 working days."
    )
    decided = episode(section47s=[Section47Record(D(2025, 3, 3), None, None, True)])
    assert failures(child(decided)) == []


def test_a_failure_line_names_the_child_the_rule_and_the_problem():
    [failure] = failures(child(episode(primary_need="")))
    assert failure.line() == (
        "FD0000007: CIN-121 Primary need missing (error): The episode referred on 3 June 2024 "
        "has no primary need recorded."
    )
    assert failure.person_id == 7
