"""A child's chronology: every event newest first, filtered by kind and dates, without JS."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.people.tests.helpers import add_person
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 10, 30, tzinfo=LONDON)


@pytest.fixture
def child(persona):
    worker = persona("social_worker")
    person = add_person("Amelia", "Okafor", dt.date(2016, 5, 10))
    contact = make_contact(
        received_at=at(2025, 2, 3),
        subjects=[
            SubjectInput(
                role="child", given_name="Amelia", family_name="Okafor", person_id=person.pk
            )
        ],
    )
    add_event(
        person,
        Kind.TRIAGE,
        "Triaged Amber",
        at(2025, 2, 4),
        contact=contact,
        actor=worker,
        detail="Bruising seen at school.",
    )
    add_event(
        person,
        Kind.DECISION,
        "Decision recommended: Early help",
        at(2025, 3, 1),
        contact=contact,
        actor=worker,
    )
    person.contact = contact
    return person


def _page(client, person, **filters):
    return client.get(f"/people/{person.pk}/chronology", filters)


def _order(text: str, *summaries: str) -> list[int]:
    return [text.index(s) for s in summaries]


def test_every_event_is_shown_newest_first_with_kind_who_and_contact(persona, child):
    response = _page(client_for(persona("social_worker")), child)
    text = response.content.decode()
    assert response.status_code == 200
    # The record was created today; the contact, triage and decision happened in 2025.
    positions = _order(
        text,
        "Record created",
        "Decision recommended: Early help",
        "Triaged Amber",
        f"Contact {child.contact.reference} from",
    )
    assert positions == sorted(positions)
    assert "govuk-tag" in text and ">\n  Triage\n</strong>" in text
    assert "Social Worker Persona" in text
    assert f'href="/contacts/{child.contact.pk}/"' in text
    assert "Bruising seen at school." in text


def test_events_can_be_filtered_by_kind(persona, child):
    text = _page(client_for(persona("social_worker")), child, kind="triage").content.decode()
    assert "Triaged Amber" in text
    assert "Decision recommended" not in text and "Record created" not in text
    assert "1 event, newest first" in text
    assert '<option value="triage" selected' in text


def test_events_can_be_filtered_by_date_range(persona, child):
    text = _page(
        client_for(persona("social_worker")),
        child,
        **{
            "since-day": "1",
            "since-month": "2",
            "since-year": "2025",
            "until-day": "28",
            "until-month": "2",
            "until-year": "2025",
        },
    ).content.decode()
    assert "Triaged Amber" in text and "Contact " in text
    assert "Decision recommended" not in text


def test_an_end_date_before_the_start_date_is_an_error(persona, child):
    response = _page(
        client_for(persona("social_worker")),
        child,
        **{
            "since-day": "1",
            "since-month": "3",
            "since-year": "2025",
            "until-day": "1",
            "until-month": "2",
            "until-year": "2025",
        },
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_an_unknown_kind_is_an_error_not_a_crash(persona, child):
    assert _page(client_for(persona("social_worker")), child, kind="nonsense").status_code == 400


def test_reading_the_chronology_is_logged(persona, child):
    worker = persona("social_worker")
    _page(client_for(worker), child)
    row = AuditEvent.objects.filter(user=worker, action="view").get()
    assert row.person_id == child.pk and row.summary == "Viewed chronology"


def test_anonymous_users_are_sent_to_sign_in(client, child):
    assert _page(client, child).url.startswith("/sign-in")


def test_a_partner_gets_404(persona, child):
    assert _page(client_for(persona("health_partner")), child).status_code == 404


def test_the_chronology_only_answers_get(persona, child):
    url = f"/people/{child.pk}/chronology"
    assert client_for(persona("social_worker")).post(url).status_code == 405
