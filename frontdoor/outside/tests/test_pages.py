"""The ROTH pages: who may open them, the child's page and network, the meeting pack as a
page and a tagged PDF, and what a partner sees."""

import datetime as dt
import io

import pikepdf
import pytest
from django.urls import reverse

from frontdoor.audit.models import Event
from frontdoor.outside import actions
from frontdoor.outside.tests.conftest import D, at
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(child, missing, persona, roth):
    episode = missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))
    data = actions.InterviewInput(
        offered_at=at(D(2026, 3, 7), 9),
        outcome="accepted",
        interviewer=roth,
        held_at=at(D(2026, 3, 7), 15),
        child_said="I was at the park with Dean.",
        places=[("Grove Park", "BS23 1AA")],
        new_adults=[("Dean", "Rowe")],
    )
    actions.record_return_interview(episode, data, user=roth)
    actions.record_screening(
        child, kind="cse", screened_on=D(2026, 3, 8), ratings={}, is_disclosure=True, user=roth
    )
    return episode


def test_the_network_picture_and_its_table_show_the_same_links(known, child, roth):
    page = client_for(roth).get(reverse("outside:network", args=[child.pk])).content.decode()
    assert "<svg" in page and 'role="img"' in page
    picture, table = page.split('id="network-links"')
    assert "Dean Rowe" in picture and "Grove Park" in picture
    assert "Dean Rowe" in table and "Grove Park (BS23 1AA)" in table
    assert Event.objects.filter(action="view", person_id=child.pk, user=roth).exists()


def test_the_meeting_pack_lists_the_child_with_everything(known, child, roth):
    meeting = actions.prepare_meeting("weekly_missing", D(2026, 3, 9), user=roth)
    assert meeting.covers_from == D(2026, 3, 2)
    page = client_for(roth).get(reverse("outside:meeting", args=[meeting.pk])).content.decode()
    for shown in [
        child.full_name,
        "I was at the park with Dean.",
        "Accepted",
        "Dean Rowe",
        "Grove Park",
        "high",
    ]:
        assert shown in page, shown
    pdf = client_for(roth).get(reverse("outside:meeting-pdf", args=[meeting.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    document = pikepdf.open(io.BytesIO(pdf.content))
    assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en-GB"
    assert document.Root.MarkInfo.Marked


def test_a_decision_and_an_action_are_recorded_per_child(known, child, roth):
    meeting = actions.prepare_meeting("weekly_missing", D(2026, 3, 9), user=roth)
    url = reverse("outside:note", args=[meeting.pk]) + f"?person={child.pk}"
    response = client_for(roth).post(
        url,
        {
            "decision": "Refer to MACE.",
            "action": "Disruption visit",
            "owner": "Police",
            "due_on-day": "16",
            "due_on-month": "3",
            "due_on-year": "2026",
        },
    )
    assert response.status_code == 302
    page = client_for(roth).get(reverse("outside:meeting", args=[meeting.pk])).content.decode()
    assert "Disruption visit" in page


def test_a_partner_sees_what_they_reported_and_not_an_unshared_child(known, child, persona, roth):
    police = persona("police_partner")
    client = client_for(police)
    assert client.get(reverse("outside:episode", args=[known.pk])).status_code == 404  # not theirs
    assert client.get(reverse("outside:child", args=[child.pk])).status_code == 404
    actions.record_sharing_decision(
        child, agency=police.agency, is_shared=True, reason="MACE", user=roth
    )
    page = client.get(reverse("outside:episode", args=[known.pk]))
    assert page.status_code == 200 and "I was at the park with Dean." in page.content.decode()


def test_other_staff_cannot_open_roth_pages_but_see_episodes_on_casework(known, child, persona):
    worker = client_for(persona("social_worker"))
    assert worker.get(reverse("outside:child", args=[child.pk])).status_code == 404
    assert worker.get(reverse("outside:episode", args=[known.pk])).status_code == 404
    casework = worker.get(reverse("casework:child", args=[child.pk])).content.decode()
    assert "Missing episodes" in casework and "Missing (whereabouts unknown)" in casework


def test_the_themes_page_draws_each_table(known, roth):
    page = (
        client_for(roth)
        .get(reverse("outside:themes") + "?from=2026-01-01&to=2026-03-31")
        .content.decode()
    )
    assert "Missing episodes by the child&#39;s home area" in page or "home area" in page
    assert page.count("<svg") >= 2


def test_the_meeting_pack_command_writes_a_tagged_pdf(known, child, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "pack.pdf"
    call_command("outside", "meeting-pack", "--date", "2026-03-09", "--out", str(out))
    document = pikepdf.open(out)
    assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en-GB"
    assert len(document.pages) >= 1


def test_a_later_decision_not_to_share_withdraws_the_partners_view(known, child, persona, roth):
    police = persona("police_partner")
    actions.record_sharing_decision(
        child, agency=police.agency, is_shared=True, reason="MACE", user=roth
    )
    assert client_for(police).get(reverse("outside:episode", args=[known.pk])).status_code == 200
    actions.record_sharing_decision(
        child, agency=police.agency, is_shared=False, reason="No longer needed", user=roth
    )
    assert client_for(police).get(reverse("outside:episode", args=[known.pk])).status_code == 404


def test_the_record_page_and_the_chronology_show_the_missing_episode(known, child, roth, persona):
    worker = client_for(persona("social_worker"))
    record = worker.get(reverse("people:person", args=[child.pk])).content.decode()
    assert "Missing episodes" in record and "Missing (whereabouts unknown)" in record
    chronology = worker.get(reverse("people:chronology", args=[child.pk])).content.decode()
    assert "Missing from home" in chronology and "Return home interview" in chronology


def test_the_settings_page_lists_the_push_and_pull_factors(persona):
    page = client_for(persona("administrator")).get(reverse("accounts:settings")).content.decode()
    assert "push and pull factors" in page and "Conflict at home" in page
    response = client_for(persona("administrator")).post(
        reverse("outside:new-factor"),
        {
            "code": "county_lines",
            "name": "County lines",
            "direction": "pull",
            "order": "50",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert (
        "County lines"
        in client_for(persona("administrator")).get(reverse("accounts:settings")).content.decode()
    )


def test_a_missing_episode_in_the_future_or_before_birth_is_refused_and_stores_nothing(child, roth):
    url = reverse("outside:report-missing", args=[child.pk])
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    born = child.date_of_birth - dt.timedelta(days=1)
    for day, message in (
        (tomorrow, "Date last seen must be today or in the past."),
        (born, "Date last seen must be on or after the child"),
    ):
        response = client_for(roth).post(
            url,
            {
                "kind": "missing",
                "missing_from": "home",
                "last_seen_on-day": day.day,
                "last_seen_on-month": day.month,
                "last_seen_on-year": day.year,
                "last_seen_at": "20:00",
            },
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert "There is a problem" in page and message in page
    assert not child.missing_episodes.exists()
