"""Annex A: look-back windows, case status precedence, labels, unlinked children."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.casework import actions as casework
from frontdoor.casework.codes import CategoryOfAbuse, LegalStatus, PlacementType, ReasonCeased
from frontdoor.casework.models import ReasonForClosure
from frontdoor.contacts.codes import ReferralSource
from frontdoor.lib.dates import months_before
from frontdoor.people.models import Ethnicity
from frontdoor.returns.annex_a import codes
from frontdoor.returns.annex_a.columns import HEADERS, SHEET_NAMES
from frontdoor.returns.annex_a.plans import case_status
from frontdoor.returns.annex_a.window import Window
from frontdoor.returns.annex_a.workbook import build_lists
from frontdoor.returns.tests.annex_a_data import Council
from frontdoor.test import make_contact

D = dt.date
AS_OF = D(2025, 3, 31)


def rows(name: str, as_of: dt.date = AS_OF) -> list[list]:
    return {sheet.name: sheet.rows for sheet in build_lists(as_of)}[name]


def ids(name: str, as_of: dt.date = AS_OF) -> list[str]:
    return [row[0] for row in rows(name, as_of)]


# --- windows -----------------------------------------------------------------------------


def test_the_look_back_is_six_months_ending_on_the_as_of_date_and_counts_twelve():
    window = Window.ending(AS_OF)
    assert (window.start6, window.start12) == (D(2024, 10, 1), D(2024, 3, 31))


def test_a_look_back_from_the_end_of_a_long_month_ends_at_the_end_of_a_short_one():
    assert months_before(D(2025, 8, 31), 6) == D(2025, 2, 28)
    assert Window.ending(D(2024, 8, 31)).start6 == D(2024, 3, 1)  # 29 Feb 2024, plus a day


@pytest.fixture
def council(db):
    return Council()


def test_contacts_on_the_first_and_last_days_are_listed_and_those_outside_are_not(council):
    for n, day in enumerate([D(2024, 9, 30), D(2024, 10, 1), D(2025, 3, 31), D(2025, 4, 1)]):
        child = council.child(f"C{n}", sex="M", date_of_birth=D(2015, 1, 1))
        council.contact(child, day, "2A")
    assert ids("List 1") == ["C1", "C2"]


def test_referrals_in_the_last_12_months_count_from_the_same_day_a_year_before(council):
    child = council.child("R1", sex="F", date_of_birth=D(2012, 1, 1))
    for referred, closed in [
        (D(2024, 3, 30), D(2024, 3, 30)),  # the day before the 12 months: not counted
        (D(2024, 3, 31), D(2024, 4, 2)),  # the same day a year before: counted
    ]:
        episode = council.refer(child, referred, "1A")
        casework.close_cin_episode(
            episode, closure_date=closed, reason="RC8", referral_nfa=True, user=council.worker
        )
    council.refer(child, D(2025, 3, 31), "1A")
    [row] = rows("List 3")
    assert row[5] == D(2025, 3, 31)
    assert row[7] == codes.NO  # closed with no further action only after the as-of date
    assert row[8] == 2


def test_a_referral_closed_nfa_after_the_as_of_date_was_not_yet_nfa(council):
    child = council.child("R2", sex="F", date_of_birth=D(2012, 1, 1))
    episode = council.refer(child, D(2025, 3, 3), "1A")
    casework.close_cin_episode(
        episode, closure_date=D(2025, 4, 2), reason="RC8", referral_nfa=True, user=council.worker
    )
    assert rows("List 3")[0][7] == codes.NO
    assert rows("List 3", D(2025, 4, 2))[0][7] == codes.YES


def test_a_cp_plan_that_ended_before_the_six_months_is_not_listed(council):
    child = council.child("P1", sex="M", date_of_birth=D(2014, 1, 1))
    enquiry = council.s47(child, D(2024, 3, 4), "6")
    casework.record_initial_conference(
        enquiry, held_on=D(2024, 3, 15), is_plan_required=True, user=council.worker
    )
    plan = casework.start_cp_plan(
        enquiry.episode, start_date=D(2024, 3, 15), category="PHY", user=council.worker
    )
    casework.end_cp_plan(plan, end_date=D(2024, 9, 30), reason="cin_plan", user=council.worker)
    assert ids("List 7") == []
    assert ids("List 7", D(2025, 3, 29)) == ["P1"]  # from 30 Sep 2024
    assert rows("List 7", D(2025, 3, 29))[0][12] == D(2024, 9, 30)
    # Before the plan ended, the as-of view shows no end date.
    assert rows("List 7", D(2024, 9, 29))[0][12] is None


def test_an_s47_open_when_the_six_months_began_is_listed_and_its_counts_cover_12_months(council):
    child = council.child("S1", sex="F", date_of_birth=D(2013, 1, 1))
    enquiry = council.s47(child, D(2024, 9, 2), "6")  # before the 6 months, still open then
    assert ids("List 5") == ["S1"]
    [row] = rows("List 5")
    assert row[7] == ""  # no outcome recorded: neither necessary nor unnecessary yet
    assert (row[10], row[11]) == (1, 0)
    casework.record_s47_outcome(
        enquiry,
        completed_on=D(2024, 9, 30),
        is_substantiated=False,
        is_icpc_required=False,
        user=council.worker,
    )
    assert ids("List 5") == []


def test_a_child_who_left_care_before_the_six_months_is_not_in_list_8(council):
    child = council.child("L1", sex="M", date_of_birth=D(2011, 1, 1))
    episode = council.refer(child, D(2024, 5, 1), "6")
    care = casework.start_looked_after_episode(
        episode,
        start_date=D(2024, 5, 2),
        legal_status="L1",
        placement_type="U6",
        user=council.worker,
    )
    casework.end_looked_after_episode(
        care, end_date=D(2024, 9, 30), reason="E4B", user=council.worker
    )
    assert ids("List 8") == []
    [row] = rows("List 8", D(2025, 3, 29))
    assert row[19:21] == [D(2024, 9, 30), codes.REASON_CEASED["E4B"]]


# --- case status ---------------------------------------------------------------------


def test_case_status_takes_the_first_of_looked_after_cp_plan_cin_plan_open_assessment():
    open_work = {codes.LOOKED_AFTER: {1}, codes.CP_PLAN: {1, 2}, codes.CIN_PLAN: {1, 2, 3}}
    assert case_status(1, False, open_work) == codes.LOOKED_AFTER
    assert case_status(2, False, open_work) == codes.CP_PLAN
    assert case_status(3, False, open_work) == codes.CIN_PLAN
    assert case_status(4, False, open_work) == codes.OPEN_ASSESSMENT
    assert case_status(1, True, open_work) == codes.CLOSED_EPISODE


def test_a_child_on_a_cp_plan_who_comes_into_care_is_looked_after(council):
    child = council.child("K1", sex="M", date_of_birth=D(2014, 1, 1))
    enquiry = council.s47(child, D(2024, 11, 4), "6")
    casework.record_initial_conference(
        enquiry, held_on=D(2024, 11, 15), is_plan_required=True, user=council.worker
    )
    casework.start_cp_plan(
        enquiry.episode, start_date=D(2024, 11, 15), category="PHY", user=council.worker
    )
    assert rows("List 6")[0][11] == codes.CP_PLAN
    casework.start_looked_after_episode(
        enquiry.episode,
        start_date=D(2025, 1, 6),
        legal_status="C1",
        placement_type="U6",
        user=council.worker,
    )
    assert rows("List 6")[0][11] == codes.LOOKED_AFTER
    assert rows("List 6", D(2025, 1, 5))[0][11] == codes.CP_PLAN  # as at the day before


def test_an_episode_closed_after_the_as_of_date_was_still_open(council):
    child = council.child("K2", sex="F", date_of_birth=D(2014, 1, 1))
    episode = council.refer(child, D(2025, 3, 3), "1A")
    council.assess(episode, D(2025, 3, 4), D(2025, 3, 20), "nfa")
    casework.close_cin_episode(
        episode, closure_date=D(2025, 4, 7), reason="RC8", user=council.worker
    )
    [row] = rows("List 6")
    assert (row[9], row[10], row[11]) == (None, "", codes.OPEN_ASSESSMENT)
    [later] = rows("List 6", D(2025, 4, 7))
    assert (later[9], later[11]) == (D(2025, 4, 7), codes.CLOSED_EPISODE)


# --- labels and headers ----------------------------------------------------------------


def test_labels_cover_every_code_in_dfe_order():
    ethnicities = list(codes.ETHNICITY.values())
    assert (ethnicities[0], ethnicities[-1], len(ethnicities)) == ("a) WBRI", "t) NOBT", 20)
    assert list(codes.ETHNICITY) == list(Ethnicity.values)
    assert list(codes.REFERRAL_SOURCE) == list(ReferralSource.values)
    sources = list(codes.REFERRAL_SOURCE.values())
    assert (sources[0], sources[-1]) == ("a) 1A: Individual", "u) 10: Unknown")
    assert set(codes.CATEGORY_OF_ABUSE) == set(CategoryOfAbuse.values)
    assert sorted(codes.CATEGORY_OF_ABUSE.values())[0] == "a) Neglect"
    assert set(codes.REASON_FOR_CLOSURE) == set(ReasonForClosure.values)
    assert set(codes.LEGAL_STATUS) == set(LegalStatus.values)
    assert set(codes.PLACEMENT_TYPE) == set(PlacementType.values)
    assert set(codes.REASON_CEASED) == set(ReasonCeased.values) - {"X1"}
    assert codes.GENDER == {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}


def test_every_list_has_the_common_columns_and_lists_4_to_8_ask_about_disability():
    assert [f"List {n}" for n in range(1, 9)] == SHEET_NAMES
    for name in SHEET_NAMES:
        assert HEADERS[name][:5] == [
            "Child Unique ID",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
        ]
        has_disability = "Does the Child have a Disability" in HEADERS[name]
        assert has_disability == (name >= "List 4"), name
        if name >= "List 3":
            assert HEADERS[name][-2:] == ["Allocated Team", "Allocated Worker"]


@pytest.mark.django_db
def test_a_child_not_yet_linked_is_listed_under_the_contact_reference(persona):
    contact = make_contact(received_at=dt.datetime(2025, 3, 3, 10, tzinfo=dt.UTC))
    [row] = rows("List 1")
    assert row[0] == f"{contact.reference}-1"
    assert row[1:5] == ["b) Female", "t) NOBT", D(2016, 5, 10), 8]
    assert row[5:] == [D(2025, 3, 3), "e) 2A: Schools"]


def test_the_number_of_queries_does_not_grow_with_the_number_of_children(council):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_lists(AS_OF)
        return len(captured)

    child = council.child("Q0", sex="M", date_of_birth=D(2014, 1, 1))
    council.refer(child, D(2025, 1, 6), "6")
    one = queries()
    for n in range(1, 4):
        other = council.child(f"Q{n}", sex="F", date_of_birth=D(2013, 1, 1))
        episode = council.refer(other, D(2025, 1, 6), "6")
        council.assess(episode, D(2025, 1, 7), D(2025, 2, 3), "looked_after", seen=D(2025, 1, 8))
        casework.start_looked_after_episode(
            episode,
            start_date=D(2025, 2, 4),
            legal_status="V2",
            placement_type="U6",
            user=council.worker,
        )
    assert len(rows("List 8")) == 3
    assert queries() == one
