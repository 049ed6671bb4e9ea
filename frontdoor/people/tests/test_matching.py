"""find_candidates() finds the existing record despite the usual errors, and says why."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.people.actions import add_alias, record_address, update_person
from frontdoor.people.matching import LINK_THRESHOLD, find_candidates
from frontdoor.people.models import Person
from frontdoor.people.tests.helpers import POSTCODE, add_person

pytestmark = pytest.mark.django_db

BORN = dt.date(2016, 5, 10)


def _top(**search):
    found = find_candidates(**search)
    assert found, f"nothing found for {search}"
    return found[0]


def test_the_same_details_are_a_likely_match_with_every_reason():
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    top = _top(given_name="Amelia", family_name="Okafor", date_of_birth=BORN, postcode="bs231uj")
    assert top.person == amelia
    assert top.score >= LINK_THRESHOLD and top.is_likely_match
    assert top.reasons == [
        "same forename",
        "same surname",
        "same date of birth",
        "lives at the same postcode",
    ]
    assert top.differences == []


def test_a_nickname_is_found_and_named_as_one():
    william = add_person("William", "Hughes", BORN, POSTCODE)
    top = _top(given_name="Bill", family_name="Hughes", date_of_birth=BORN)
    assert top.person == william
    assert "forename is a known nickname (Bill / William)" in top.reasons
    assert top.is_likely_match


def test_a_transliterated_forename_is_another_spelling():
    mohammed = add_person("Mohammed", "Rahman", BORN)
    top = _top(given_name="Muhammad", family_name="Rahman", date_of_birth=BORN)
    assert top.person == mohammed
    assert "forename is another spelling (Muhammad / Mohammed)" in top.reasons


def test_a_surname_typo_is_found():
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    top = _top(given_name="Amelia", family_name="Okafur", date_of_birth=BORN)
    assert top.person == amelia
    assert "surname spelt similarly (Okafur / Okafor)" in top.reasons
    assert top.is_likely_match


def test_a_similar_sounding_surname_is_found_without_a_date_of_birth():
    smith = add_person("Jack", "Smith", BORN)
    top = _top(given_name="Jack", family_name="Smyth")
    assert top.person == smith
    assert "surname spelt similarly (Smyth / Smith)" in top.reasons


def test_a_forename_typo_is_found():
    amelia = add_person("Amelia", "Okafor", BORN)
    top = _top(given_name="Amleia", family_name="Okafor", date_of_birth=BORN)
    assert top.person == amelia
    assert "forename spelt similarly (Amleia / Amelia)" in top.reasons


def test_day_and_month_swapped_is_found_and_said():
    amelia = add_person("Amelia", "Okafor", BORN)
    top = _top(given_name="Amelia", family_name="Okafor", date_of_birth=dt.date(2016, 10, 5))
    assert top.person == amelia
    assert "day and month of birth swapped (5 October 2016 / 10 May 2016)" in top.reasons
    assert top.is_likely_match


def test_a_child_who_moved_is_found_by_the_old_postcode():
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    record_address(amelia, None, "2 New Road", "Weston-super-Mare", "BS22 6AA", dt.date(2024, 3, 1))
    old = _top(given_name="Amelia", family_name="Okafor", date_of_birth=BORN, postcode=POSTCODE)
    assert old.person == amelia
    assert "lived at the same postcode (previous address, until 1 March 2024)" in old.reasons
    new = _top(given_name="Amelia", family_name="Okafor", postcode="BS22 6AA")
    assert "lives at the same postcode" in new.reasons


def test_a_previous_surname_recorded_as_an_alias_is_found():
    jayden = add_person("Jayden", "Clarke", BORN)
    add_alias(jayden, None, given_name="Jayden", family_name="Brown", note="previous surname")
    top = _top(given_name="Jayden", family_name="Brown", date_of_birth=BORN)
    assert top.person == jayden
    assert (
        "surname matches another name they are known by (Jayden Brown, previous surname)"
        in top.reasons
    )
    assert top.is_likely_match


def test_a_changed_surname_is_kept_as_an_alias_and_still_found():
    jayden = add_person("Jayden", "Brown", BORN)
    update_person(jayden, None, family_name="Clarke")
    top = _top(given_name="Jayden", family_name="Brown")
    assert top.person == jayden
    assert any("known by (Jayden Brown, previous name)" in r for r in top.reasons)


def test_one_half_of_a_double_barrelled_surname_finds_the_whole():
    ella = add_person("Ella", "Smith-Jones", BORN)
    for surname in ("Jones", "Smith"):
        top = _top(given_name="Ella", family_name=surname, date_of_birth=BORN)
        assert top.person == ella
        assert (
            f"surname matches part of a double-barrelled surname ({surname} / Smith-Jones)"
            in top.reasons
        )


def test_a_sibling_with_a_different_date_of_birth_in_the_same_household_scores_lower():
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    sibling = add_person("Grace", "Okafor", dt.date(2019, 2, 3), POSTCODE)
    found = find_candidates("Amelia", "Okafor", BORN, POSTCODE)
    assert found[0].person == amelia
    others = [c for c in found if c.person == sibling]
    assert not others or others[0].score < LINK_THRESHOLD < found[0].score


def test_a_twin_is_never_a_likely_match_for_the_other_twin():
    oliver = add_person("Oliver", "Barnes", BORN, POSTCODE)
    olivia = add_person("Olivia", "Barnes", BORN, POSTCODE)
    found = find_candidates("Oliver", "Barnes", BORN, POSTCODE)
    assert found[0].person == oliver and found[0].is_likely_match
    twin = next(c for c in found if c.person == olivia)
    assert twin.score < LINK_THRESHOLD
    assert "different forename (Oliver / Olivia)" in twin.differences
    assert any("could be a twin" in d for d in twin.differences)


def test_when_only_one_twin_is_recorded_the_other_is_not_linked_to_them():
    add_person("Emma", "Barnes", BORN, POSTCODE)
    found = find_candidates("Ella", "Barnes", BORN, POSTCODE)
    assert all(c.score < LINK_THRESHOLD for c in found)


def test_an_nhs_number_finds_the_child_whatever_the_name():
    amelia = add_person("Amelia", "Okafor", BORN, nhs_number="9990000018")
    top = _top(given_name="Sophie", family_name="Unknown", nhs_number="999 000 0018")
    assert top.person == amelia
    assert "same NHS number" in top.reasons


def test_a_different_nhs_number_keeps_a_namesake_below_the_link_threshold():
    add_person("Amelia", "Okafor", BORN, nhs_number="9990000018")
    found = find_candidates("Amelia", "Okafor", BORN, nhs_number="9990000026")
    assert found and all(c.score < LINK_THRESHOLD for c in found)
    assert "different NHS number" in found[0].differences


def test_forename_and_surname_the_wrong_way_round_are_found():
    amelia = add_person("Amelia", "Okafor", BORN)
    top = _top(given_name="Okafor", family_name="Amelia", date_of_birth=BORN)
    assert top.person == amelia
    assert "forename and surname recorded the other way round" in top.reasons


def test_a_child_known_by_a_middle_name_is_found():
    amelia = add_person("Amelia Rose", "Okafor", BORN)
    top = _top(given_name="Rose", family_name="Okafor", date_of_birth=BORN)
    assert top.person == amelia
    assert "forename matches one of their given names (Rose / Amelia Rose)" in top.reasons


def test_a_baby_recorded_before_birth_is_found_by_a_date_near_the_due_date():
    unborn = add_person(
        "", "Okafor", None, kind=Person.Kind.UNBORN, expected_date_of_birth=dt.date(2025, 3, 1)
    )
    top = _top(family_name="Okafor", date_of_birth=dt.date(2025, 2, 20))
    assert top.person == unborn
    assert "born close to the expected date of birth (1 March 2025)" in top.reasons


def test_an_age_narrows_the_search():
    seven = add_person("Amelia", "Okafor", dt.date(2016, 5, 10))
    add_person("Amelia", "Okafor", dt.date(2001, 1, 1))
    found = find_candidates("Amelia", "Okafor", age=seven.age_on(timezone.localdate()))
    assert found[0].person == seven


def test_people_the_user_may_not_see_are_never_proposed():
    add_person("Amelia", "Okafor", BORN)
    assert find_candidates("Amelia", "Okafor", BORN, people=Person.objects.none()) == []


def test_a_merged_record_is_never_proposed():
    kept = add_person("Amelia", "Okafor", BORN)
    merged = add_person("Amelia", "Okafor", BORN)
    Person.objects.filter(pk=merged.pk).update(merged_into=kept)
    assert [c.person for c in find_candidates("Amelia", "Okafor", BORN)] == [kept]


def test_nothing_to_look_for_finds_nobody():
    add_person("Amelia", "Okafor", BORN)
    assert find_candidates() == []


def test_someone_matching_on_nothing_but_a_postcode_is_not_proposed_for_a_named_child():
    add_person("Harry", "Ng", dt.date(1980, 1, 1), POSTCODE)
    assert find_candidates("Amelia", "Okafor", BORN, POSTCODE) == []
