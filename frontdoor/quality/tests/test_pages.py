"""The quality pages end to end through the test client: programme → sample → audit →
moderation → resolution → action on the owner's caseload; escalation; the learning PDF."""

import datetime as dt
import io

import pikepdf
import pytest
from django.urls import reverse

from frontdoor.audit.models import Event
from frontdoor.quality.models import Audit, AuditKind, LearningAction, Programme
from frontdoor.quality.tests.conftest import decided
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db
MARCH = dt.date(2025, 3, 3)


def _answers(n: int, **extra: str) -> dict[str, str]:
    data = {f"answer_{i}": "yes" for i in range(n)}
    data.update({f"evidence_{i}": "Recorded in the decision." for i in range(n)})
    data.update(extra)
    return data


@pytest.fixture
def drawn(persona):
    worker, manager = persona("social_worker"), persona("team_manager")
    auditor = persona("qa_auditor")
    for i in range(3):
        decided(worker, manager, MARCH + dt.timedelta(days=i))
    kind = AuditKind.objects.get(slug="front-door-decision")
    client = client_for(manager)
    page = client.post(
        reverse("quality:new-programme"),
        {
            "month-day": "1",
            "month-month": "3",
            "month-year": "2025",
            "kind": kind.pk,
            "count": "2",
            "method": "random",
            "auditors": [auditor.pk, worker.pk],
        },
    )
    assert page.status_code == 302
    programme = Programme.objects.get()
    assert (
        client.post(reverse("quality:programme", args=[programme.pk]), {"seed": "42"}).status_code
        == 302
    )
    return {"manager": manager, "auditor": auditor, "worker": worker, "kind": kind}


def test_a_programme_with_no_auditor_is_refused_with_an_error_summary(persona):
    client = client_for(persona("team_manager"))
    page = client.post(reverse("quality:new-programme"), {"method": "targeted"})
    html = page.content.decode()
    assert page.status_code == 400 and "There is a problem" in html
    assert "Choose at least one auditor." in html and "Choose the theme to target." in html
    assert not Programme.objects.exists()


def test_the_whole_cycle_through_the_pages(drawn):
    auditor, manager, worker = drawn["auditor"], drawn["manager"], drawn["worker"]
    audits = list(Audit.objects.order_by("pk"))
    assert len(audits) == 2 and {a.auditor_id for a in audits} == {auditor.pk}
    audit = audits[0]
    client = client_for(auditor)
    before = Event.objects.filter(action=Event.Action.VIEW, contact_id=audit.contact_id).count()
    page = client.get(reverse("quality:audit", args=[audit.pk]))
    assert "Complete audit" in page.content.decode()
    assert (
        Event.objects.filter(action=Event.Action.VIEW, contact_id=audit.contact_id).count()
        == before + 1
    )
    n = len(drawn["kind"].questions)
    # Evidence missing for one answer: nothing is written.
    bad = _answers(n, grade="good", same_decision="yes", summary="Fine.")
    bad["evidence_2"] = ""
    page = client.post(reverse("quality:audit", args=[audit.pk]), bad)
    assert page.status_code == 400 and not Audit.objects.get(pk=audit.pk).is_completed
    good = _answers(n, grade="good", same_decision="yes", summary="Clear and timely.")
    assert client.post(reverse("quality:audit", args=[audit.pk]), good).status_code == 302
    lead = client_for(manager)
    assert (
        lead.post(
            reverse("quality:moderate", args=[audit.pk]),
            {"grade": "requires_improvement", "comment": "Partners' views were not sought."},
        ).status_code
        == 302
    )
    assert "Grades differ" in lead.get(reverse("quality:audit", args=[audit.pk])).content.decode()
    assert (
        lead.post(
            reverse("quality:resolve", args=[audit.pk]),
            {"agreed_grade": "requires_improvement", "resolution": "Agreed at the panel."},
        ).status_code
        == 302
    )
    html = lead.get(reverse("quality:audit", args=[audit.pk])).content.decode()
    assert "Good" in html and "Requires improvement" in html and "Agreed at the panel." in html
    due = dt.date.today() + dt.timedelta(days=14)
    assert (
        lead.post(
            reverse("quality:add-action", args=[audit.pk]),
            {
                "owner": worker.pk,
                "what": "Ask the school for its view.",
                "due_date-day": due.day,
                "due_date-month": due.month,
                "due_date-year": due.year,
            },
        ).status_code
        == 302
    )
    caseload = client_for(worker).get(reverse("casework:caseload")).content.decode()
    assert "Ask the school for its view." in caseload and "Actions from audits" in caseload


def test_an_auditor_may_not_open_an_audit_given_to_someone_else(drawn, persona):
    audit = Audit.objects.first()
    other = persona("social_worker")  # named in the programme but not given this audit
    assert audit.auditor_id != other.pk
    assert client_for(other).get(reverse("quality:audit", args=[audit.pk])).status_code == 404


def test_child_unsafe_escalates_to_the_cases_manager_in_one_action(drawn):
    audit = Audit.objects.first()
    n = len(drawn["kind"].questions)
    client = client_for(drawn["auditor"])
    data = _answers(n, grade="inadequate", same_decision="no", summary="Unsafe.", child_unsafe="on")
    assert client.post(reverse("quality:audit", args=[audit.pk]), data).status_code == 302
    escalation = LearningAction.objects.get(is_escalation=True)
    assert escalation.owner == drawn["manager"]  # who authorised the decision
    caseload = client_for(drawn["manager"]).get(reverse("casework:caseload")).content.decode()
    assert "Child unsafe" in caseload


def test_the_learning_summary_is_a_page_and_a_tagged_pdf(drawn):
    audit = Audit.objects.first()
    n = len(drawn["kind"].questions)
    client_for(drawn["auditor"]).post(
        reverse("quality:audit", args=[audit.pk]),
        _answers(n, grade="good", same_decision="yes", summary="Fine."),
    )
    month = dt.date.today().strftime("%Y-%m")
    lead = client_for(drawn["manager"])
    page = lead.get(reverse("quality:learning") + f"?month={month}").content.decode()
    assert "1 audit completed" in page
    pdf = lead.get(reverse("quality:learning-pdf") + f"?month={month}")
    assert pdf["Content-Type"] == "application/pdf"
    with pikepdf.open(io.BytesIO(pdf.content)) as doc:
        assert "/StructTreeRoot" in doc.Root and str(doc.Root.Lang) == "en-GB"
