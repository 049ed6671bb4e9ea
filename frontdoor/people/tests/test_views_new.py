"""Adding a person: a GOV.UK form with an error summary and a check for an existing record."""

import datetime as dt

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.people.models import Person
from frontdoor.people.tests.helpers import add_person
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "child",
    "given_name": "Amelia",
    "family_name": "Okafor",
    "date_of_birth-day": "10",
    "date_of_birth-month": "5",
    "date_of_birth-year": "2016",
    "sex": "F",
    "ethnicity": "",
    "nhs_number": "999 000 0018",
    "upn": "",
    "line1": "14 Orchard Street",
    "town": "Weston-super-Mare",
    "postcode": "bs23 1uj",
}


def test_a_contact_officer_adds_a_child_and_lands_on_the_record(persona):
    officer = persona("contact_officer")
    response = client_for(officer).post("/people/new", FORM)
    person = Person.objects.get()
    assert response.status_code == 302 and response.url == f"/people/{person.pk}/"
    assert (person.date_of_birth, person.nhs_number, person.sex) == (
        dt.date(2016, 5, 10),
        "9990000018",
        "F",
    )
    assert person.ethnicity == "NOBT"
    assert person.current_residence().household.postcode == "BS23 1UJ"
    assert AuditEvent.objects.filter(person_id=person.pk, action="create", user=officer).exists()
    client = client_for(officer)
    response = client.post(
        "/people/new", FORM | {"nhs_number": "", "given_name": "Ada", "confirm_new": "on"}
    )
    page = client.get(response.url).content.decode()
    assert "Ada Okafor has been added." in page


def test_the_form_shows_each_error_beside_its_field_and_in_the_summary(persona):
    data = FORM | {"family_name": "", "nhs_number": "1234567890", "date_of_birth-day": "40"}
    response = client_for(persona("social_worker")).post("/people/new", data)
    text = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in text
    for message in (
        "Enter their last name.",
        "Enter a valid 10-digit NHS number",
        "Enter a real date",
    ):
        assert text.count(message) == 2, message  # in the summary and beside the field
    assert not Person.objects.exists()


def test_an_unborn_child_needs_an_expected_date(persona):
    data = FORM | {
        "kind": "unborn",
        "date_of_birth-day": "",
        "date_of_birth-month": "",
        "date_of_birth-year": "",
    }
    response = client_for(persona("social_worker")).post("/people/new", data)
    assert response.status_code == 400
    assert "Enter the expected date of birth." in response.content.decode()


def test_a_possible_existing_record_is_shown_before_a_second_is_made(persona):
    existing = add_person("Amelia", "Okafor", dt.date(2016, 5, 10))
    client = client_for(persona("social_worker"))
    response = client.post("/people/new", FORM | {"given_name": "Millie"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "This person may already be in the index" in text
    assert f'href="/people/{existing.pk}/"' in text
    assert Person.objects.count() == 1
    response = client.post("/people/new", FORM | {"given_name": "Millie", "confirm_new": "on"})
    assert response.status_code == 302 and Person.objects.count() == 2


def test_the_add_page_opens_for_the_front_door_only(persona, client):
    assert client_for(persona("social_worker")).get("/people/new").status_code == 200
    assert client_for(persona("analyst")).get("/people/new").status_code == 404
    assert client_for(persona("police_partner")).get("/people/new").status_code == 404
    assert client.get("/people/new").url.startswith("/sign-in")
    assert client_for(persona("social_worker")).put("/people/new").status_code == 405
