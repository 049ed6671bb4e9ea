import pytest

from frontdoor.accounts.actions import issue_api_token
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.mash.models import CheckAnswer

pytestmark = pytest.mark.django_db

RESPONSE = {
    "known": True,
    "what_is_known": "One call-out in 2024 for a noise complaint.",
    "risk_indicators": ["other"],
    "source_system": "Niche RMS",
    "source_date": "2024-06-01",
    "answered_by_name": "DC Jane Example",
}


def _headers(agency, key: str | None = "key-1") -> dict[str, str]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_api_token(agency)}"}
    if key:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return headers


def _post(client, check, headers, body=RESPONSE):
    return client.post(
        f"/api/v1/checks/{check.pk}/response", body, content_type="application/json", **headers
    )


def test_a_partner_system_lists_only_its_agencys_open_checks(client, enquiry, police):
    response = client.get("/api/v1/checks?status=open", **_headers(police, None))
    assert response.status_code == 200
    checks = response.json()
    assert [c["id"] for c in checks] == [enquiry.checks.get(agency=police).pk]
    assert checks[0]["question"] == "Any police call-outs to the home?"
    assert checks[0]["people"][0]["name"] == "Amelia Okafor"
    assert "bruises" not in response.content.decode()
    assert AuditEvent.objects.filter(actor_label="police system", action="view").exists()


def test_a_partner_system_answers_a_check_once_and_a_retry_replays_it(client, enquiry, police):
    check = enquiry.checks.get(agency=police)
    headers = _headers(police)
    first = _post(client, check, headers)
    assert first.status_code == 201, first.content
    again = _post(client, check, headers)
    assert again.status_code == 200 and again["Idempotent-Replayed"] == "true"
    answer = CheckAnswer.objects.get()
    assert answer.via == "api" and answer.answered_by is None
    assert answer.answered_by_name == "DC Jane Example"


def test_a_second_answer_with_a_new_key_is_a_conflict(client, enquiry, police):
    check = enquiry.checks.get(agency=police)
    _post(client, check, _headers(police, "key-1"))
    response = _post(client, check, _headers(police, "key-2"))
    assert response.status_code == 409
    assert "already been answered" in response.json()["detail"]


def test_a_key_reused_with_another_body_is_refused(client, enquiry, police):
    check = enquiry.checks.get(agency=police)
    _post(client, check, _headers(police))
    response = _post(client, check, _headers(police), {**RESPONSE, "known": False})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"


def test_another_agencys_check_is_not_found(client, enquiry, health, police):
    response = _post(client, enquiry.checks.get(agency=police), _headers(health))
    assert response.status_code == 404
    assert not CheckAnswer.objects.exists()


def test_a_broken_rule_is_a_problem_naming_the_field(client, enquiry, police):
    check = enquiry.checks.get(agency=police)
    response = _post(client, check, _headers(police), {**RESPONSE, "what_is_known": ""})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "what_is_known"


def test_no_token_is_refused(client, enquiry, police):
    assert client.get("/api/v1/checks").status_code == 401


def test_openapi_documents_every_status_of_the_checks_api(client):
    schema = client.get("/api/openapi.json").json()
    listing = schema["paths"]["/api/v1/checks"]["get"]
    answer = schema["paths"]["/api/v1/checks/{check_id}/response"]["post"]
    assert {"200", "401"} <= set(listing["responses"])
    assert {"200", "201", "400", "401", "404", "409", "422"} <= set(answer["responses"])
    for code in ("400", "401", "404", "409", "422"):
        body = answer["responses"][code]["content"]["application/problem+json"]["schema"]
        assert body["$ref"].endswith("/Problem"), code
    key = next(p for p in answer["parameters"] if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and key["required"] is True
    assert answer["security"] == [{"AgencyToken": []}]


def test_a_token_lists_only_its_own_agencys_checks_whatever_the_status(client, enquiry, health):
    police_check = enquiry.checks.exclude(agency=health).get()
    for status in ("open", "answered", "withdrawn", "closed"):
        listed = client.get(f"/api/v1/checks?status={status}", **_headers(health, None)).json()
        assert police_check.pk not in [c["id"] for c in listed]
