"""The person index actions: validated, audited, and written to a child's chronology."""

import datetime as dt

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.lib.errors import ActionError
from frontdoor.people.actions import (
    add_alias,
    add_relationship,
    add_to_household,
    create_person,
    record_address,
    update_person,
)
from frontdoor.people.models import Person, Relationship
from frontdoor.people.tests.helpers import POSTCODE, add_person

pytestmark = pytest.mark.django_db

BORN = dt.date(2016, 5, 10)


@pytest.fixture
def worker(persona):
    return persona("social_worker")


def test_creating_a_child_gives_an_la_child_id_audit_row_and_chronology_event(worker):
    child = create_person(
        worker,
        given_name=" Amelia ",
        family_name="Okafor",
        date_of_birth=BORN,
        nhs_number="999 000 0018",
        postcode="bs231uj",
        address="14 Orchard Street",
        town="Weston-super-Mare",
    )
    assert child.given_name == "Amelia" and child.nhs_number == "9990000018"
    assert child.la_child_id == f"FD{child.pk:07d}"
    assert child.current_residence().household.postcode == POSTCODE
    assert AuditEvent.objects.filter(person_id=child.pk, action="create", user=worker).exists()
    assert ChronologyEvent.objects.filter(person=child, kind="record").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"nhs_number": "9434765918"}, "nhs_number"),
        ({"upn": "A201123417001"}, "upn"),
        ({"la_child_id": "FD-1"}, "la_child_id"),
        ({"date_of_birth": dt.date(2999, 1, 1)}, "date_of_birth"),
        ({"kind": "unborn"}, "expected_date_of_birth"),
        (
            {
                "kind": "unborn",
                "date_of_birth": BORN,
                "expected_date_of_birth": dt.date(2030, 1, 1),
            },
            "date_of_birth",
        ),
        ({"disabilities": ["NONE", "HEAR"]}, "disabilities"),
        ({"ethnicity": "XXXX"}, "ethnicity"),
        ({"upn_unknown": "UN9"}, "upn_unknown"),
        ({"upn": "K201123417001", "upn_unknown": "UN2"}, "upn_unknown"),
    ],
)
def test_details_the_dfe_or_nhs_would_reject_are_refused(worker, fields, field):
    with pytest.raises(ActionError) as refused:
        create_person(worker, given_name="Amelia", family_name="Okafor", **fields)
    assert refused.value.field == field
    assert not Person.objects.exists()


def test_an_invalid_postcode_is_refused(worker):
    with pytest.raises(ActionError) as refused:
        create_person(worker, family_name="Okafor", postcode="QQ1 1AA", address="1 Road")
    assert refused.value.field == "postcode"


def test_a_upn_already_on_another_record_is_refused(worker):
    add_person("Amelia", "Okafor", BORN, upn="K201123417001")
    with pytest.raises(ActionError, match="already has this UPN"):
        create_person(worker, family_name="Jones", upn="k201123417001")


def test_updating_keeps_before_and_after_in_the_audit_row(worker):
    child = add_person("Amelia", "Okafor", BORN)
    update_person(child, worker, date_of_birth=dt.date(2016, 10, 5), sex="F")
    child.refresh_from_db()
    assert child.date_of_birth == dt.date(2016, 10, 5)
    row = AuditEvent.objects.filter(person_id=child.pk, action="update").get()
    assert row.changes["before"] == {"date_of_birth": "2016-05-10", "sex": "U"}
    assert row.changes["after"] == {"date_of_birth": "2016-10-05", "sex": "F"}
    assert ChronologyEvent.objects.filter(person=child, summary__startswith="Record changed")


def test_updating_with_nothing_new_writes_nothing(worker):
    child = add_person("Amelia", "Okafor", BORN)
    update_person(child, worker, given_name="Amelia")
    assert not AuditEvent.objects.filter(person_id=child.pk, action="update").exists()


def test_a_new_surname_keeps_the_old_one_as_an_alias_and_updates_search_keys(worker):
    child = add_person("Jayden", "Brown", BORN)
    update_person(child, worker, family_name="Clarke-Hall")
    child.refresh_from_db()
    assert child.search_family_name == "clarkehall"
    assert child.family_name_phonetic != child.family_name_last_phonetic
    alias = child.aliases.get()
    assert (alias.family_name, alias.note, alias.search_family_name) == (
        "Brown",
        "previous name",
        "brown",
    )


def test_fields_that_are_not_details_cannot_be_updated(worker):
    child = add_person("Amelia", "Okafor", BORN)
    with pytest.raises(ActionError, match="cannot be changed here: merged_into"):
        update_person(child, worker, merged_into=None)


def test_an_invalid_update_is_refused_and_nothing_changes(worker):
    child = add_person("Amelia", "Okafor", BORN)
    with pytest.raises(ActionError):
        update_person(child, worker, nhs_number="1234567890")
    child.refresh_from_db()
    assert child.nhs_number == ""


def test_an_alias_is_stored_with_search_keys_and_audited(worker):
    child = add_person("Amelia", "Okafor", BORN)
    alias = add_alias(child, worker, given_name="Millie", family_name="Smyth", note="known as")
    assert (alias.search_given_name, alias.search_family_name) == ("millie", "smyth")
    assert alias.family_name_phonetic == "SM0"
    assert AuditEvent.objects.filter(person_id=child.pk, record_type="alias").exists()
    with pytest.raises(ActionError, match="already recorded"):
        add_alias(child, worker, given_name="Millie", family_name="Smyth")
    with pytest.raises(ActionError, match="Enter a forename or a surname"):
        add_alias(child, worker)


def test_a_move_closes_the_previous_address_so_the_history_is_kept(worker):
    child = add_person("Amelia", "Okafor", BORN, POSTCODE)
    moved = record_address(
        child, worker, "2 New Road", "Weston-super-Mare", "bs22 6aa", dt.date(2024, 3, 1)
    )
    history = list(child.residences.order_by("pk"))
    assert [r.household.postcode for r in history] == [POSTCODE, "BS22 6AA"]
    assert history[0].end_date == dt.date(2024, 3, 1) and history[1] == moved
    assert child.current_residence() == moved
    assert ChronologyEvent.objects.filter(
        person=child, summary__startswith="Address changed"
    ).exists()


def test_a_move_dated_before_the_current_address_began_is_refused(worker):
    child = add_person("Amelia", "Okafor", BORN)
    record_address(child, worker, "2 New Road", "", "BS22 6AA", dt.date(2024, 3, 1))
    with pytest.raises(ActionError) as refused:
        record_address(child, worker, "3 Old Road", "", "BS23 1UJ", dt.date(2023, 1, 1))
    assert refused.value.field == "start_date"


def test_people_at_the_same_address_share_one_household(worker):
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    mum = add_person("Ngozi", "Okafor", dt.date(1988, 1, 1))
    residence = record_address(mum, worker, "14 orchard street", "", POSTCODE)
    assert residence.household == amelia.current_residence().household


def test_joining_a_household_moves_the_person_there(worker):
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    gran = add_person("Ada", "Okafor", dt.date(1960, 1, 1), "BS22 6AA", address="2 New Road")
    household = amelia.current_residence().household
    add_to_household(gran, household, worker, dt.date(2025, 1, 1))
    assert gran.current_residence().household == household
    with pytest.raises(ActionError, match="already live"):
        add_to_household(gran, household, worker)


def test_a_parent_is_recorded_with_the_reciprocal_child_link(worker):
    child = add_person("Amelia", "Okafor", BORN)
    mum = add_person("Ngozi", "Okafor", dt.date(1988, 1, 1))
    add_relationship(child, mum, Relationship.Kind.PARENT, worker)
    assert Relationship.objects.filter(person=child, other=mum, kind="parent").exists()
    assert Relationship.objects.filter(person=mum, other=child, kind="child").exists()
    assert AuditEvent.objects.filter(person_id=mum.pk, record_type="relationship").exists()
    assert ChronologyEvent.objects.filter(
        person=child, summary="Ngozi Okafor recorded as parent"
    ).exists()


def test_siblings_are_recorded_both_ways(worker):
    amelia = add_person("Amelia", "Okafor", BORN)
    grace = add_person("Grace", "Okafor", dt.date(2019, 2, 3))
    add_relationship(amelia, grace, Relationship.Kind.SIBLING, worker)
    assert Relationship.objects.filter(person=grace, other=amelia, kind="sibling").exists()


def test_a_significant_adult_is_recorded_one_way(worker):
    amelia = add_person("Amelia", "Okafor", BORN)
    coach = add_person("Sam", "Reid", dt.date(1990, 1, 1))
    add_relationship(amelia, coach, Relationship.Kind.SIGNIFICANT_ADULT, worker)
    assert not Relationship.objects.filter(person=coach).exists()


@pytest.mark.parametrize("problem", ["self", "younger parent", "twice", "circular", "kind"])
def test_impossible_relationships_are_refused(worker, problem):
    child = add_person("Amelia", "Okafor", BORN)
    mum = add_person("Ngozi", "Okafor", dt.date(1988, 1, 1))
    cases = {
        "self": (child, child, "sibling"),
        "younger parent": (mum, child, "parent"),
        "twice": (child, mum, "parent"),
        "circular": (mum, child, "parent"),
        "kind": (child, mum, "aunt"),
    }
    if problem in ("twice", "circular"):
        add_relationship(child, mum, "parent", worker)
    with pytest.raises(ActionError):
        add_relationship(*cases[problem][:2], cases[problem][2], worker)
