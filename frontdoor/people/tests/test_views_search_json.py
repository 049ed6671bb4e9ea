"""The staff-only JSON form of person search."""

import datetime as dt

import pytest

from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import client_for, make_persona

pytestmark = pytest.mark.django_db


def test_a_worker_gets_ranked_results_with_reasons():
    amelia = add_person("Amelia", "Okafor", dt.date(2016, 5, 10), POSTCODE)
    client = client_for(make_persona("social_worker"))
    response = client.get("/people/search.json", {"q": "Millie Okafor 10/5/2016"})
    assert response.status_code == 200
    [result] = response.json()["results"]
    assert result["id"] == amelia.pk and result["url"] == f"/people/{amelia.pk}/"
    assert result["postcode"] == POSTCODE and result["date_of_birth"] == "2016-05-10"
    assert "forename is a known nickname (Millie / Amelia)" in result["reasons"]


def test_an_empty_search_is_a_400_with_the_reason():
    client = client_for(make_persona("social_worker"))
    response = client.get("/people/search.json")
    assert response.status_code == 400 and "q" in response.json()["errors"]


def test_partners_get_404_anonymous_sign_in_and_post_405(client):
    assert client.get("/people/search.json?q=x").url.startswith("/sign-in")
    partner = client_for(make_persona("police_partner"))
    assert partner.get("/people/search.json?q=Okafor").status_code == 404
    worker = client_for(make_persona("social_worker"))
    assert worker.post("/people/search.json").status_code == 405
