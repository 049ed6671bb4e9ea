"""The child's record: details, addresses, names, family, episodes, contacts and warnings."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.accounts.models import Team
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import open_cin_episode
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Contact
from frontdoor.people.actions import add_alias, add_relationship, record_address
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def amelia():
    return add_person(
        "Amelia",
        "Okafor",
        dt.date(2016, 5, 10),
        POSTCODE,
        nhs_number="9990000018",
        upn="K201123417001",
        disabilities=["HEAR"],
    )


def _contact_about(person, outcome="", days_ago=10):
    child = SubjectInput(
        role="child",
        given_name=person.given_name,
        family_name=person.family_name,
        person_id=person.pk,
    )
    contact = make_contact(
        received_at=timezone.now() - dt.timedelta(days=days_ago), subjects=[child]
    )
    if outcome:
        Contact.objects.filter(pk=contact.pk).update(outcome=outcome, status="decided")
    return contact


def _page(user, person):
    return client_for(user).get(f"/people/{person.pk}/")


def test_a_social_worker_sees_the_childs_details(persona, amelia):
    response = _page(persona("social_worker"), amelia)
    text = response.content.decode()
    assert response.status_code == 200
    for shown in (
        "Amelia Okafor",
        "10 May 2016",
        "999 000 0018",
        "K201123417001",
        amelia.la_child_id,
        "Hearing",
        "14 Orchard Street",
        POSTCODE,
    ):
        assert shown in text, shown
    assert f'href="/people/{amelia.pk}/chronology"' in text
    assert "access-log" not in text


def test_viewing_a_record_writes_an_access_log_row(persona, amelia):
    worker = persona("social_worker")
    _page(worker, amelia)
    row = AuditEvent.objects.filter(action="view", user=worker).first()
    assert row.person_id == amelia.pk and row.role == "social_worker"
    assert row.path == f"/people/{amelia.pk}/"


def test_the_address_history_aliases_and_family_are_shown_with_links(persona, amelia):
    worker = persona("social_worker")
    record_address(
        amelia, worker, "2 New Road", "Weston-super-Mare", "BS22 6AA", dt.date(2024, 3, 1)
    )
    add_alias(amelia, worker, given_name="Amelia", family_name="Smith", note="previous surname")
    mum = add_person("Ngozi", "Okafor", dt.date(1988, 1, 1), "BS22 6AA", address="2 New Road")
    add_relationship(amelia, mum, "parent", worker)
    text = _page(worker, amelia).content.decode()
    assert "2 New Road" in text and "since 1 March 2024" in text
    assert "Address history" in text and "1 March 2024" in text
    assert "Amelia Smith (previous surname)" in text
    assert f'href="/people/{mum.pk}/"' in text and "Parent" in text
    assert "Others living at the current address" in text


def test_a_restricted_relative_is_not_named(persona, amelia):
    worker = persona("social_worker")
    dad = add_person(
        "Tom",
        "Okafor",
        dt.date(1985, 1, 1),
        restricted_to_team=Team.objects.create(name="Adoption"),
    )
    add_relationship(amelia, dad, "parent", worker)
    text = _page(worker, amelia).content.decode()
    assert "A restricted record" in text and "Tom Okafor" not in text


def test_contacts_referrals_and_open_episodes_are_listed(persona, amelia):
    worker = persona("social_worker")
    earlier = _contact_about(amelia, outcome="information_advice", days_ago=60)
    referral = _contact_about(amelia, days_ago=20)
    open_cin_episode(
        amelia, contact=referral, referral_date=referral.received_date, source="2A", user=worker
    )
    text = _page(worker, amelia).content.decode()
    assert f'href="/contacts/{earlier.pk}/"' in text and "Information and advice" in text
    assert "2 contacts and 1 referral in the last 12 months" in text
    assert "Open episodes" in text and "No open episode" not in text


def test_repeated_contacts_that_went_nowhere_raise_the_cumulative_concern_warning(persona, amelia):
    for days_ago in (30, 60, 90):
        _contact_about(amelia, outcome="nfa", days_ago=days_ago)
    text = _page(persona("social_worker"), amelia).content.decode()
    assert "govuk-warning-text" in text and "Cumulative concern: 3 contacts" in text


def test_no_warning_without_a_pattern(persona, amelia):
    _contact_about(amelia, outcome="nfa")
    assert "Cumulative concern" not in _page(persona("social_worker"), amelia).content.decode()


def test_an_unborn_child_shows_the_expected_date(persona):
    unborn = add_person("", "Okafor", kind="unborn", expected_date_of_birth=dt.date(2030, 3, 1))
    text = _page(persona("social_worker"), unborn).content.decode()
    assert "Expected date of birth" in text and "1 March 2030" in text


def test_auditors_see_the_link_to_the_access_log(persona, amelia):
    assert (
        f"/people/{amelia.pk}/access-log" in _page(persona("qa_auditor"), amelia).content.decode()
    )


def test_anonymous_users_are_sent_to_sign_in(client, amelia):
    assert client.get(f"/people/{amelia.pk}/").url.startswith("/sign-in")


def test_a_partner_gets_404_on_a_childs_record(persona, amelia):
    assert _page(persona("police_partner"), amelia).status_code == 404


def test_the_record_only_answers_get(persona, amelia):
    assert client_for(persona("social_worker")).post(f"/people/{amelia.pk}/").status_code == 405


def test_a_missing_record_is_404(persona):
    assert client_for(persona("social_worker")).get("/people/999999/").status_code == 404


def test_a_record_restricted_to_a_team_opens_only_for_that_team(persona, amelia):
    other_team = persona("other_team_worker")
    amelia.restricted_to_team = other_team.team
    amelia.save()
    assert _page(persona("social_worker"), amelia).status_code == 404
    assert _page(other_team, amelia).status_code == 200
    assert _page(persona("administrator"), amelia).status_code == 200
    assert not AuditEvent.objects.filter(user__username="social_worker", action="view").exists()


def test_a_record_restricted_to_the_front_door_is_hidden_from_other_teams(persona, amelia):
    worker = persona("social_worker")
    amelia.restricted_to_team = worker.team
    amelia.save()
    assert _page(worker, amelia).status_code == 200
    assert _page(persona("other_team_worker"), amelia).status_code == 404


def test_the_access_log_is_for_auditors_and_administrators(persona, amelia):
    worker = persona("social_worker")
    _page(worker, amelia)
    url = f"/people/{amelia.pk}/access-log"
    assert client_for(worker).get(url).status_code == 404
    assert client_for(persona("team_manager")).get(url).status_code == 404
    response = client_for(persona("qa_auditor")).get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Social Worker Persona" in text and "Social worker" in text
    assert "Viewed record" in text and f"/people/{amelia.pk}/" in text
    assert client_for(persona("administrator")).get(url).status_code == 200


def test_reading_the_access_log_is_itself_logged(persona, amelia):
    auditor = persona("qa_auditor")
    client_for(auditor).get(f"/people/{amelia.pk}/access-log")
    row = AuditEvent.objects.filter(user=auditor, action="view").get()
    assert row.person_id == amelia.pk and row.summary == "Viewed access log"


def test_the_access_log_of_a_restricted_record_is_404_for_an_auditor_of_another_team(
    persona, amelia
):
    amelia.restricted_to_team = Team.objects.create(name="Adoption")
    amelia.save()
    assert (
        client_for(persona("qa_auditor")).get(f"/people/{amelia.pk}/access-log").status_code == 404
    )
