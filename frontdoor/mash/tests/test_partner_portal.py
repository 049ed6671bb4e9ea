import pytest

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.mash.actions import answer_check
from frontdoor.mash.models import AgencyCheck, CheckAnswer, ExtensionRequest
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

ANSWER = {
    "known": "yes",
    "what_is_known": "Attended A&E twice with minor injuries.",
    "risk_indicators": ["previous-concerns", "other"],
    "source_system": "EMIS Web",
    "source_date-day": "3",
    "source_date-month": "2",
    "source_date-year": "2025",
}


def _check(enquiry, slug: str) -> AgencyCheck:
    return enquiry.checks.get(agency__slug=slug)


def test_the_queue_lists_only_the_partners_own_agency_checks_with_an_overdue_tag(persona, enquiry):
    page = client_for(persona("police_partner")).get("/mash/checks/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"/mash/checks/{_check(enquiry, 'police').pk}/" in html
    assert f"/mash/checks/{_check(enquiry, 'health').pk}/" not in html
    assert "Answer overdue" in html  # the fixture's checks were due in March 2025


def test_the_check_page_shows_what_to_search_for_and_never_the_worry(persona, enquiry):
    check = _check(enquiry, "police")
    page = client_for(persona("police_partner")).get(f"/mash/checks/{check.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Amelia Okafor" in html and "10 May 2016" in html
    assert "Any police call-outs to the home?" in html
    assert "bruises" not in html and "hungry" not in html
    assert "Is the child registered?" not in html  # the health check's question


def test_a_health_partner_gets_404_on_a_police_check(persona, enquiry):
    client = client_for(persona("health_partner"))
    check = _check(enquiry, "police")
    assert client.get(f"/mash/checks/{check.pk}/").status_code == 404
    assert client.post(f"/mash/checks/{check.pk}/answer", ANSWER).status_code == 404
    assert client.post(f"/mash/checks/{check.pk}/more-time", {"reason": "x"}).status_code == 404
    assert not CheckAnswer.objects.exists() and not ExtensionRequest.objects.exists()


def test_a_partner_never_sees_another_agencys_answer(persona, enquiry):
    answer_check(
        _check(enquiry, "police"),
        answered_by=persona("police_partner"),
        answered_by_name="",
        known=True,
        what_is_known="Arrested for assault in 2023.",
        source_system="Niche",
    )
    client = client_for(persona("health_partner"))
    html = client.get(f"/mash/checks/{_check(enquiry, 'health').pk}/").content.decode()
    assert "Arrested for assault" not in html
    assert "Niche" not in html


def test_staff_cannot_open_the_partner_portal(persona, enquiry):
    client = client_for(persona("social_worker"))
    assert client.get("/mash/checks/").status_code == 404
    assert client.get(f"/mash/checks/{_check(enquiry, 'police').pk}/").status_code == 404


def test_anonymous_is_sent_to_sign_in(client, enquiry):
    response = client.get("/mash/checks/")
    assert response.status_code == 302 and response.url.startswith("/sign-in")


def test_wrong_method_is_refused(persona, enquiry):
    client = client_for(persona("police_partner"))
    check = _check(enquiry, "police")
    assert client.post("/mash/checks/").status_code == 405
    assert client.get(f"/mash/checks/{check.pk}/answer").status_code == 405


def test_opening_a_check_writes_an_access_log_row_for_the_child(persona, enquiry):
    partner = persona("police_partner")
    check = _check(enquiry, "police")
    client_for(partner).get(f"/mash/checks/{check.pk}/")
    person_id = enquiry.contact.child_subjects().get().person_id
    row = AuditEvent.objects.get(action="view", user=partner, record_type="agencycheck")
    assert (row.person_id, row.contact_id) == (person_id, enquiry.contact.pk)


def test_a_partner_answers_a_check_through_the_portal(persona, enquiry):
    partner = persona("health_partner")
    check = _check(enquiry, "health")
    response = client_for(partner).post(f"/mash/checks/{check.pk}/answer", ANSWER)
    assert response.status_code == 302
    answer = CheckAnswer.objects.get(check_request=check)
    assert answer.answered_by == partner and answer.via == "portal"
    assert answer.risk_indicators == ["other", "previous-concerns"]
    assert answer.source_date.isoformat() == "2025-02-03"
    page = client_for(partner).get(f"/mash/checks/{check.pk}/").content.decode()
    assert "Attended A&amp;E twice" in page


def test_an_incomplete_answer_shows_field_errors_and_an_error_summary(persona, enquiry):
    check = _check(enquiry, "health")
    response = client_for(persona("health_partner")).post(
        f"/mash/checks/{check.pk}/answer",
        {
            "known": "yes",
            "source_date-day": "31",
            "source_date-month": "2",
            "source_date-year": "2025",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#what_is_known"' in html and "Say what your agency knows." in html
    assert "Enter the system you searched" in html
    assert "Enter a real date" in html
    assert not CheckAnswer.objects.exists()


def test_answering_an_answered_check_again_is_refused_plainly(persona, enquiry):
    check = _check(enquiry, "health")
    client = client_for(persona("health_partner"))
    client.post(f"/mash/checks/{check.pk}/answer", ANSWER)
    response = client.post(f"/mash/checks/{check.pk}/answer", ANSWER)
    assert response.status_code == 400
    assert "This check has already been answered." in response.content.decode()
    assert CheckAnswer.objects.filter(check_request=check).count() == 1


def test_a_partner_asks_for_more_time(persona, enquiry):
    check = _check(enquiry, "police")
    client = client_for(persona("police_partner"))
    assert client.post(f"/mash/checks/{check.pk}/more-time", {"reason": ""}).status_code == 400
    response = client.post(f"/mash/checks/{check.pk}/more-time", {"reason": "Records archived."})
    assert response.status_code == 302
    assert ExtensionRequest.objects.get(check_request=check).reason == "Records archived."
    page = client.get(f"/mash/checks/{check.pk}/").content.decode()
    assert "Your agency asked for more time" in page
