"""The search page: one box, optional date of birth and postcode, results with reasons."""

import datetime as dt

import pytest

from frontdoor.accounts.models import Team
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def amelia():
    return add_person("Amelia", "Okafor", dt.date(2016, 5, 10), POSTCODE)


def test_a_social_worker_finds_a_child_and_sees_why_it_matched(persona, amelia):
    page = client_for(persona("social_worker")).get("/people/", {"q": "Millie Okafur"})
    assert page.status_code == 200
    text = page.content.decode()
    assert f'href="/people/{amelia.pk}/"' in text
    assert "forename is a known nickname (Millie / Amelia)" in text
    assert "surname spelt similarly (Okafur / Okafor)" in text
    assert "10 May 2016" in text and POSTCODE in text
    assert "1 person found" in text


def test_the_date_of_birth_and_postcode_fields_narrow_the_search(persona, amelia):
    add_person("Amelia", "Okafor", dt.date(2001, 1, 1), "BS22 6AA")
    page = client_for(persona("social_worker")).get(
        "/people/",
        {
            "q": "Amelia Okafor",
            "date_of_birth-day": "10",
            "date_of_birth-month": "5",
            "date_of_birth-year": "2016",
            "postcode": "bs23 1uj",
        },
    )
    text = page.content.decode()
    assert "same date of birth" in text and "lives at the same postcode" in text
    assert f'href="/people/{amelia.pk}/"' in text
    # Found by name, date of birth and postcode, the child is not listed among namesakes
    # born fifteen years before; by name alone both are.
    assert "1 January 2001" not in text
    page = client_for(persona("social_worker")).get("/people/", {"q": "Amelia Okafor"})
    text = page.content.decode()
    assert "10 May 2016" in text and "1 January 2001" in text


def test_the_page_without_a_search_shows_only_the_form(persona, amelia):
    page = client_for(persona("contact_officer")).get("/people/")
    text = page.content.decode()
    assert page.status_code == 200 and "Find a person" in text
    assert "found" not in text
    assert 'href="/people/new"' in text


def test_a_search_with_an_invalid_date_shows_the_error_summary(persona):
    page = client_for(persona("social_worker")).get(
        "/people/",
        {
            "q": "Okafor",
            "date_of_birth-day": "31",
            "date_of_birth-month": "2",
            "date_of_birth-year": "2016",
        },
    )
    text = page.content.decode()
    assert page.status_code == 400
    assert "There is a problem" in text and 'href="#date_of_birth-day"' in text


def test_nobody_found_says_so(persona, amelia):
    text = client_for(persona("social_worker")).get("/people/", {"q": "Zebedee"}).content.decode()
    assert "0 people found" in text and "No one in the index matches" in text


def test_a_record_restricted_to_another_team_is_not_in_the_results(persona, amelia):
    amelia.restricted_to_team = Team.objects.create(name="Adoption")
    amelia.save()
    text = client_for(persona("social_worker")).get("/people/", {"q": "Okafor"}).content.decode()
    assert "0 people found" in text


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get("/people/", {"q": "Okafor"})
    assert response.status_code == 302 and response.url.startswith("/sign-in")


def test_a_partner_cannot_search_the_index(persona, amelia):
    assert client_for(persona("police_partner")).get("/people/", {"q": "Okafor"}).status_code == 404


def test_search_only_answers_get(persona):
    assert client_for(persona("social_worker")).post("/people/").status_code == 405
