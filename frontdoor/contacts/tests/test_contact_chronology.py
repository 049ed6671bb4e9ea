import pytest
from django.utils import timezone

from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.chronology.models import Kind
from frontdoor.contacts import actions
from frontdoor.test import client_for, make_contact, sample_contact_input

pytestmark = pytest.mark.django_db


def test_the_contact_in_a_childs_chronology_names_who_recorded_it_not_who_linked_the_child(
    persona,
):
    officer = persona("contact_officer")
    contact = actions.receive_contact(
        sample_contact_input(), channel="phone", actor=officer, received_at=timezone.now()
    )
    subject = contact.child_subjects().get()
    worker = client_for(persona("social_worker"))
    worker.post(f"/contacts/{contact.pk}/subjects/{subject.pk}/link", {"person": "new"})
    subject.refresh_from_db()
    event = ChronologyEvent.objects.get(person=subject.person, kind=Kind.CONTACT)
    assert event.actor == officer
    page = worker.get(f"/people/{subject.person.pk}/chronology").content.decode()
    assert "Social Worker" not in page.split("Contact " + contact.reference)[1].split("</tr>")[0]


def test_an_online_contact_in_a_childs_chronology_is_shown_as_from_the_online_form(persona):
    contact = make_contact()  # no member of staff recorded it
    subject = contact.child_subjects().get()
    client_for(persona("social_worker")).post(
        f"/contacts/{contact.pk}/subjects/{subject.pk}/link", {"person": "new"}
    )
    subject.refresh_from_db()
    assert ChronologyEvent.objects.get(person=subject.person, kind=Kind.CONTACT).actor is None


def test_a_contacts_access_log_names_roles_in_plain_english_and_links_back(persona):
    contact = make_contact()
    client_for(persona("social_worker")).get(f"/contacts/{contact.pk}/")
    page = client_for(persona("qa_auditor")).get(f"/contacts/{contact.pk}/access-log")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Social worker" in text and ">social_worker<" not in text
    assert "Viewed: Viewed" not in text
    assert f'href="/contacts/{contact.pk}/"' in text
