"""400, 403, 404 and 500 are the council's GOV.UK pages with a way back (503: test_faults)."""

import pytest
from django.test import Client

from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


def _styled(response, status: int, heading: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert 'class="govuk-template"' in page and "govuk-footer" in page
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert 'href="/">Go to the Front Door home page</a>' in page
    return page


def test_a_missing_page_and_a_record_you_may_not_open_are_the_same_styled_404(persona):
    _styled(Client().get("/no-such-page"), 404, "Page not found")
    # a partner asking for a contact not shared with their agency: the same page
    other = client_for(persona("police_partner")).get("/contacts/999999/")
    page = _styled(other, 404, "Page not found")
    assert "999999" not in page


def test_a_form_posted_without_its_csrf_token_is_a_styled_403(persona):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in", {"username": "x", "password": "y"})
    _styled(response, 403, "You cannot do that here")


def test_a_request_django_cannot_read_is_a_styled_400():
    response = Client().get("/", HTTP_HOST="bad host name")
    _styled(response, 400, "Sorry, Front Door could not read that request")


def test_an_api_404_stays_a_json_problem():
    response = Client().get("/api/v1/no-such-route")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
