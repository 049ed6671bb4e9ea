"""Strategy discussions (issue 3 item 6): convening, recording, the s47 start, circulation."""

import datetime as dt
from typing import Any

import pytest

from frontdoor.accounts.models import Agency
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode, S47Enquiry
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.actions import (
    authorise_decision,
    create_person_for_subject,
    record_decision,
    triage_contact,
)
from frontdoor.contacts.inputs import DecisionInput
from frontdoor.contacts.models import Contact
from frontdoor.kpis.mash import (
    health_attendance_rate_at_strategy_discussions,
    police_attendance_rate_at_strategy_discussions,
    strategy_discussions_held,
)
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import measure_all
from frontdoor.lib.errors import ActionError
from frontdoor.mash.strategy import (
    SOCIAL_CARE,
    ActionInput,
    AttendanceInput,
    convene_strategy_discussion,
    mark_record_circulated,
    mark_strategy_action_done,
    record_strategy_discussion,
)
from frontdoor.mash.strategy_models import StrategyAction, StrategyDiscussion
from frontdoor.mash.tests.conftest import LONDON, MONDAY
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

EVERYONE_CAME = {
    SOCIAL_CARE: AttendanceInput("attended", "Sam Social Worker"),
    "police": AttendanceInput("attended", "DC Patel"),
    "health": AttendanceInput("attended", "Nurse Jones"),
}


def _red_contact(worker: Any, at: dt.datetime = MONDAY) -> Contact:
    contact = make_contact(received_at=at - dt.timedelta(hours=1))
    create_person_for_subject(contact.child_subjects().get(), worker)
    return triage_contact(contact, worker, rag="red", level_of_need=None, at=at)


@pytest.fixture
def worker(persona) -> Any:
    return persona("social_worker")


@pytest.fixture
def red_contact(worker) -> Contact:
    return _red_contact(worker)


@pytest.fixture
def convened(red_contact, worker, police, health) -> StrategyDiscussion:
    return convene_strategy_discussion(
        red_contact,
        worker,
        held_at=MONDAY + dt.timedelta(hours=2),
        agencies=[police, health],
        at=MONDAY,
    )


def _record(discussion: StrategyDiscussion, user: Any, **overrides: Any) -> StrategyDiscussion:
    fields: dict[str, Any] = {
        "attendance": EVERYONE_CAME,
        "information_shared": "Police: two domestic incidents. Health: missed appointments.",
        "outcome": "s47",
        "rationale": "Bruising and domestic abuse: reasonable cause to suspect significant harm.",
        "actions": [
            ActionInput("Visit and see Amelia alone", MONDAY.date(), owner_name="Sam, social care")
        ],
        "chair_name": "Tess Manager",
        "at": MONDAY + dt.timedelta(hours=3),
    }
    fields.update(overrides)
    return record_strategy_discussion(discussion, user, **fields)


def _refused(call: Any, *args: Any, **kwargs: Any) -> ActionError:
    with pytest.raises(ActionError) as raised:
        call(*args, **kwargs)
    return raised.value


# Convening


def test_convening_invites_the_agencies_and_writes_audit_and_chronology(convened, red_contact):
    assert convened.status == "convened"
    assert sorted(convened.invitations.values_list("agency__slug", flat=True)) == [
        "health",
        "police",
    ]
    audit = AuditEvent.objects.get(record_type="strategydiscussion", action="create")
    assert audit.contact_id == red_contact.pk and "Police" in audit.summary
    person = red_contact.child_subjects().get().person
    event = ChronologyEvent.objects.get(person=person, kind="strategy")
    assert event.summary.startswith("Strategy discussion convened for 10 March 2025 12:00")


def test_police_and_health_must_be_invited(red_contact, worker, police):
    error = _refused(
        convene_strategy_discussion,
        red_contact,
        worker,
        held_at=MONDAY + dt.timedelta(hours=2),
        agencies=[police],
        at=MONDAY,
    )
    assert error.message == (
        "Invite Health: police and health take part in every strategy discussion."
    )
    assert error.field == "agencies"
    assert not StrategyDiscussion.objects.exists()


def test_a_green_contact_without_enquiry_or_decision_cannot_have_a_strategy_discussion(
    worker, police, health
):
    contact = make_contact(received_at=MONDAY)
    triage_contact(contact, worker, rag="green", level_of_need=None, at=MONDAY)
    error = _refused(
        convene_strategy_discussion,
        contact,
        worker,
        held_at=MONDAY + dt.timedelta(hours=2),
        agencies=[police, health],
        at=MONDAY,
    )
    assert "reasonable cause to suspect significant harm" in error.message


def test_a_second_discussion_waits_until_the_first_is_recorded(convened, worker, police, health):
    error = _refused(
        convene_strategy_discussion,
        convened.contact,
        worker,
        held_at=MONDAY + dt.timedelta(hours=5),
        agencies=[police, health],
        at=MONDAY,
    )
    assert error.message == "A strategy discussion for this contact is already waiting to be held."


def test_the_contact_mash_enquiry_is_linked_when_there_is_one(enquiry, persona, police, health):
    discussion = convene_strategy_discussion(
        enquiry.contact,
        persona("social_worker"),
        held_at=MONDAY + dt.timedelta(hours=1),
        agencies=[police, health],
        at=MONDAY,
    )
    assert discussion.enquiry == enquiry


# Recording


def test_recording_saves_attendance_information_outcome_and_actions(convened, worker):
    _record(convened, worker)
    convened.refresh_from_db()
    assert convened.status == "held" and convened.outcome == "s47"
    assert convened.chair_name == "Tess Manager"
    assert convened.social_care_attendee_name == "Sam Social Worker"
    attended = dict(convened.invitations.values_list("agency__slug", "attendee_name"))
    assert attended == {"police": "DC Patel", "health": "Nurse Jones"}
    action = StrategyAction.objects.get(discussion=convened)
    assert action.owner_label == "Sam, social care" and not action.done
    assert convened.recorded_at == MONDAY + dt.timedelta(hours=3)


def test_apologies_are_recorded_without_a_name(convened, worker):
    attendance = {**EVERYONE_CAME, "health": AttendanceInput("apologies", "ignored")}
    _record(convened, worker, attendance=attendance)
    health = convened.invitations.get(agency__slug="health")
    assert health.attendance == "apologies" and health.attendee_name == ""


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"attendance": {**EVERYONE_CAME, SOCIAL_CARE: AttendanceInput("apologies")}},
            "Children's social care leads every strategy discussion: record who attended for it.",
        ),
        (
            {"attendance": {SOCIAL_CARE: EVERYONE_CAME[SOCIAL_CARE]}},
            "Say whether Health attended.",
        ),
        (
            {"attendance": {**EVERYONE_CAME, "police": AttendanceInput("attended", " ")}},
            "Give the name of who attended for Police.",
        ),
        (
            {"attendance": {**EVERYONE_CAME, "education": AttendanceInput("attended", "Ms T")}},
            "Not invited: education.",
        ),
        ({"outcome": ""}, "Choose the outcome of the strategy discussion."),
        ({"rationale": "  "}, "Give the rationale for the outcome."),
        ({"information_shared": ""}, "Record the information each agency shared."),
        ({"chair_name": ""}, "Give the name of the chair."),
        (
            {"actions": [ActionInput("See Amelia", MONDAY.date())]},
            "Say who owns action 1.",
        ),
        (
            {"actions": [ActionInput("See Amelia", None, owner_name="Sam")]},
            "Give a due date for action 1.",
        ),
        (
            {"actions": [ActionInput("See Amelia", dt.date(2025, 3, 1), owner_name="Sam")]},
            "Action 1 cannot be due before the strategy discussion.",
        ),
        (
            {"at": MONDAY + dt.timedelta(hours=1)},
            "The strategy discussion is set for 10 March 2025 12:00: record it once held.",
        ),
    ],
)
def test_recording_is_refused_with_a_plain_reason(convened, worker, overrides, message):
    if "chair_name" in overrides:
        convened.chair_name = ""
    error = _refused(_record, convened, worker, **overrides)
    assert error.message == message
    convened.refresh_from_db()
    assert convened.status == "convened"
    assert not StrategyAction.objects.exists() and not S47Enquiry.objects.exists()


def test_a_discussion_cannot_be_recorded_twice(convened, worker):
    _record(convened, worker)
    error = _refused(_record, convened, worker)
    assert error.message == "This strategy discussion has already been recorded."


# The s47 start


def test_an_s47_outcome_starts_the_enquiry_dated_the_day_of_the_discussion(convened, worker):
    person = convened.contact.child_subjects().get().person
    _record(convened, worker, at=MONDAY + dt.timedelta(days=1))
    s47 = S47Enquiry.objects.get(person=person)
    assert s47.start_date == dt.date(2025, 3, 10)
    assert s47.strategy_discussion == convened and s47.started_by == worker
    # The red contact was undecided, so the s47 opened the child's CIN episode.
    assert s47.episode == CINEpisode.objects.get(person=person, closure_date__isnull=True)
    assert s47.episode.referral_date == convened.contact.received_date
    kinds = list(ChronologyEvent.objects.filter(person=person).values_list("kind", flat=True))
    assert "s47" in kinds and "referral" in kinds
    assert AuditEvent.objects.filter(record_type="s47enquiry", person_id=person.pk).exists()


def test_the_s47_uses_the_episode_opened_by_the_strategy_discussion_decision(
    worker, persona, police, health
):
    contact = _red_contact(worker)
    decision = record_decision(
        contact,
        worker,
        DecisionInput(
            outcome="strategy_discussion",
            rationale="Significant harm suspected.",
            worries="Bruises.",
            working_well="School attendance.",
            needs_to_happen="Strategy discussion.",
            scaling=2,
            child_views_sought=False,
            child_views_note="Too young today.",
        ),
        at=MONDAY,
    )
    authorise_decision(decision, persona("team_manager"), agree=True, at=MONDAY)
    person = contact.child_subjects().get().person
    episode = CINEpisode.objects.get(person=person)
    discussion = convene_strategy_discussion(
        contact, worker, held_at=MONDAY + dt.timedelta(hours=1), agencies=[police, health]
    )
    _record(discussion, worker)
    assert S47Enquiry.objects.get(person=person).episode == episode
    assert CINEpisode.objects.filter(person=person).count() == 1


def test_other_outcomes_start_no_s47(convened, worker):
    _record(convened, worker, outcome="single_assessment")
    assert not S47Enquiry.objects.exists()
    assert not CINEpisode.objects.exists()


def test_an_s47_needs_every_child_linked(worker, police, health):
    contact = make_contact(received_at=MONDAY - dt.timedelta(hours=1))
    triage_contact(contact, worker, rag="red", level_of_need=None, at=MONDAY)
    discussion = convene_strategy_discussion(
        contact, worker, held_at=MONDAY, agencies=[police, health], at=MONDAY
    )
    error = _refused(_record, discussion, worker)
    assert error.message.startswith("Link every child to a record in the person index")


# The circulation clock: by the end of the next working day


@pytest.mark.parametrize(
    ("held_at", "due_at"),
    [
        # Monday afternoon: end of Tuesday.
        (dt.datetime(2025, 3, 10, 14, 0), dt.datetime(2025, 3, 11, 17, 0)),
        # Friday afternoon: over the weekend to the end of Monday.
        (dt.datetime(2025, 3, 14, 15, 0), dt.datetime(2025, 3, 17, 17, 0)),
        # Thursday before Easter: Good Friday, the weekend and Easter Monday are not working days.
        (dt.datetime(2025, 4, 17, 11, 0), dt.datetime(2025, 4, 22, 17, 0)),
        # Saturday (emergency): counts from Monday, so due at the end of Tuesday.
        (dt.datetime(2025, 3, 15, 10, 0), dt.datetime(2025, 3, 18, 17, 0)),
    ],
)
def test_the_record_is_due_by_the_end_of_the_next_working_day(
    worker, police, health, held_at, due_at
):
    held = held_at.replace(tzinfo=LONDON)
    contact = _red_contact(worker, at=held - dt.timedelta(hours=1))
    discussion = convene_strategy_discussion(
        contact, worker, held_at=held, agencies=[police, health], at=held - dt.timedelta(hours=1)
    )
    _record(discussion, worker, at=held + dt.timedelta(hours=1), actions=[])
    discussion.refresh_from_db()
    assert discussion.circulation_due_at == due_at.replace(tzinfo=LONDON)
    assert not discussion.is_circulation_overdue(due_at.replace(tzinfo=LONDON))
    assert discussion.is_circulation_overdue(
        due_at.replace(tzinfo=LONDON) + dt.timedelta(minutes=1)
    )


def test_circulating_the_record_on_time_and_late(convened, worker):
    error = _refused(mark_record_circulated, convened, worker, at=MONDAY + dt.timedelta(hours=3))
    assert error.message == "Record the strategy discussion before circulating the record."
    _record(convened, worker)
    late = dt.datetime(2025, 3, 12, 9, 0, tzinfo=LONDON)
    mark_record_circulated(convened, worker, at=late)
    convened.refresh_from_db()
    assert convened.status == "recorded" and convened.record_circulated_at == late
    assert convened.is_circulation_overdue()
    assert AuditEvent.objects.filter(summary="Strategy discussion record circulated late").exists()
    again = _refused(mark_record_circulated, convened, worker, at=late)
    assert again.message == "The record of this strategy discussion has already been circulated."


def test_an_action_is_marked_done_once(convened, worker):
    _record(convened, worker)
    action = StrategyAction.objects.get()
    mark_strategy_action_done(action, worker, at=MONDAY + dt.timedelta(hours=4))
    action.refresh_from_db()
    assert action.done and action.done_at == MONDAY + dt.timedelta(hours=4)
    assert _refused(mark_strategy_action_done, action, worker).message == (
        "This action is already done."
    )


def test_the_manager_queues_find_upcoming_unrecorded_and_overdue_discussions(convened, worker):
    now = MONDAY + dt.timedelta(hours=1)
    assert list(StrategyDiscussion.objects.upcoming(now)) == [convened]
    later = MONDAY + dt.timedelta(hours=3)
    assert list(StrategyDiscussion.objects.awaiting_record(later)) == [convened]
    _record(convened, worker)
    assert list(StrategyDiscussion.objects.awaiting_circulation()) == [convened]
    assert not StrategyDiscussion.objects.circulation_overdue(later).exists()
    next_week = MONDAY + dt.timedelta(days=7)
    assert list(StrategyDiscussion.objects.circulation_overdue(next_week)) == [convened]


# Measures


def test_the_measures_count_held_discussions_and_police_and_health_attendance(
    convened, worker, police, health
):
    _record(convened, worker)
    second = _red_contact(worker)
    other = convene_strategy_discussion(
        second, worker, held_at=MONDAY + dt.timedelta(hours=1), agencies=[police, health]
    )
    absent = {**EVERYONE_CAME, "police": AttendanceInput("did_not_attend")}
    _record(other, worker, attendance=absent, outcome="nfa")
    never_held = _red_contact(worker)
    convene_strategy_discussion(
        never_held, worker, held_at=MONDAY + dt.timedelta(days=2), agencies=[police, health]
    )
    march = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert strategy_discussions_held(march) == 2
    assert police_attendance_rate_at_strategy_discussions(march) == 50.0
    assert health_attendance_rate_at_strategy_discussions(march) == 100.0
    figures = measure_all(march)
    assert figures["strategy_discussions_held"] == 2
    assert figures["police_attendance_rate_at_strategy_discussions"] == 50.0
    april = Period(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert police_attendance_rate_at_strategy_discussions(april) is None


# Pages


def _convene_form(police: Agency, health: Agency, **overrides: Any) -> dict[str, Any]:
    data = {
        "held_on-day": "10",
        "held_on-month": "3",
        "held_on-year": "2025",
        "held_time": "12:00",
        "agencies": [str(police.pk), str(health.pk)],
        "chair_name": "Tess Manager",
    }
    data.update(overrides)
    return data


def _record_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "chair_name": "Tess Manager",
        "attendance_social-care": "attended",
        "name_social-care": "Sam Social Worker",
        "attendance_police": "attended",
        "name_police": "DC Patel",
        "attendance_health": "apologies",
        "name_health": "",
        "information_shared": "Police: two domestic incidents.",
        "outcome": "s47",
        "rationale": "Significant harm suspected.",
        "action_1_description": "See Amelia alone",
        "action_1_owner": "Sam, social care",
        "action_1_due-day": "11",
        "action_1_due-month": "3",
        "action_1_due-year": "2025",
    }
    data.update(overrides)
    return data


def test_a_social_worker_convenes_a_discussion_from_the_contact(
    worker, red_contact, police, health
):
    client = client_for(worker)
    contact_page = client.get(f"/contacts/{red_contact.pk}/").content.decode()
    url = f"/mash/contacts/{red_contact.pk}/strategy-discussion"
    assert f'href="{url}"' in contact_page
    form = client.get(url)
    assert form.status_code == 200
    assert "Convene a strategy discussion" in form.content.decode()
    response = client.post(url, _convene_form(police, health))
    discussion = StrategyDiscussion.objects.get(contact=red_contact)
    assert response.status_code == 302
    assert response.url == f"/mash/strategy-discussions/{discussion.pk}/"
    assert discussion.held_at == MONDAY + dt.timedelta(hours=2)
    assert discussion.convened_by == worker


def test_the_convene_form_shows_errors(worker, red_contact, police, health):
    client = client_for(worker)
    url = f"/mash/contacts/{red_contact.pk}/strategy-discussion"
    response = client.post(url, _convene_form(police, health, agencies=[str(police.pk)]))
    html = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in html
    assert "police and health take part in every strategy discussion" in html
    bad_time = client.post(url, _convene_form(police, health, held_time="25:00"))
    assert "Enter a time in 24-hour clock, for example 14:30." in bad_time.content.decode()
    assert not StrategyDiscussion.objects.exists()


def test_recording_the_discussion_on_its_page_starts_the_s47(worker, convened):
    client = client_for(worker)
    url = f"/mash/strategy-discussions/{convened.pk}/"
    page = client.get(url).content.decode()
    assert "Record the strategy discussion" in page and "Did Police attend?" in page
    response = client.post(url + "record", _record_form())
    assert response.status_code == 302 and response.url == url
    convened.refresh_from_db()
    assert convened.status == "held"
    assert S47Enquiry.objects.get().start_date == dt.date(2025, 3, 10)
    page = client.get(url).content.decode()
    assert "Section 47 enquiries started" in page and "See Amelia alone" in page
    assert "Record overdue" in page  # held in March 2025: long past its circulation time
    listing = client.get("/mash/strategy-discussions/").content.decode()
    assert "1 record is overdue." in listing and "Held, record not yet circulated (1)" in listing
    assert client.post(url + "circulated").status_code == 302
    convened.refresh_from_db()
    assert convened.status == "recorded"
    assert "Circulated late" in client.get(url).content.decode()


def test_the_record_form_shows_errors_in_a_summary(worker, convened):
    client = client_for(worker)
    url = f"/mash/strategy-discussions/{convened.pk}/record"
    response = client.post(url, _record_form(name_police="", action_1_owner=""))
    html = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in html
    assert "Give the name of who attended for Police." in html
    assert 'href="#action_1_owner"' in html and "Say who owns action 1." in html
    convened.refresh_from_db()
    assert convened.status == "convened"


def test_the_manager_list_shows_each_queue(persona, worker, convened):
    client = client_for(persona("team_manager"))
    html = client.get("/mash/strategy-discussions/").content.decode()
    assert "Held, awaiting the record (1)" in html
    assert f"Strategy discussion on {convened.contact.reference}" in html


def test_the_pages_send_anonymous_users_to_sign_in(client, convened):
    for url in [
        f"/mash/contacts/{convened.contact_id}/strategy-discussion",
        f"/mash/strategy-discussions/{convened.pk}/",
        "/mash/strategy-discussions/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/sign-in"), url
    response = client.post(f"/mash/strategy-discussions/{convened.pk}/record", _record_form())
    assert response.status_code == 302 and response.url.startswith("/sign-in")


def test_people_without_access_get_404(persona, convened):
    partner = client_for(persona("police_partner"))
    analyst = client_for(persona("analyst"))
    page = f"/mash/strategy-discussions/{convened.pk}/"
    assert partner.get(page).status_code == 404
    assert partner.get("/mash/strategy-discussions/").status_code == 404
    assert partner.post(page + "record", _record_form()).status_code == 404
    assert (
        analyst.get(f"/mash/contacts/{convened.contact_id}/strategy-discussion").status_code == 404
    )
    assert analyst.post(page + "circulated").status_code == 404
    assert (
        client_for(persona("social_worker")).get("/mash/strategy-discussions/999999/").status_code
        == 404
    )
    convened.refresh_from_db()
    assert convened.status == "convened"


def test_wrong_methods_get_405(worker, convened):
    client = client_for(worker)
    base = f"/mash/strategy-discussions/{convened.pk}/"
    assert client.get(base + "record").status_code == 405
    assert client.get(base + "circulated").status_code == 405
    assert client.post(base).status_code == 405
    assert client.post("/mash/strategy-discussions/").status_code == 405
    assert (
        client.delete(f"/mash/contacts/{convened.contact_id}/strategy-discussion").status_code
        == 405
    )


# What an invited partner sees


def test_an_invited_partner_sees_the_invitation_but_not_what_others_shared(persona, convened):
    worker = persona("social_worker")
    _record(convened, worker)
    police = client_for(persona("police_partner"))
    listing = police.get("/mash/strategy-discussions/our-agency/").content.decode()
    assert f"Strategy discussion on {convened.contact.reference}" in listing
    response = police.get(f"/mash/strategy-discussions/{convened.pk}/our-agency")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amelia Okafor" in html and "Attended, DC Patel" in html
    assert "Section 47 enquiry" in html
    assert "two domestic incidents" not in html and "Nurse Jones" not in html
    assert AuditEvent.objects.filter(
        action="view", user__username="police_partner", record_type="strategydiscussion"
    ).exists()


def test_a_partner_whose_agency_was_not_invited_and_staff_get_404(persona, convened):
    from frontdoor.accounts.models import Role, User

    education = User.objects.create(
        username="education_partner",
        role=Role.MASH_PARTNER,
        agency=Agency.objects.get(slug="education"),
    )
    url = f"/mash/strategy-discussions/{convened.pk}/our-agency"
    assert client_for(education).get(url).status_code == 404
    listing = client_for(education).get("/mash/strategy-discussions/our-agency/")
    assert convened.contact.reference not in listing.content.decode()
    assert client_for(persona("social_worker")).get(url).status_code == 404
    assert client_for(persona("police_partner")).post(url).status_code == 405
