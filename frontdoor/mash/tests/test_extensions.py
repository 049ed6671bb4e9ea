import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError
from frontdoor.mash.actions import answer_check, request_more_time
from frontdoor.mash.actions import flag_overdue_checks as tick
from frontdoor.mash.extensions import grant_more_time, refuse_more_time
from frontdoor.mash.models import AgencyCheck, ExtensionRequest
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


@pytest.fixture
def police_check(enquiry, police) -> AgencyCheck:
    return enquiry.checks.get(agency=police)


@pytest.fixture
def more_time(persona, police_check) -> ExtensionRequest:
    return request_more_time(
        police_check,
        persona("police_partner"),
        "Our records officer is off today.",
        at=MONDAY + dt.timedelta(hours=1),
    )


def test_granting_more_time_re_sets_the_checks_clock(persona, police_check, more_time):
    before = police_check.due_at
    new_due = before + dt.timedelta(days=1)
    decided_at = MONDAY + dt.timedelta(hours=2)
    grant_more_time(more_time, persona("social_worker"), new_due_at=new_due, at=decided_at)
    police_check.refresh_from_db()
    more_time.refresh_from_db()
    assert police_check.due_at == new_due
    assert more_time.decision == "granted" and more_time.decided_at == decided_at
    assert more_time.decided_by == persona("social_worker")
    assert more_time.previous_due_at == before and more_time.granted_due_at == new_due
    assert AuditEvent.objects.filter(
        record_type="agencycheck", record_id=str(police_check.pk), summary__contains="re-timed"
    ).exists()
    assert ChronologyEvent.objects.filter(kind=Kind.MASH, summary__contains="granted").exists()


def test_granting_more_time_clears_an_overdue_flag_so_a_new_lapse_is_notified(
    persona, police_check, more_time
):
    late = police_check.due_at + dt.timedelta(hours=1)
    tick(late)
    police_check.refresh_from_db()
    assert police_check.is_overdue
    grant_more_time(
        more_time, persona("team_manager"), new_due_at=late + dt.timedelta(hours=4), at=late
    )
    police_check.refresh_from_db()
    assert not police_check.is_overdue and police_check.overdue_notified_at is None
    assert tick(late + dt.timedelta(hours=5)) == 1


def test_the_new_due_time_must_be_later_than_the_current_one(persona, police_check, more_time):
    with pytest.raises(ActionError, match="later than the current one"):
        grant_more_time(
            more_time,
            persona("social_worker"),
            new_due_at=police_check.due_at,
            at=MONDAY + dt.timedelta(hours=2),
        )


def test_the_new_due_time_must_be_in_the_future(persona, police_check, more_time):
    new_due = police_check.due_at + dt.timedelta(hours=1)
    with pytest.raises(ActionError, match="in the future"):
        grant_more_time(
            more_time, persona("social_worker"), new_due_at=new_due, at=new_due + dt.timedelta(1)
        )


def test_refusing_more_time_needs_a_reason_and_keeps_the_clock(persona, police_check, more_time):
    with pytest.raises(ActionError, match="Say why"):
        refuse_more_time(more_time, persona("social_worker"), reason="  ")
    before = police_check.due_at
    refuse_more_time(more_time, persona("social_worker"), reason="The child is at risk tonight.")
    more_time.refresh_from_db()
    police_check.refresh_from_db()
    assert more_time.decision == "refused"
    assert more_time.decision_reason == "The child is at risk tonight."
    assert police_check.due_at == before


def test_a_request_is_decided_only_once(persona, police_check, more_time):
    refuse_more_time(more_time, persona("social_worker"), reason="Needed today.")
    with pytest.raises(ActionError, match="already been decided"):
        grant_more_time(
            more_time,
            persona("team_manager"),
            new_due_at=timezone.now() + dt.timedelta(days=1),
        )


def test_a_request_on_an_answered_check_cannot_be_granted(persona, police_check, more_time):
    answer_check(
        police_check,
        answered_by=persona("police_partner"),
        answered_by_name="DC Example",
        known=False,
        at=MONDAY + dt.timedelta(hours=2),
    )
    with pytest.raises(ActionError, match="no longer waiting"):
        grant_more_time(
            more_time,
            persona("social_worker"),
            new_due_at=timezone.now() + dt.timedelta(days=1),
        )


def test_staff_see_pending_requests_on_the_enquiry_and_the_manager_list(
    persona, enquiry, more_time
):
    client = client_for(persona("team_manager"))
    link = f"/mash/extensions/{more_time.pk}/"
    enquiry_page = client.get(f"/mash/enquiries/{enquiry.pk}/").content.decode()
    assert link in enquiry_page and "Our records officer is off today." in enquiry_page
    manager_page = client.get("/mash/").content.decode()
    assert "Requests for more time awaiting a decision" in manager_page and link in manager_page


def test_a_social_worker_grants_more_time_and_the_partner_sees_the_new_due_time(
    persona, police_check, more_time
):
    worker = client_for(persona("social_worker"))
    page = worker.get(f"/mash/extensions/{more_time.pk}/").content.decode()
    assert "Request for more time from" in page and "Grant more time" in page
    new_due = (timezone.localtime() + dt.timedelta(days=2)).replace(
        hour=17, minute=30, second=0, microsecond=0
    )
    response = worker.post(
        f"/mash/extensions/{more_time.pk}/",
        {
            "decision": "grant",
            "new_due_date-day": new_due.day,
            "new_due_date-month": new_due.month,
            "new_due_date-year": new_due.year,
            "new_due_time": "17:30",
        },
    )
    assert response.status_code == 302
    police_check.refresh_from_db()
    assert police_check.due_at == new_due
    partner = client_for(persona("police_partner"))
    partner_page = partner.get(f"/mash/checks/{police_check.pk}/").content.decode()
    assert "More time was granted" in partner_page
    assert f"{new_due.day} " in partner_page and "17:30" in partner_page


def test_a_refusal_shows_its_reason_to_the_partner(persona, police_check, more_time):
    worker = client_for(persona("social_worker"))
    response = worker.post(f"/mash/extensions/{more_time.pk}/", {"decision": "refuse"})
    assert response.status_code == 400
    assert "Say why more time is refused." in response.content.decode()
    worker.post(
        f"/mash/extensions/{more_time.pk}/",
        {"decision": "refuse", "reason": "Strategy discussion at noon needs it."},
    )
    more_time.refresh_from_db()
    assert more_time.decision == "refused"
    partner_page = (
        client_for(persona("police_partner"))
        .get(f"/mash/checks/{police_check.pk}/")
        .content.decode()
    )
    assert "was refused" in partner_page
    assert "Strategy discussion at noon needs it." in partner_page


def test_granting_without_a_date_or_with_a_bad_time_shows_errors(persona, more_time):
    worker = client_for(persona("social_worker"))
    page = worker.post(f"/mash/extensions/{more_time.pk}/", {"decision": "grant"})
    assert page.status_code == 400 and "Enter the new due date." in page.content.decode()
    future = timezone.localdate() + dt.timedelta(days=3)
    page = worker.post(
        f"/mash/extensions/{more_time.pk}/",
        {
            "decision": "grant",
            "new_due_date-day": future.day,
            "new_due_date-month": future.month,
            "new_due_date-year": future.year,
            "new_due_time": "half five",
        },
    )
    assert "like 17:00" in page.content.decode()
    more_time.refresh_from_db()
    assert more_time.decision == "pending"


def test_deciding_more_time_access(persona, enquiry, health, more_time):
    url = f"/mash/extensions/{more_time.pk}/"
    response = Client().get(url)
    assert response.status_code == 302 and response.url.startswith("/sign-in")
    for name in ("police_partner", "health_partner", "contact_officer", "analyst"):
        assert client_for(persona(name)).get(url).status_code == 404, name
    assert (
        client_for(persona("police_partner")).post(url, {"decision": "refuse"}).status_code == 404
    )
    worker = client_for(persona("social_worker"))
    assert worker.put(url).status_code == 405
    assert worker.get("/mash/extensions/999999/").status_code == 404
    more_time.refresh_from_db()
    assert more_time.decision == "pending"
