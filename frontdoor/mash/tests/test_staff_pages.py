import datetime as dt

import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.mash.actions import answer_check, open_mash_enquiry, request_more_time
from frontdoor.mash.models import AgencyCheck, InformationSharingDecision, MashEnquiry, RagChange
from frontdoor.mash.tests.conftest import MONDAY
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

SHARING = {
    "decision": "share",
    "what": "Police call-outs to the home in 2024.",
    "with_whom": "Hillside Primary designated safeguarding lead",
    "purpose": "So the school can support Amelia and report new injuries.",
    "lawful_basis": "public_task_safeguarding",
    "consent_status": "not_sought",
    "consent_reason": "Seeking consent could put Amelia at risk.",
}


def _police(enquiry) -> AgencyCheck:
    return enquiry.checks.get(agency__slug="police")


def _enquiry_form(police, health, **overrides) -> dict:
    data = {
        "agencies": [str(police.pk), str(health.pk)],
        f"question_{police.pk}": "Any police call-outs to the home?",
        f"question_{health.pk}": "Is Amelia registered with a GP?",
    }
    data.update(overrides)
    return data


# Opening an enquiry


def test_a_social_worker_opens_an_enquiry_with_a_question_for_each_agency(
    persona, triaged_contact, police, health
):
    client = client_for(persona("social_worker"))
    page = client.get(f"/mash/contacts/{triaged_contact.pk}/enquiry")
    assert page.status_code == 200
    assert f'id="question_{police.pk}"' in page.content.decode()
    response = client.post(
        f"/mash/contacts/{triaged_contact.pk}/enquiry", _enquiry_form(police, health)
    )
    enquiry = MashEnquiry.objects.get(contact=triaged_contact)
    assert response.status_code == 302 and response.url == f"/mash/enquiries/{enquiry.pk}/"
    questions = dict(enquiry.checks.values_list("agency__slug", "question"))
    assert questions == {
        "police": "Any police call-outs to the home?",
        "health": "Is Amelia registered with a GP?",
    }


def test_choosing_no_agency_or_leaving_a_question_empty_shows_errors(
    persona, triaged_contact, police, health
):
    client = client_for(persona("social_worker"))
    url = f"/mash/contacts/{triaged_contact.pk}/enquiry"
    none_chosen = client.post(url, {})
    assert none_chosen.status_code == 400
    assert "Choose at least one agency to ask." in none_chosen.content.decode()
    no_question = client.post(url, _enquiry_form(police, health, **{f"question_{police.pk}": ""}))
    html = no_question.content.decode()
    assert no_question.status_code == 400 and "There is a problem" in html
    assert f'href="#question_{police.pk}"' in html and "Write the question for Police." in html
    assert not MashEnquiry.objects.exists()


def test_an_untriaged_contact_gets_a_clear_error(persona, police, health):
    contact = make_contact()
    client = client_for(persona("social_worker"))
    assert (
        "Triage the contact" in client.get(f"/mash/contacts/{contact.pk}/enquiry").content.decode()
    )
    response = client.post(f"/mash/contacts/{contact.pk}/enquiry", _enquiry_form(police, health))
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not MashEnquiry.objects.exists()


def test_a_contact_with_an_open_enquiry_links_to_it_instead(persona, enquiry):
    page = client_for(persona("social_worker")).get(f"/mash/contacts/{enquiry.contact.pk}/enquiry")
    assert f"/mash/enquiries/{enquiry.pk}/" in page.content.decode()


# Changing the RAG rating


def test_changing_the_rag_re_times_open_checks_and_shows_the_history(persona, enquiry):
    worker = persona("social_worker")
    contact = enquiry.contact
    before = _police(enquiry).due_at
    client = client_for(worker)
    response = client.post(
        f"/mash/contacts/{contact.pk}/rag", {"rag": "red", "reason": "Police report a new assault."}
    )
    assert response.status_code == 302
    change = RagChange.objects.get(contact=contact)
    assert (change.from_rag, change.to_rag, change.changed_by) == ("amber", "red", worker)
    assert _police(enquiry).due_at < before  # red: 4 working hours instead of a working day
    html = client.get(f"/mash/contacts/{contact.pk}/rag").content.decode()
    assert "Police report a new assault." in html and "Amber" in html and "Red" in html


def test_a_rag_change_needs_a_reason(persona, enquiry):
    response = client_for(persona("social_worker")).post(
        f"/mash/contacts/{enquiry.contact.pk}/rag", {"rag": "red", "reason": ""}
    )
    assert response.status_code == 400
    assert "Say why the RAG rating is changing." in response.content.decode()
    assert not RagChange.objects.exists()


# The decision screen


def _answer_both(persona, enquiry) -> None:
    answer_check(
        _police(enquiry),
        answered_by=persona("police_partner"),
        answered_by_name="",
        known=True,
        what_is_known="Two call-outs for domestic incidents in 2024.",
        risk_indicators=["domestic-abuse"],
        source_system="Niche RMS",
        source_date=dt.date(2024, 11, 2),
        at=MONDAY + dt.timedelta(hours=2),
    )


def test_the_decision_screen_shows_answers_with_provenance_and_open_checks(persona, enquiry):
    _answer_both(persona, enquiry)
    request_more_time(
        enquiry.checks.get(agency__slug="health"), persona("health_partner"), "GP records archived."
    )
    page = client_for(persona("social_worker")).get(f"/mash/enquiries/{enquiry.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Two call-outs for domestic incidents" in html and "Domestic abuse" in html
    assert "Niche RMS" in html and "2 November 2024" in html and "Police Partner" in html
    assert "On time" in html and "partner portal" in html
    assert "Is the child registered?" in html and "Overdue" in html  # health, not answered
    assert "GP records archived." in html
    assert f'href="/contacts/{enquiry.contact.pk}/#decision"' in html
    assert "Amelia has come to school hungry" in html
    contact = enquiry.contact
    assert f'<a class="govuk-link" href="/contacts/{contact.pk}/">{contact.reference}</a>' in html


def test_the_decision_screen_writes_an_access_log_row_for_the_child(persona, enquiry):
    worker = persona("social_worker")
    client_for(worker).get(f"/mash/enquiries/{enquiry.pk}/")
    row = AuditEvent.objects.get(action="view", user=worker, record_type="mashenquiry")
    person_id = enquiry.contact.child_subjects().get().person_id
    assert (row.person_id, row.contact_id) == (person_id, enquiry.contact.pk)


def test_a_contact_officer_sees_the_screen_without_the_sharing_form(persona, enquiry):
    html = client_for(persona("contact_officer")).get(f"/mash/enquiries/{enquiry.pk}/")
    assert html.status_code == 200
    assert "Record information-sharing decision" not in html.content.decode()


# The information-sharing decision


def test_an_information_sharing_decision_is_stored_audited_and_shown(persona, enquiry):
    worker = persona("social_worker")
    client = client_for(worker)
    response = client.post(f"/mash/enquiries/{enquiry.pk}/sharing", SHARING)
    assert response.status_code == 302
    record = InformationSharingDecision.objects.get(enquiry=enquiry)
    assert (record.decision, record.lawful_basis, record.consent_status) == (
        "share",
        "public_task_safeguarding",
        "not_sought",
    )
    assert record.decided_by == worker and record.with_whom.startswith("Hillside")
    audit = AuditEvent.objects.get(action="create", record_type="informationsharingdecision")
    assert audit.user == worker and audit.contact_id == enquiry.contact.pk
    assert audit.changes["consent_reason"] == SHARING["consent_reason"]
    person = enquiry.contact.child_subjects().get().person
    assert ChronologyEvent.objects.filter(person=person, summary__contains="Information-sharing")
    html = client.get(f"/mash/enquiries/{enquiry.pk}/").content.decode()
    assert "Seeking consent could put Amelia at risk." in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lawful_basis": ""}, "Choose the lawful basis for sharing."),
        ({"consent_reason": ""}, "Say why consent was not sought or given"),
        ({"lawful_basis": "consent"}, "Consent can only be the lawful basis when it was given."),
        ({"decision": ""}, "Choose whether to share the information."),
    ],
)
def test_an_incomplete_sharing_decision_is_refused_with_a_reason(persona, enquiry, change, message):
    response = client_for(persona("social_worker")).post(
        f"/mash/enquiries/{enquiry.pk}/sharing", {**SHARING, **change}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InformationSharingDecision.objects.exists()


def test_a_decision_not_to_share_needs_no_lawful_basis(persona, enquiry):
    data = {**SHARING, "decision": "do_not_share", "lawful_basis": ""}
    data["purpose"] = "Not necessary: the school already knows."
    response = client_for(persona("team_manager")).post(
        f"/mash/enquiries/{enquiry.pk}/sharing", data
    )
    assert response.status_code == 302
    assert InformationSharingDecision.objects.get().decision == "do_not_share"


# The MASH manager's view


def test_the_manager_view_lists_enquiries_with_overdue_checks_first(persona, enquiry, police):
    worker = persona("social_worker")
    fresh = make_contact()
    create_person_for_subject(fresh.child_subjects().get(), worker)
    triage_contact(fresh, worker, rag="green", level_of_need=None)
    open_mash_enquiry(fresh, worker, [(police, "Known?")])
    page = client_for(persona("contact_officer")).get("/mash/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index(enquiry.contact.reference) < html.index(fresh.reference)
    assert "2 overdue" in html


# Access and methods


def _routes(enquiry) -> list[str]:
    contact_id = enquiry.contact.pk
    return [
        "/mash/",
        f"/mash/contacts/{contact_id}/enquiry",
        f"/mash/contacts/{contact_id}/rag",
        f"/mash/enquiries/{enquiry.pk}/",
        f"/mash/enquiries/{enquiry.pk}/sharing",
    ]


def test_anonymous_users_are_sent_to_sign_in(client, enquiry):
    for url in _routes(enquiry):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/sign-in"), url


def test_a_partner_gets_404_on_every_staff_page(persona, enquiry):
    client = client_for(persona("police_partner"))
    for url in _routes(enquiry):
        assert client.get(url).status_code == 404, url
        assert client.post(url, SHARING).status_code == 404, url
    assert not InformationSharingDecision.objects.exists()


def test_only_deciders_open_enquiries_change_the_rag_and_record_sharing(persona, enquiry):
    client = client_for(persona("contact_officer"))
    for url in _routes(enquiry)[1:3] + _routes(enquiry)[4:]:
        assert client.get(url).status_code == 404, url


def test_wrong_methods_are_refused(persona, enquiry):
    client = client_for(persona("social_worker"))
    routes = _routes(enquiry)
    assert client.post(routes[0]).status_code == 405
    assert client.delete(routes[1]).status_code == 405
    assert client.put(routes[2]).status_code == 405
    assert client.post(routes[3]).status_code == 405
    assert client.get(routes[4]).status_code == 405


def test_the_enquiry_page_says_which_clock_is_which(persona, enquiry):
    """One rule (docs/howto/mash-clocks.md): the enquiry never moves the decision's due time;
    each agency's answer has its own due time, marked when it falls after the decision's."""
    contact = enquiry.contact
    due_before = contact.decision_due_at
    late = _police(enquiry)
    late.due_at = contact.decision_due_at + dt.timedelta(hours=4)
    late.save(update_fields=["due_at"])
    html = client_for(persona("social_worker")).get(f"/mash/enquiries/{enquiry.pk}/").content
    page = html.decode()
    assert "Decision on the contact" in page and "A MASH enquiry does not change it" in page
    assert "Each agency&#39;s answer" in page or "Each agency's answer" in page
    assert page.count("Due after the decision") == 1
    contact.refresh_from_db()
    assert contact.decision_due_at == due_before
