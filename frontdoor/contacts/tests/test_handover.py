import datetime as dt

import pytest
from django.test import Client

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.chronology.models import Kind
from frontdoor.contacts.actions import create_person_for_subject
from frontdoor.contacts.handover import (
    HandoverInput,
    accept_handover_item,
    add_handover_item,
    complete_handover_item,
    receive_out_of_hours_contact,
    record_handover_items,
)
from frontdoor.contacts.models import Contact, HandoverItem
from frontdoor.contacts.tests.test_intake_views import STAFF_FORM
from frontdoor.lib.errors import ActionError
from frontdoor.test import client_for, make_contact, sample_contact_input

pytestmark = pytest.mark.django_db

NIGHT = dt.datetime(2025, 3, 8, 23, 30, tzinfo=dt.UTC)
MORNING = dt.datetime(2025, 3, 10, 8, 45, tzinfo=dt.UTC)

OUT_OF_HOURS_FORM = {
    **STAFF_FORM,
    "channel": "out_of_hours",
    "handover_done_overnight": "Police attended; Leo is staying with his grandmother tonight.",
    "handover_needs_doing": "Ring the school before 9am\n\n  Check the grandmother's address  \n",
}


@pytest.fixture
def persona(persona):
    """Each persona made once: remaking one resets its password and signs its clients out."""
    made = {}

    def get(name):
        if name not in made:
            made[name] = persona(name)
        return made[name]

    return get


def out_of_hours_contact(persona, *items: str) -> Contact:
    return receive_out_of_hours_contact(
        sample_contact_input(),
        [HandoverInput(needs_doing=text, done_overnight="Visited at 23:00") for text in items],
        actor=persona("social_worker"),
        received_at=NIGHT,
    )


def test_out_of_hours_contact_is_saved_with_one_handover_action_per_line(persona):
    client = client_for(persona("social_worker"))
    response = client.post("/contacts/new", OUT_OF_HOURS_FORM)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.channel == "out_of_hours"
    items = list(contact.handover_items.order_by("pk"))
    assert [i.needs_doing for i in items] == [
        "Ring the school before 9am",
        "Check the grandmother's address",
    ]
    assert all(i.done_overnight.startswith("Police attended") for i in items)
    assert all(i.recorded_by == persona("social_worker") for i in items)
    page = client.get(response.url).content.decode()
    assert "Out-of-hours handover" in page and "Ring the school before 9am" in page


def test_out_of_hours_contact_without_a_handover_action_is_refused(persona):
    client = client_for(persona("social_worker"))
    data = {**OUT_OF_HOURS_FORM, "handover_needs_doing": "  \n "}
    response = client.post("/contacts/new", data)
    page = response.content.decode()
    assert "Say what the day team needs to do" in page
    assert 'href="#handover_needs_doing"' in page
    assert Contact.objects.count() == 0


def test_handover_fields_are_ignored_for_a_daytime_phone_contact(persona):
    client = client_for(persona("contact_officer"))
    response = client.post("/contacts/new", {**OUT_OF_HOURS_FORM, "channel": "phone"})
    assert response.status_code == 302
    assert Contact.objects.get().channel == "phone"
    assert HandoverItem.objects.count() == 0


def test_new_contact_form_offers_the_handover_questions_with_a_hint(persona):
    page = client_for(persona("contact_officer")).get("/contacts/new").content.decode()
    assert "What the day team needs to do" in page
    assert "Put each action on its own line" in page


def test_handover_actions_are_only_for_out_of_hours_contacts(persona):
    contact = make_contact()
    with pytest.raises(ActionError, match="only for contacts taken out of hours"):
        add_handover_item(contact, persona("social_worker"), needs_doing="Ring the school")


def test_a_handover_action_must_say_what_needs_doing(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    with pytest.raises(ActionError, match="needs to do"):
        record_handover_items(contact, persona("social_worker"), [HandoverInput(" ")])


def test_recording_a_handover_writes_audit_and_the_childs_chronology(persona):
    worker = persona("social_worker")
    contact = make_contact(received_at=NIGHT)
    Contact.objects.filter(pk=contact.pk).update(channel="out_of_hours")
    contact.refresh_from_db()
    person = create_person_for_subject(contact.child_subjects().get(), worker)
    item = add_handover_item(
        contact, worker, needs_doing="Visit the school", done_overnight="Spoke to mum", at=NIGHT
    )
    assert item.recorded_at == NIGHT
    assert AuditEvent.objects.filter(record_type="handoveritem", record_id=str(item.pk)).exists()
    event = ChronologyEvent.objects.get(person=person, kind=Kind.HANDOVER)
    assert "Visit the school" in event.summary and event.detail == "Spoke to mum"


def test_morning_handover_lists_open_items_oldest_first(persona):
    later = receive_out_of_hours_contact(
        sample_contact_input(worry="Later worry"),
        [HandoverInput("Second thing to do")],
        actor=persona("social_worker"),
        received_at=NIGHT + dt.timedelta(hours=2),
    )
    earlier = out_of_hours_contact(persona, "First thing to do")
    page = client_for(persona("team_manager")).get("/handover/").content.decode()
    assert page.index("First thing to do") < page.index("Second thing to do")
    assert earlier.reference in page and later.reference in page
    assert "Amelia Okafor" in page and "Visited at 23:00" in page
    assert "<strong>2</strong> actions are" in page


def test_day_worker_accepts_an_item_and_it_leaves_the_morning_list(persona):
    contact = out_of_hours_contact(persona, "Ring the school before 9am")
    item = contact.handover_items.get()
    client = client_for(persona("team_manager"))
    response = client.post(f"/handover/{item.pk}/accept")
    assert response.status_code == 302 and response.url == "/handover/"
    item.refresh_from_db()
    assert item.accepted_by == persona("team_manager") and item.accepted_at is not None
    page = client.get("/handover/").content.decode()
    assert "Ring the school before 9am" not in page
    assert "every out-of-hours handover has been accepted" in page
    assert AuditEvent.objects.filter(
        record_type="handoveritem", summary__contains="accepted"
    ).exists()


def test_accepting_from_the_contact_page_returns_to_the_contact(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = contact.handover_items.get()
    client = client_for(persona("contact_officer"))
    response = client.post(f"/handover/{item.pk}/accept", {"from": "contact"})
    assert response.url == f"/contacts/{contact.pk}/"
    assert "Accepted" in client.get(response.url).content.decode()


def test_an_item_cannot_be_accepted_twice(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = contact.handover_items.get()
    accept_handover_item(item, persona("team_manager"), at=MORNING)
    with pytest.raises(ActionError, match="already accepted"):
        accept_handover_item(item, persona("contact_officer"), at=MORNING)
    response = client_for(persona("contact_officer")).post(f"/handover/{item.pk}/accept")
    assert response.status_code == 400
    assert "already accepted" in response.content.decode()
    item.refresh_from_db()
    assert item.accepted_by == persona("team_manager")


def test_the_night_worker_cannot_accept_their_own_handover(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    with pytest.raises(ActionError, match="You recorded this handover"):
        accept_handover_item(contact.handover_items.get(), persona("social_worker"))


def test_accepting_with_a_back_dated_time_records_that_time(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = accept_handover_item(contact.handover_items.get(), persona("team_manager"), at=MORNING)
    assert item.accepted_at == MORNING
    with pytest.raises(ActionError, match="before it was recorded"):
        accept_handover_item(
            add_handover_item(contact, persona("social_worker"), needs_doing="More", at=MORNING),
            persona("team_manager"),
            at=NIGHT,
        )


def test_marking_an_item_done_accepts_it_too(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = complete_handover_item(
        contact.handover_items.get(), persona("team_manager"), note="School rang back", at=MORNING
    )
    assert item.accepted_at == MORNING and item.done_at == MORNING
    assert item.done_note == "School rang back"
    with pytest.raises(ActionError, match="already done"):
        complete_handover_item(item, persona("team_manager"))


def test_mark_done_button_on_the_contact_page(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = contact.handover_items.get()
    client = client_for(persona("team_manager"))
    client.post(f"/handover/{item.pk}/accept", {"from": "contact"})
    assert "Mark done" in client.get(f"/contacts/{contact.pk}/").content.decode()
    response = client.post(f"/handover/{item.pk}/done")
    assert response.url == f"/contacts/{contact.pk}/"
    item.refresh_from_db()
    assert item.done_by == persona("team_manager")


def test_more_handover_actions_can_be_added_on_the_contact_page(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    client = client_for(persona("social_worker"))
    response = client.post(
        f"/contacts/{contact.pk}/handover",
        {"needs_doing": "Ask health visitor", "done_overnight": ""},
    )
    assert response.status_code == 302
    assert contact.handover_items.count() == 2
    response = client.post(f"/contacts/{contact.pk}/handover", {"needs_doing": ""})
    assert response.status_code == 400
    assert "Say what the day team needs to do." in response.content.decode()


def test_a_contact_taken_in_the_day_offers_no_handover_on_its_page(persona):
    contact = make_contact()
    page = client_for(persona("social_worker")).get(f"/contacts/{contact.pk}/").content.decode()
    assert "Out-of-hours handover" not in page


def test_morning_handover_access(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    item = contact.handover_items.get()
    response = Client().get("/handover/")
    assert response.status_code == 302 and response.url.startswith("/sign-in")
    for name in ("police_partner", "analyst", "early_help"):
        client = client_for(persona(name))
        assert client.get("/handover/").status_code == 404
        assert client.post(f"/handover/{item.pk}/accept").status_code == 404
        assert (
            client.post(f"/contacts/{contact.pk}/handover", {"needs_doing": "x"}).status_code == 404
        )
    worker = client_for(persona("social_worker"))
    assert worker.post("/handover/").status_code == 405
    assert worker.get(f"/handover/{item.pk}/accept").status_code == 405
    assert worker.get(f"/handover/{item.pk}/done").status_code == 405
    assert worker.get(f"/contacts/{contact.pk}/handover").status_code == 405
    item.refresh_from_db()
    assert item.accepted_at is None and contact.handover_items.count() == 1


def test_morning_handover_is_in_the_front_door_navigation(persona):
    page = client_for(persona("contact_officer")).get("/handover/").content.decode()
    assert 'href="/handover/"' in page and "Morning handover" in page
    partner_page = client_for(persona("police_partner")).get("/mash/checks/").content.decode()
    assert "Morning handover" not in partner_page


def test_viewing_the_morning_handover_is_logged_per_contact(persona):
    contact = out_of_hours_contact(persona, "Ring the school")
    client_for(persona("team_manager")).get("/handover/")
    assert AuditEvent.objects.filter(
        action="view", contact_id=contact.pk, summary__contains="morning handover"
    ).exists()
