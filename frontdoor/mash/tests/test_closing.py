import datetime as dt

import pytest

from frontdoor.accounts.actions import issue_api_token
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.contacts.actions import authorise_decision, record_decision
from frontdoor.contacts.inputs import DecisionInput
from frontdoor.lib.errors import ActionError
from frontdoor.mash.actions import answer_check, request_more_time
from frontdoor.mash.models import AgencyCheck, MashEnquiry
from frontdoor.mash.tests.conftest import MONDAY
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def persona(persona):
    """Each persona made once: remaking one resets its password and signs its clients out."""
    made = {}

    def get(name):
        if name not in made:
            made[name] = persona(name)
        return made[name]

    return get


def _decide(persona, contact, outcome="referral", agree=True):
    decision = record_decision(
        contact,
        persona("social_worker"),
        DecisionInput(
            outcome=outcome,
            rationale="Police and health both know the family.",
            worries="Bruising",
            working_well="School attendance",
            needs_to_happen="Assessment",
            scaling=3,
            child_views_sought=True,
        ),
        at=MONDAY + dt.timedelta(hours=3),
    )
    return authorise_decision(
        decision,
        persona("team_manager"),
        agree=agree,
        comment="" if agree else "Wait for health.",
        at=MONDAY + dt.timedelta(hours=4),
    )


def _answer_police(persona, enquiry, police):
    return answer_check(
        enquiry.checks.get(agency=police),
        answered_by=persona("police_partner"),
        answered_by_name="DC Example",
        known=True,
        what_is_known="Two call-outs.",
        at=MONDAY + dt.timedelta(hours=1),
    )


def test_authorising_the_decision_closes_the_enquiry_and_its_open_checks(
    persona, enquiry, police, health
):
    _answer_police(persona, enquiry, police)
    _decide(persona, enquiry.contact)
    enquiry.refresh_from_db()
    assert enquiry.status == MashEnquiry.Status.CLOSED
    assert enquiry.checks.get(agency=police).status == AgencyCheck.Status.ANSWERED
    assert enquiry.checks.get(agency=health).status == AgencyCheck.Status.CLOSED
    assert AuditEvent.objects.filter(
        record_type="mashenquiry", summary__contains="checks closed unanswered: Health"
    ).exists()


def test_a_closed_check_leaves_the_partner_queue_and_its_answer_is_refused(
    persona, enquiry, health
):
    _decide(persona, enquiry.contact)
    check = enquiry.checks.get(agency=health)
    partner = client_for(persona("health_partner"))
    queue = partner.get("/mash/checks/").content.decode()
    assert enquiry.contact.reference not in queue
    page = partner.get(f"/mash/checks/{check.pk}/").content.decode()
    assert "closed because the MASH enquiry was decided" in page
    assert "Send answer" not in page
    with pytest.raises(ActionError, match="closed"):
        answer_check(
            check, answered_by=persona("health_partner"), answered_by_name="N", known=False
        )
    response = partner.post(
        f"/mash/checks/{check.pk}/answer", {"known": "no", "source_system": "SystmOne"}
    )
    assert response.status_code == 400 and "was closed" in response.content.decode()
    assert not hasattr(AgencyCheck.objects.get(pk=check.pk), "answer")


def test_the_partner_api_refuses_an_answer_to_a_closed_check_with_a_reason(
    client, persona, enquiry, health
):
    _decide(persona, enquiry.contact)
    check = enquiry.checks.get(agency=health)
    headers = {
        "HTTP_AUTHORIZATION": f"Bearer {issue_api_token(health)}",
        "HTTP_IDEMPOTENCY_KEY": "closed-1",
    }
    listed = client.get("/api/v1/checks?status=open", **headers).json()
    assert listed == []
    closed = client.get("/api/v1/checks?status=closed", **headers).json()
    assert [c["id"] for c in closed] == [check.pk]
    response = client.post(
        f"/api/v1/checks/{check.pk}/response",
        {"known": False, "source_system": "SystmOne", "answered_by_name": "Nurse Example"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 409
    assert "closed because the MASH enquiry was decided" in response.json()["detail"]


def test_a_pending_request_for_more_time_is_refused_with_the_reason_when_closed(
    persona, enquiry, health
):
    check = enquiry.checks.get(agency=health)
    request = request_more_time(check, persona("health_partner"), "Records team busy.")
    _decide(persona, enquiry.contact)
    request.refresh_from_db()
    assert request.decision == "refused" and "enquiry was closed" in request.decision_reason


def test_a_returned_decision_keeps_the_enquiry_open(persona, enquiry, health):
    _decide(persona, enquiry.contact, agree=False)
    enquiry.refresh_from_db()
    assert enquiry.status == MashEnquiry.Status.OPEN
    assert enquiry.checks.get(agency=health).status == AgencyCheck.Status.OPEN


def test_a_decision_to_ask_the_mash_keeps_its_enquiry_open_and_goes_back_to_the_decision(
    persona, enquiry, health
):
    _decide(persona, enquiry.contact, outcome="mash_enquiry")
    enquiry.refresh_from_db()
    assert enquiry.status == MashEnquiry.Status.OPEN
    contact = enquiry.contact
    contact.refresh_from_db()
    assert contact.status == "awaiting_decision" and contact.decided_at is None
