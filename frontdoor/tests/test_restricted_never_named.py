"""Meta-test: a record restricted to another team is never named on any page that shows the
people around a child (issue 18: a sibling's chronology said "… recorded as sibling").

One visible child is linked every way the service knows to one restricted child — sibling,
same household, the same contact, a ROTH network link — and every page that lists related
people is read as staff who may not open the restricted record. An administrator, who may,
sees the name: the check can fail.
"""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.accounts.models import Team
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.outside.actions.network import add_link
from frontdoor.people.actions import add_relationship
from frontdoor.people.models import Person, Relationship
from frontdoor.people.tests.helpers import add_person
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

SECRET = "Zephyrine"  # the restricted child's first name: in no other fixture
BORN = "date_of_birth-day=1&date_of_birth-month=2&date_of_birth-year=2018"


@pytest.fixture
def family(persona):
    visible = add_person("Amelia", "Okafor", dt.date(2016, 5, 10), postcode="BS23 1UJ")
    hidden = add_person(SECRET, "Okafor", dt.date(2018, 2, 1), postcode="BS23 1UJ")
    add_relationship(visible, hidden, Relationship.Kind.SIBLING, None)
    assert hidden.residences.get().household == visible.residences.get().household
    make_contact(
        subjects=[
            SubjectInput(
                role="child", given_name="Amelia", family_name="Okafor", person_id=visible.pk
            ),
        ]
    )
    make_contact(
        subjects=[
            SubjectInput(
                role="child", given_name="Amelia", family_name="Okafor", person_id=visible.pk
            ),
            SubjectInput(
                role="child", given_name=SECRET, family_name="Okafor", person_id=hidden.pk
            ),
        ]
    )
    add_link(
        visible,
        source="staff",
        seen_on=timezone.localdate(),
        confidence="confirmed",
        user=None,
        other=hidden,
        relation="sibling",
    )
    Person.objects.filter(pk=hidden.pk).update(
        restricted_to_team=Team.objects.create(name="Adoption")
    )
    return visible, hidden


def _pages(child: Person) -> list[str]:
    return [
        f"/people/{child.pk}/",
        f"/people/{child.pk}/chronology",
        "/people/?q=Okafor",
        f"/people/?q=Okafor&{BORN}",  # the restricted child's surname and birthday
        "/people/search.json?q=Okafor",
        f"/people/search.json?q=Okafor&{BORN}",
        "/contacts/",
        f"/casework/children/{child.pk}/",
        f"/outside/children/{child.pk}/",
        f"/outside/children/{child.pk}/network",
        f"/early-help/children/{child.pk}/",
    ]


@pytest.mark.parametrize("who", ["social_worker", "team_manager", "roth_worker", "early_help"])
def test_no_page_names_a_restricted_child_to_staff_who_may_not_open_it(persona, family, who):
    visible, hidden = family
    client = client_for(persona(who))
    read = 0
    for path in _pages(visible):
        response = client.get(path)
        if response.status_code == 404:  # a page this role does not use
            continue
        assert response.status_code == 200, (path, response.status_code)
        read += 1
        assert SECRET not in response.content.decode(), path
    assert read >= 4
    assert client.get(f"/people/{hidden.pk}/").status_code == 404


def test_an_administrator_who_may_open_it_sees_the_name(persona, family):
    visible, _ = family
    client = client_for(persona("administrator"))
    for path in (f"/people/{visible.pk}/", f"/people/{visible.pk}/chronology"):
        assert SECRET in client.get(path).content.decode(), path


def test_events_written_before_the_fix_get_the_person_they_name(family):
    from importlib import import_module

    from django.apps import apps

    from frontdoor.chronology.models import Event

    visible, hidden = family
    Event.objects.update(about=None)  # as the rows were before chronology 0006
    migration = import_module(
        "frontdoor.chronology.migrations.0006_name_the_other_person_of_relationship_events"
    )
    migration.name_the_other_person(apps, None)
    named = Event.objects.get(person=visible, summary=f"{SECRET} Okafor recorded as sibling")
    assert named.about == hidden
    assert Event.objects.filter(about__isnull=False).count() == 2  # and Amelia in hers
