"""Matching at intake: every route's contact has its subjects matched against the person index
in receive_contact(), and the candidates are kept with the contact (architecture.md, step 1)."""

import datetime as dt
from unittest import mock

import pytest

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency, Team
from frontdoor.contacts import actions
from frontdoor.contacts.models import Contact, SubjectCandidate
from frontdoor.lib.errors import ActionError
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db


def _amelia(user, **fields):
    return create_person(
        user,
        kind=Person.Kind.CHILD,
        given_name="Amelia",
        family_name="Okafor",
        date_of_birth=dt.date(2016, 5, 10),
        sex="F",
        postcode="BS23 1UJ",
        **fields,
    )


def test_a_contact_about_a_known_child_arrives_with_the_child_as_its_best_candidate(persona):
    amelia = _amelia(persona("social_worker"))
    contact = make_contact()
    subject = contact.child_subjects().get()
    best = SubjectCandidate.objects.filter(subject=subject).order_by("rank").first()
    assert best is not None and best.person == amelia
    assert best.band == "suggest" and best.probability > 0.9
    assert "same date of birth" in best.evidence
    assert subject.matched_at is not None


def test_a_contact_about_nobody_known_is_matched_and_keeps_no_candidates(persona):
    contact = make_contact()
    subject = contact.child_subjects().get()
    assert subject.matched_at is not None
    assert not SubjectCandidate.objects.filter(subject=subject).exists()


def test_the_candidates_commit_with_the_contact_or_not_at_all(persona):
    _amelia(persona("social_worker"))
    with (
        mock.patch(
            "frontdoor.contacts.actions.intake.record_change", side_effect=RuntimeError("disk")
        ),
        pytest.raises(RuntimeError),
    ):
        make_contact()
    assert not Contact.objects.exists()
    assert not SubjectCandidate.objects.exists()


def test_the_contact_page_shows_the_candidates_kept_at_intake(persona):
    worker = persona("social_worker")
    amelia = _amelia(worker)
    contact = make_contact()
    page = client_for(worker).get(f"/contacts/{contact.pk}/").content.decode()
    assert "Possible matches for Amelia Okafor" in page
    assert f"/people/{amelia.pk}/" in page
    assert "Likely the same" in page


def test_a_candidate_restricted_to_another_team_is_never_shown_or_named(persona):
    worker = persona("social_worker")
    _amelia(worker, restricted_to_team=Team.objects.create(name="Adoption"))
    contact = make_contact()
    assert SubjectCandidate.objects.filter(subject__contact=contact).count() == 1
    page = client_for(worker).get(f"/contacts/{contact.pk}/").content.decode()
    assert "Possible matches" not in page
    assert "No one in the person index matched" in page


def test_looking_again_finds_a_record_added_since_the_contact_arrived(persona):
    worker = persona("social_worker")
    contact = make_contact()
    subject = contact.child_subjects().get()
    amelia = _amelia(worker)
    response = client_for(worker).post(
        f"/contacts/{contact.pk}/subjects/{subject.pk}/match", follow=True
    )
    assert f"/people/{amelia.pk}/" in response.content.decode()
    assert SubjectCandidate.objects.get(subject=subject).person == amelia


def test_looking_again_is_refused_once_the_subject_is_linked(persona):
    worker = persona("social_worker")
    contact = make_contact()
    subject = contact.child_subjects().get()
    actions.create_person_for_subject(subject, worker)
    subject.refresh_from_db()
    with pytest.raises(ActionError, match="already linked"):
        actions.match_subject(subject, worker)


def test_a_partner_systems_contact_is_matched_at_intake(persona, client):
    from frontdoor.contacts.schemas import EXAMPLE

    known = EXAMPLE["children"][0]
    person = create_person(
        persona("social_worker"),
        kind=Person.Kind.CHILD,
        given_name=known["given_name"],
        family_name=known["family_name"],
        date_of_birth=dt.date.fromisoformat(known["date_of_birth"]),
        postcode=known.get("postcode", ""),
    )
    token = issue_api_token(Agency.objects.get(slug="police"))
    response = client.post(
        "/api/v1/contacts",
        EXAMPLE,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "k-1"},
    )
    assert response.status_code == 201, response.content
    best = SubjectCandidate.objects.filter(subject__contact__channel="api").order_by("rank")[0]
    assert best.person == person
