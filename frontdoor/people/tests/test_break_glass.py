"""Break-glass: a worker opens a record restricted to another team by saying why; the
opening is on the record's access log and in the auditors' report, and it expires."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.accounts.models import Team
from frontdoor.audit.models import Event
from frontdoor.people.models import BreakGlass, Person
from frontdoor.people.tests.helpers import add_person
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

REASON = "Police have her at the station tonight and ask if she is known to us."


@pytest.fixture
def restricted():
    person = add_person("Zephyrine", "Okafor", dt.date(2018, 2, 1))
    Person.objects.filter(pk=person.pk).update(
        restricted_to_team=Team.objects.create(name="Adoption")
    )
    return person


def test_a_worker_opens_a_restricted_record_by_saying_why(persona, restricted):
    worker = persona("social_worker")
    client = client_for(worker)
    assert client.get(f"/people/{restricted.pk}/").status_code == 404
    assert "Open a restricted record" in client.get("/people/").content.decode()
    response = client.post("/people/break-glass", {"record": restricted.pk, "reason": REASON})
    assert response.status_code == 302 and response.url == f"/people/{restricted.pk}/"
    page = client.get(response.url).content.decode()
    assert "Zephyrine" in page and "logged and seen by auditors" in page
    opening = Event.objects.get(action=Event.Action.BREAK_GLASS)
    assert opening.user == worker and opening.person_id == restricted.pk
    assert opening.changes["reason"] == REASON
    # Visible to auditors on the record's access log and in the report.
    auditor = client_for(persona("administrator"))
    log = auditor.get(f"/people/{restricted.pk}/access-log").content.decode()
    assert "break-glass" in log and REASON in log
    qa = client_for(persona("qa_auditor"))
    report = qa.get("/people/break-glass/report").content.decode()
    assert REASON in report and "Social Worker Persona" in report and "Adoption" in report
    assert "Zephyrine" not in report  # by number only: the auditor may not open it


def test_the_opening_expires(persona, restricted):
    client = client_for(persona("social_worker"))
    client.post("/people/break-glass", {"record": restricted.pk, "reason": REASON})
    BreakGlass.objects.update(expires_at=timezone.now())
    assert client.get(f"/people/{restricted.pk}/").status_code == 404


def test_no_reason_no_record_and_unrestricted_records(persona, restricted):
    client = client_for(persona("social_worker"))
    response = client.post("/people/break-glass", {"record": restricted.pk, "reason": "need"})
    assert response.status_code == 400 and "Say why you need this record now" in (
        response.content.decode()
    )
    response = client.post("/people/break-glass", {"record": 999999, "reason": REASON})
    assert "There is no restricted record with that number" in response.content.decode()
    open_record = add_person("Amelia", "Okafor", dt.date(2016, 5, 10))
    response = client.post("/people/break-glass", {"record": open_record.pk, "reason": REASON})
    assert response.status_code == 302  # not restricted: just opened, nothing to break
    assert not BreakGlass.objects.exists()
    assert not Event.objects.filter(action=Event.Action.BREAK_GLASS).exists()


@pytest.mark.parametrize("who", ["analyst", "police_partner", "qa_auditor"])
def test_roles_that_hold_no_cases_cannot_break_glass(persona, restricted, who):
    client = client_for(persona(who))
    response = client.post("/people/break-glass", {"record": restricted.pk, "reason": REASON})
    assert response.status_code == 404
    assert not BreakGlass.objects.exists()
