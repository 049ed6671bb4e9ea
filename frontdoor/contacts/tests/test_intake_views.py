import datetime as dt

import pytest
from django.test import Client, override_settings

from frontdoor.contacts.models import Consultation, Contact
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

PUBLIC_FORM = {
    "source": "1B",
    "referrer_name": "A Neighbour",
    "child_given_name": "Leo",
    "child_family_name": "Nowak",
    "child_date_of_birth-day": "3",
    "child_date_of_birth-month": "9",
    "child_date_of_birth-year": "2018",
    "child_postcode": "bs23 1uj",
    "worry": "I hear shouting every night and Leo is often outside late.",
    "immediate_danger": "no",
    "consent": "given",
}


def test_public_form_records_a_contact_and_shows_its_reference():
    client = Client()
    response = client.post("/request-support/public", PUBLIC_FORM)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.channel == "online_public" and contact.source == "1B"
    subject = contact.child_subjects().get()
    assert subject.postcode == "BS23 1UJ" and subject.date_of_birth == dt.date(2018, 9, 3)
    page = client.get(response.url).content.decode()
    assert contact.reference in page


def test_public_form_with_a_future_date_of_birth_shows_an_error_and_stores_nothing():
    future = dt.date.today().year + 1
    data = {**PUBLIC_FORM, "child_date_of_birth-year": str(future)}
    response = Client().post("/request-support/public", data)
    page = response.content.decode()
    assert "There is a problem" in page and "Date of birth must be in the past" in page
    assert 'href="#child_date_of_birth-day"' in page
    assert Contact.objects.count() == 0


def test_professional_form_needs_name_organisation_and_a_way_to_reach_them():
    data = {**PUBLIC_FORM, "source": "2A", "referrer_name": ""}
    page = Client().post("/request-support/professional", data).content.decode()
    assert "Enter your name." in page and "Enter your organisation." in page
    assert "Give a phone number or email" in page
    assert Contact.objects.count() == 0


def test_honeypot_submission_looks_accepted_but_stores_nothing():
    response = Client().post("/request-support/public", {**PUBLIC_FORM, "website": "spam.example"})
    assert response.status_code == 302
    assert Contact.objects.count() == 0


@override_settings(FRONTDOOR_PUBLIC_FORM_RATE_LIMIT=2)
def test_public_form_is_rate_limited_per_client():
    client = Client()
    for _ in range(2):
        client.post("/request-support/public", PUBLIC_FORM)
    response = client.post("/request-support/public", PUBLIC_FORM)
    assert response.status_code == 429
    assert Contact.objects.count() == 2


def test_unknown_form_kind_is_404():
    assert Client().get("/request-support/other").status_code == 404


STAFF_FORM = {
    **PUBLIC_FORM,
    "channel": "phone",
    "source": "6",
    "consent": "not_sought",
    "consent_reason": "Telling the father could put the child at risk.",
    "is_domestic_abuse": "on",
    "child_nhs_number": "943 476 5919",
}


def test_contact_officer_records_a_phone_contact(persona):
    client = client_for(persona("contact_officer"))
    response = client.post("/contacts/new", STAFF_FORM)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.is_domestic_abuse and contact.consent == "not_sought"
    assert contact.child_subjects().get().nhs_number == "9434765919"
    assert contact.reference in client.get("/contacts/").content.decode()


def test_staff_form_rejects_a_bad_nhs_number(persona):
    client = client_for(persona("contact_officer"))
    page = client.post("/contacts/new", {**STAFF_FORM, "child_nhs_number": "9434765918"})
    assert "Enter a valid 10-digit NHS number" in page.content.decode()
    assert Contact.objects.count() == 0


def test_consent_not_sought_needs_a_reason(persona):
    client = client_for(persona("contact_officer"))
    page = client.post("/contacts/new", {**STAFF_FORM, "consent_reason": ""}).content.decode()
    assert "Say why consent was not sought or was refused." in page
    assert Contact.objects.count() == 0


def test_consultation_is_counted_separately_and_can_become_a_contact(persona):
    client = client_for(persona("social_worker"))
    client.post(
        "/consultations/new",
        {
            "professional_name": "Dr Rao",
            "summary": "A child with unexplained weight loss",
            "advice": "Refer if the family will not engage.",
        },
    )
    consultation = Consultation.objects.get()
    assert Contact.objects.count() == 0
    assert "Turn into a contact" in client.get("/consultations/").content.decode()
    response = client.post(
        f"/contacts/new?consultation={consultation.pk}",
        {**STAFF_FORM, "consultation": consultation.pk},
    )
    assert response.status_code == 302
    assert Contact.objects.get().from_consultation == consultation


def test_queue_is_404_for_a_partner_and_405_for_post(persona):
    assert client_for(persona("police_partner")).get("/contacts/").status_code == 404
    assert client_for(persona("social_worker")).post("/contacts/").status_code == 405
