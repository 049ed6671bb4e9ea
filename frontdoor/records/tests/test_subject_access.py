"""Subject access (ADR 0016): the request's clock, gathering from every source with third
parties flagged, decisions, the disclosure PDF; the records themselves never change."""

import datetime as dt
import io
from typing import Any

import pikepdf
import pytest
from django.apps import apps
from django.urls import reverse
from pypdf import PdfReader

from frontdoor.audit.models import Event
from frontdoor.lib.errors import ActionError
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.people.models import Person
from frontdoor.records import actions, registry
from frontdoor.records.models import Decision, SarItem, SubjectAccessRequest
from frontdoor.records.redaction import PARTNER, THIRD_PARTY, disclosed_fields
from frontdoor.records.tests.council import build
from frontdoor.test import client_for, make_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def council() -> Any:
    return build(make_persona("social_worker"))


@pytest.fixture
def officer() -> Any:
    return make_persona("information_governance")


@pytest.fixture
def sar(council: Any, officer: Any) -> SubjectAccessRequest:
    return actions.log_request(
        council.due,
        requester="subject",
        requester_name="Zebedee Quillfeather",
        received_on=dt.date(2026, 1, 31),
        user=officer,
    )


def test_the_clock_is_a_calendar_month_extendable_once_by_two_with_a_reason(sar, officer):
    assert sar.due_on == dt.date(2026, 2, 28)
    with pytest.raises(ActionError, match="why"):
        actions.extend(sar, reason=" ", user=officer)
    actions.extend(sar, reason="Records from three teams and a merged record.", user=officer)
    assert sar.deadline == dt.date(2026, 4, 28)
    with pytest.raises(ActionError, match="already"):
        actions.extend(sar, reason="Again", user=officer)


def test_only_information_governance_may_handle_requests(council):
    with pytest.raises(ActionError, match="information governance"):
        actions.log_request(
            council.due,
            requester="subject",
            requester_name="x",
            received_on=dt.date(2026, 1, 1),
            user=make_persona("qa_auditor"),
        )
    url = reverse("records:index")
    assert client_for(make_persona("team_manager")).get(url).status_code == 404


def _rows() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


def test_gathering_finds_every_app_and_flags_third_parties_without_changing_records(
    sar, officer, council
):
    people_before = list(Person.objects.order_by("pk").values())
    count = actions.gather_for(sar, user=officer)
    items = list(sar.items.all())
    assert count == len(items) > 10
    sources = {i.source_key for i in items}
    assert {
        "people",
        "relationships",
        "contacts",
        "cin-episodes",
        "chronology",
        "access-log",
    } <= sources
    by_title = {i.title: i for i in items}
    sibling = by_title["Relationship: Sibling"]
    assert "Zebara Quillfeather" in sibling.third_parties
    contact = next(i for i in items if "Mrs Hollyhock" in i.third_parties)
    assert "01934 555 0101" in contact.third_parties
    unflagged = next(i for i in items if i.source_key == "cin-episodes")
    assert not unflagged.is_flagged
    assert list(Person.objects.order_by("pk").values()) == people_before
    assert Event.objects.filter(person_id=council.due.pk, summary__startswith="Gathered").exists()


def test_redacting_replaces_third_parties_and_partner_information():
    item = SarItem(
        fields=[["Worry", "Zebara saw it. Ring Mrs Hollyhock."], ["What is known", "Police know."]],
        third_parties=["Zebara", "Mrs Hollyhock"],
        partner_fields=["What is known"],
        decision=Decision.REDACT,
    )
    assert disclosed_fields(item) == [
        ("Worry", f"{THIRD_PARTY} saw it. Ring {THIRD_PARTY}."),
        ("What is known", PARTNER),
    ]
    item.decision = Decision.WITHHOLD
    assert disclosed_fields(item) == []


def test_decisions_need_reasons_and_the_pdf_needs_every_flagged_entry_decided(sar, officer):
    actions.gather_for(sar, user=officer)
    sibling = sar.items.get(title="Relationship: Sibling")
    with pytest.raises(ActionError, match="reason"):
        actions.decide(sibling, decision=Decision.WITHHOLD, reason="", user=officer)
    with pytest.raises(ActionError, match="still need a decision"):
        actions.complete(sar, user=officer)
    client = client_for(officer)
    response = client.post(reverse("records:pdf", args=[sar.pk]))
    assert response.status_code == 302
    actions.decide(sibling, decision=Decision.REDACT, reason="No consent.", user=officer)
    parent = sar.items.get(title="Relationship: Parent")
    actions.decide(
        parent, decision=Decision.WITHHOLD, reason="Serious harm to the mother.", user=officer
    )
    assert actions.redact_undecided(sar, reason="No consent.", user=officer) > 0
    response = client.post(reverse("records:pdf", args=[sar.pk]))
    assert response["Content-Type"] == "application/pdf"
    document = pikepdf.open(io.BytesIO(response.content))
    assert "/StructTreeRoot" in document.Root and document.Root.MarkInfo.Marked
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Contents" in text and "Serious harm to the mother." in text
    for hidden in ("Zebara", "Hollyhock", "Marigold"):
        assert hidden not in text, hidden
    assert Event.objects.filter(action="export", record_type="subjectaccessrequest").exists()
    sar.refresh_from_db()
    assert sar.status == SubjectAccessRequest.Status.COMPLETED
    with pytest.raises(ActionError, match="complete"):
        actions.decide(sibling, decision=Decision.RELEASE, reason="", user=officer)


def test_an_app_adds_its_records_through_the_registry(sar, officer):
    def entries(ids: set[int]) -> list[Entry]:
        return [Entry("quality.audit:1", "Case audit", None, [("Finding", "Good work")])]

    registry.register(Source("quality-audits", "Quality audits", 80, entries))
    try:
        actions.gather_for(sar, user=officer)
    finally:
        registry._sources.pop("quality-audits")
    assert sar.items.filter(source_key="quality-audits", title="Case audit").exists()


def test_the_gather_command_prints_what_it_found(sar, officer, capsys):
    from django.core.management import call_command

    call_command("records", "gather", str(sar.pk), "--officer", officer.username)
    out = capsys.readouterr().out
    assert out.startswith("Gathered ") and "Contacts and referrals: 2" in out


def test_a_parents_request_for_an_older_child_asks_for_the_childs_view(council, officer):
    young = actions.log_request(
        council.young,
        requester="parent",
        requester_name="Mrs Penhaligon",
        received_on=dt.date(2026, 11, 1),
        user=officer,
    )
    assert not actions.may_ask_for_themself(young, dt.date(2026, 12, 1))  # 11
    assert actions.may_ask_for_themself(young, dt.date(2027, 1, 1))  # 12
    page = client_for(officer).get(reverse("records:request", args=[young.pk]))
    assert "can usually ask, or refuse, for themself" not in page.content.decode()
    older = actions.log_request(
        council.due,
        requester="parent",
        requester_name="Marigold Quillfeather",
        received_on=dt.date(2026, 11, 1),
        user=officer,
    )
    page = client_for(officer).get(reverse("records:request", args=[older.pk]))
    assert "can usually ask, or refuse, for themself" in page.content.decode()


def test_an_app_that_describes_nothing_is_still_gathered_by_its_links(sar, officer, monkeypatch):
    from frontdoor.records.sources import linked

    monkeypatch.setattr(linked, "DESCRIBED", linked.DESCRIBED - {"outside"})
    actions.gather_for(sar, user=officer)
    titles = set(sar.items.filter(source_key="linked").values_list("title", flat=True))
    assert any(t.startswith("Missing episodes: entry") for t in titles), titles
    monkeypatch.setattr(linked, "DESCRIBED", linked.DESCRIBED | {"outside"})
    actions.gather_for(sar, user=officer)
    assert not sar.items.filter(source_key="linked").exists()
