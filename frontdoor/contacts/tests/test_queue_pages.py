"""The contacts queue shows 50 contacts a page, most urgent first, with links to the rest."""

import pytest

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
