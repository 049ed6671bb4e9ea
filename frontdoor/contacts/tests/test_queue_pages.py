"""The contacts queue shows 50 contacts a page, most urgent first, with links to the rest."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.contacts.actions import triage_contact
from frontdoor.lib.pages import PER_PAGE
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db


def test_the_queue_is_paginated_and_counts_every_contact_waiting(persona):
    references = [make_contact().reference for _ in range(PER_PAGE + 3)]
    client = client_for(persona("contact_officer"))

    first = client.get("/contacts/").content.decode()
    second = client.get("/contacts/?page=2").content.decode()

    assert f"{PER_PAGE + 3} awaiting a decision" in first
    shown_first = {r for r in references if r in first}
    shown_second = {r for r in references if r in second}
    assert len(shown_first) == PER_PAGE and len(shown_second) == 3
    assert shown_first.isdisjoint(shown_second)
    assert 'href="?page=2"' in first and "govuk-pagination" in first


def test_a_page_out_of_range_shows_the_last_page(persona):
    contact = make_contact()
    response = client_for(persona("contact_officer")).get("/contacts/?page=99")
    assert response.status_code == 200 and contact.reference in response.content.decode()
    assert "govuk-pagination" not in response.content.decode()


def _references(page: str, contacts) -> set[str]:
    return {c.reference for c in contacts if c.reference in page}


def test_the_queue_filters_by_whose_rag_overdue_and_stage_with_a_count_for_each(persona):
    me, teammate, other = (
        persona("social_worker"),
        persona("team_manager"),  # same team (Front Door)
        persona("other_team_worker"),
    )
    mine_red = make_contact()
    triage_contact(mine_red, me, rag="red", level_of_need=None)
    team_green = make_contact()
    triage_contact(team_green, teammate, rag="green", level_of_need=None)
    others_amber = make_contact()
    triage_contact(others_amber, other, rag="amber", level_of_need=None)
    late = make_contact(received_at=timezone.now() - dt.timedelta(days=10))
    everyone = [mine_red, team_green, others_amber, late]
    client = client_for(me)

    page = client.get("/contacts/").content.decode()
    assert _references(page, everyone) == {c.reference for c in everyone}
    assert "Mine (1)" in page and "My team&#39;s (2)" in page and "Overdue (1)" in page

    mine = client.get("/contacts/?whose=mine").content.decode()
    assert _references(mine, everyone) == {mine_red.reference}
    team = client.get("/contacts/?whose=team").content.decode()
    assert _references(team, everyone) == {mine_red.reference, team_green.reference}
    rated = client.get("/contacts/?rag=amber&rag=none").content.decode()
    assert _references(rated, everyone) == {others_amber.reference, late.reference}
    overdue = client.get("/contacts/?overdue=yes").content.decode()
    assert _references(overdue, everyone) == {late.reference}
    assert "1 contact match the filters." in overdue
    none = client.get("/contacts/?whose=mine&overdue=yes").content.decode()
    assert _references(none, everyone) == set() and "No contacts match these filters." in none
    # unknown values are ignored, never an error
    assert client.get("/contacts/?whose=nobody&rag=purple&page=x").status_code == 200


def test_filters_are_kept_in_the_page_links(persona):
    me = persona("social_worker")
    for _ in range(PER_PAGE + 2):
        contact = make_contact(received_at=timezone.now() - dt.timedelta(days=10))
        triage_contact(contact, me, rag="red", level_of_need=None)
    page = client_for(me).get("/contacts/?whose=mine&overdue=yes").content.decode()
    assert f"{PER_PAGE + 2} contacts match the filters." in page
    assert 'href="?whose=mine&amp;overdue=yes&amp;page=2"' in page
