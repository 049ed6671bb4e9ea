import pytest

from frontdoor.audit.models import Event
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.models import Contact, Decision
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

DECISION = {
    "outcome": "referral",
    "rationale": "Bruising and hunger: threshold for s17 assessment met.",
    "worries": "Unexplained bruises.",
    "working_well": "Attends school.",
    "needs_to_happen": "Single assessment.",
    "scaling": "3",
    "child_views_sought": "yes",
}


def _decide(contact, worker):
    client = client_for(worker)
    subject = contact.child_subjects().get()
    client.post(f"/contacts/{contact.pk}/subjects/{subject.pk}/link", {"person": "new"})
    client.post(f"/contacts/{contact.pk}/triage", {"rag": "amber", "level_of_need": "4"})
    response = client.post(f"/contacts/{contact.pk}/decision", DECISION)
    assert response.status_code == 302, response.content.decode()[:3000]
    return contact.decisions.get()


def test_referral_authorised_by_a_manager_opens_a_cin_episode_and_shows_in_chronology(persona):
    contact = make_contact()
    decision = _decide(contact, persona("social_worker"))
    manager = client_for(persona("team_manager"))
    response = manager.post(
        f"/contacts/{contact.pk}/decisions/{decision.pk}/authorise", {"agree": "yes"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED and contact.outcome == "referral"
    person = contact.child_subjects().get().person
    assert CINEpisode.objects.filter(person=person, closure_date__isnull=True).count() == 1
    kinds = set(ChronologyEvent.objects.filter(person=person).values_list("kind", flat=True))
    assert {"contact", "triage", "decision", "authorisation", "referral"} <= kinds
    page = manager.get(f"/people/{person.pk}/chronology").content.decode()
    assert "Decision authorised: Referral to children&#39;s social care" in page


def test_manager_cannot_authorise_their_own_decision(persona):
    contact = make_contact()
    manager = persona("team_manager")
    decision = _decide(contact, manager)
    response = client_for(manager).post(
        f"/contacts/{contact.pk}/decisions/{decision.pk}/authorise", {"agree": "yes"}
    )
    assert response.status_code == 400
    assert "another manager must authorise it" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == Decision.Status.AWAITING_AUTHORISATION


def test_disagreement_is_recorded_and_the_contact_returns_to_the_worker(persona):
    contact = make_contact()
    decision = _decide(contact, persona("social_worker"))
    client_for(persona("team_manager")).post(
        f"/contacts/{contact.pk}/decisions/{decision.pk}/authorise",
        {"agree": "no", "comment": "Needs a strategy discussion."},
    )
    decision.refresh_from_db()
    contact.refresh_from_db()
    assert decision.status == Decision.Status.RETURNED
    assert decision.manager_comment == "Needs a strategy discussion."
    assert contact.status == Contact.Status.AWAITING_DECISION


def test_referral_for_child_with_open_episode_is_passed_to_allocated_worker(persona):
    first = make_contact()
    d1 = _decide(first, persona("social_worker"))
    client_for(persona("team_manager")).post(
        f"/contacts/{first.pk}/decisions/{d1.pk}/authorise", {"agree": "yes"}
    )
    person = first.child_subjects().get().person
    second = make_contact()
    worker = client_for(persona("social_worker"))
    subject = second.child_subjects().get()
    worker.post(f"/contacts/{second.pk}/subjects/{subject.pk}/link", {"person": person.pk})
    worker.post(f"/contacts/{second.pk}/triage", {"rag": "green", "level_of_need": "3"})
    worker.post(f"/contacts/{second.pk}/decision", DECISION)
    d2 = second.decisions.get()
    client_for(persona("team_manager")).post(
        f"/contacts/{second.pk}/decisions/{d2.pk}/authorise", {"agree": "yes"}
    )
    second.refresh_from_db()
    assert second.status == Contact.Status.PASSED_TO_ALLOCATED_WORKER
    assert CINEpisode.objects.filter(person=person).count() == 1


def test_decision_screen_shows_errors_and_logs_the_read(persona):
    contact = make_contact()
    worker = persona("social_worker")
    client = client_for(worker)
    client.post(f"/contacts/{contact.pk}/triage", {"rag": "red", "level_of_need": "4"})
    response = client.post(f"/contacts/{contact.pk}/decision", {"outcome": "referral"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "Explain why this is the right decision." in page
    assert Event.objects.filter(action="view", contact_id=contact.pk, user=worker).exists()
    assert contact.decisions.count() == 0
