"""POST /api/v1/missing-episodes: police only, idempotent, problems for every refusal, and
nothing stored when refused."""

import json
from typing import Any

import pytest
from django.test import Client

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency
from frontdoor.contacts.api import api
from frontdoor.outside.models import EpisodeKey, MissingEpisode

pytestmark = pytest.mark.django_db
URL = "/api/v1/missing-episodes"


def token_for(slug: str) -> str:
    return issue_api_token(Agency.objects.get(slug=slug))


def report(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "child": {"nhs_number": "999 000 0018"},
        "kind": "missing",
        "missing_from": "home",
        "last_seen_at": "2026-03-06T21:30:00+00:00",
        "reported_at": "2026-03-06T23:00:00+00:00",
        "risk_level": "medium",
        "police_reference": "NS-2026-0042",
        "circumstances": "Did not come home after school.",
    }
    body.update(overrides)
    return body


def send(body: Any, token: str | None, key: str = "key-1", url: str = URL) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return Client().post(url, json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def police() -> str:
    return token_for("police")


def test_the_police_report_a_child_missing_and_back(child, police):
    returned = {
        "returned_at": "2026-03-07T18:00:00+00:00",
        "found_by": "police",
        "where_found": "Grove Park",
    }
    response = send(report(returned=returned), police)
    assert response.status_code == 201, response.content
    episode = MissingEpisode.objects.get()
    assert (episode.person, episode.reported_by_agency.slug, episode.police_risk) == (
        child,
        "police",
        "medium",
    )
    assert response.json()["status"] == "returned"
    assert response.json()["return_interview_due_at"].startswith("2026-03-10T18:00")


def test_the_same_idempotency_key_twice_makes_one_episode(child, police):
    first = send(report(), police)
    again = send(report(), police)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert MissingEpisode.objects.count() == 1 and EpisodeKey.objects.count() == 1
    other = send(report(police_reference="NS-OTHER"), police)
    assert other.status_code == 422 and other["Content-Type"] == "application/problem+json"
    assert MissingEpisode.objects.count() == 1


def test_a_health_token_is_refused_and_stores_nothing(child):
    response = send(report(), token_for("health"))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Only the police report missing episodes"
    assert not MissingEpisode.objects.exists()


def test_no_token_is_401_and_stores_nothing(child):
    response = send(report(), None)
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    assert not MissingEpisode.objects.exists()


def test_a_return_before_the_report_is_refused_and_stores_nothing(child, police):
    returned = {"returned_at": "2026-03-06T22:00:00+00:00"}
    response = send(report(returned=returned), police)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "returned_at"
    assert not MissingEpisode.objects.exists() and not EpisodeKey.objects.exists()


def test_a_report_before_last_seen_and_a_time_without_offset_are_refused(child, police):
    early = send(report(reported_at="2026-03-06T20:00:00+00:00"), police)
    naive = send(report(last_seen_at="2026-03-06T21:30:00"), police, key="key-2")
    assert (early.status_code, naive.status_code) == (422, 422)
    assert "offset" in naive.json()["errors"][0]["message"]
    assert not MissingEpisode.objects.exists()


def test_an_unknown_child_is_refused_and_stores_nothing(child, police):
    response = send(report(child={"nhs_number": "9990000026"}), police)
    assert response.status_code == 422
    assert response.json()["type"] == "urn:frontdoor:problem:unknown-child"
    assert not MissingEpisode.objects.exists()


def test_the_police_report_the_return_later_once(child, police):
    episode_id = send(report(), police).json()["id"]
    url = f"{URL}/{episode_id}/return"
    back = {"returned_at": "2026-03-07T18:00:00+00:00", "found_by": "returned"}
    first = Client().post(
        url,
        json.dumps(back),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {police}",
    )
    again = Client().post(
        url,
        json.dumps(back),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {police}",
    )
    assert (first.status_code, again.status_code) == (200, 409)
    other = Client().post(
        f"{URL}/999999/return",
        json.dumps(back),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {police}",
    )
    assert other.status_code == 404


def test_the_contract_documents_the_operations_and_their_problems():
    schema = api.get_openapi_schema()
    post = schema["paths"]["/api/v1/missing-episodes"]["post"]
    assert {201, 200, 400, 401, 403, 422} <= {int(status) for status in post["responses"]}
    problem = next(r for s, r in post["responses"].items() if int(s) == 403)
    assert "application/problem+json" in problem["content"]
    assert "/api/v1/missing-episodes/{episode_id}/return" in schema["paths"]


def test_without_an_idempotency_key_the_report_is_a_bad_request(child, police):
    response = send(report(), police, key="")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert not MissingEpisode.objects.exists()


def test_a_time_out_of_range_is_refused_not_a_server_error(child, police):
    response = send(report(last_seen_at="0001-01-01T00:00:00+14:00"), police)
    assert response.status_code == 422
    assert not MissingEpisode.objects.exists()
