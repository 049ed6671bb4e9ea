"""Merging two records of one child moves all history; unmerging puts everything back exactly."""

import datetime as dt
import json
from typing import Any

import pytest
from django.apps import apps
from django.core import serializers

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import open_cin_episode
from frontdoor.casework.models import CINEpisode
from frontdoor.contacts.actions import link_subject
from frontdoor.lib.errors import ActionError
from frontdoor.people.actions import add_alias, add_relationship, record_address, update_person
from frontdoor.people.merging import merge_people, person_references, unmerge
from frontdoor.people.models import Alias, Merge, Person, Relationship, Residence
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import make_contact, make_persona

pytestmark = pytest.mark.django_db


def _dump() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, as the serializer writes it (audit and merges aside)."""
    dump = {}
    for model in apps.get_models():
        if model in (AuditEvent, Merge):
            continue
        rows = model._base_manager.order_by("pk")
        dump[model._meta.label_lower] = json.loads(serializers.serialize("json", rows))
    return dump


def _audit() -> list[dict[str, Any]]:
    return json.loads(serializers.serialize("json", AuditEvent.objects.order_by("pk")))


@pytest.fixture
def manager():
    return make_persona("team_manager")


@pytest.fixture
def two_records(manager):
    """One child recorded twice, each record with its own history, and their mother."""
    mum = add_person("Grace", "Okafor", dt.date(1990, 1, 2), POSTCODE, kind="adult")
    first = add_person("Amelia", "Okafor", dt.date(2016, 5, 10), POSTCODE)
    second = add_person("Millie", "Okafer", dt.date(2016, 10, 5), "BS22 6AA", address="2 Hill Road")
    for child in (first, second):
        add_relationship(child, mum, Relationship.Kind.PARENT, manager)
    add_alias(second, manager, "Amelia", "Smith", note="previous surname")
    update_person(second, manager, nhs_number="9434765919")
    for child in (first, second):
        contact = make_contact()
        link_subject(contact.subjects.get(role="child"), child, manager)
    contact = make_contact()
    link_subject(contact.subjects.get(role="child"), second, manager)
    open_cin_episode(
        second, contact=contact, referral_date=dt.date(2024, 1, 5), source="1B", user=manager
    )
    record_address(second, manager, "3 Pier Street", "Weston", "BS23 2AA", dt.date(2024, 2, 1))
    return {"mum": mum, "first": first, "second": second}


def test_every_foreign_key_to_person_is_found_so_new_apps_are_covered():
    found = {f"{f.model._meta.label_lower}.{f.name}" for f in person_references()}
    assert {
        "contacts.contactsubject.person",
        "casework.cinepisode.person",
        "chronology.event.person",
        "people.relationship.person",
        "people.relationship.other",
        "people.residence.person",
        "people.alias.person",
        "people.person.merged_into",
    } <= found
    assert not any(name.startswith(("people.duplicatepair", "people.merge")) for name in found)


def test_a_merge_moves_all_history_to_the_survivor_and_leaves_a_tombstone(two_records, manager):
    first, second, mum = two_records["first"], two_records["second"], two_records["mum"]
    contacts = set(second.contact_subjects.values_list("contact_id", flat=True))
    events = set(second.events.values_list("pk", flat=True))

    merge_people(first, second, manager, take_from_merged={"nhs_number", "address"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert second.merged_into == first
    assert first.nhs_number == "9434765919" and first.given_name == "Amelia"
    assert contacts <= set(first.contact_subjects.values_list("contact_id", flat=True))
    assert not second.contact_subjects.exists()
    assert events <= set(first.events.values_list("pk", flat=True))
    assert CINEpisode.objects.get().person == first
    assert first.current_residence().household.postcode == "BS23 2AA"
    assert Residence.objects.filter(person=first, end_date__isnull=True).count() == 1
    assert set(Alias.objects.filter(person=first).values_list("family_name", flat=True)) >= {
        "Smith",
        "Okafer",
    }
    # The mother is linked once, not twice, and nobody is related to themselves.
    assert Relationship.objects.filter(person=first, other=mum).count() == 1
    assert Relationship.objects.filter(other=mum).count() == 1
    assert not Relationship.objects.filter(person=second).exists()
    summaries = list(
        AuditEvent.objects.filter(person_id=first.pk).values_list("summary", flat=True)
    )
    assert any(s.startswith(f"Merged record {second.pk} into this record") for s in summaries)


def test_merge_then_unmerge_leaves_both_records_their_contacts_and_audit_as_before(
    two_records, manager
):
    before, audit_before = _dump(), _audit()

    merge = merge_people(
        two_records["first"],
        two_records["second"],
        manager,
        take_from_merged={"given_name", "nhs_number", "date_of_birth", "address"},
    )
    assert _dump() != before
    unmerge(merge, manager)

    assert _dump() == before
    audit_after = _audit()
    assert audit_after[: len(audit_before)] == audit_before
    new = [row["fields"]["summary"] for row in audit_after[len(audit_before) :]]
    assert len(new) == 4 and sum("undone" in s for s in new) == 2
    assert Merge.objects.get().is_undone


def test_a_merge_cannot_be_undone_twice(two_records, manager):
    merge = merge_people(two_records["first"], two_records["second"], manager)
    unmerge(merge, manager)
    with pytest.raises(ActionError, match="already been undone"):
        unmerge(merge, manager)


def test_a_tombstone_cannot_be_merged_again(two_records, manager):
    merge_people(two_records["first"], two_records["second"], manager)
    with pytest.raises(ActionError, match="already been merged"):
        merge_people(two_records["mum"], two_records["second"], manager)


def test_two_open_child_in_need_episodes_stop_a_merge(two_records, manager):
    first = two_records["first"]
    contact = make_contact()
    open_cin_episode(
        first, contact=contact, referral_date=dt.date(2024, 3, 1), source="1B", user=manager
    )
    with pytest.raises(ActionError, match="open child in need episode"):
        merge_people(first, two_records["second"], manager)
    assert Person.objects.get(pk=two_records["second"].pk).merged_into is None


def test_the_survivor_may_take_the_merged_records_la_child_id(two_records, manager):
    first, second = two_records["first"], two_records["second"]
    old_id = second.la_child_id
    merge = merge_people(first, second, manager, take_from_merged={"la_child_id"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.la_child_id == old_id and second.la_child_id == ""
    unmerge(merge, manager)
    second.refresh_from_db()
    assert second.la_child_id == old_id


def test_an_edit_made_after_the_merge_survives_the_unmerge(two_records, manager):
    first, second = two_records["first"], two_records["second"]
    merge = merge_people(first, second, manager)
    update_person(Person.objects.get(pk=first.pk), manager, upn="K201123417001")
    unmerge(merge, manager)
    assert Person.objects.get(pk=first.pk).upn == "K201123417001"
