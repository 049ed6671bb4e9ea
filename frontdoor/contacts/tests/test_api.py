import copy
import datetime as dt
import json
import threading
from typing import Any

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone

from frontdoor.accounts.actions import issue_api_token, revoke_agency_api_tokens
from frontdoor.accounts.models import Agency
from frontdoor.audit.models import Event
from frontdoor.contacts.api import api, refused
from frontdoor.contacts.models import Contact, ContactSubject, IdempotencyRecord
from frontdoor.contacts.schemas import EXAMPLE
from frontdoor.lib.errors import ActionError
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db

URL = "/api/v1/contacts"


def token_for(slug: str) -> str:
    return issue_api_token(Agency.objects.get(slug=slug))


def body(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(overrides)
    return data


def child(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE["children"][0])
    data.update(overrides)
    return data


def send(
    data: Any, token: str | None, key: str | None = "key-1", client: Client | None = None
) -> Any:
    headers: dict[str, Any] = {}
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    payload = data if isinstance(data, str) else json.dumps(data)
    return (client or Client()).post(URL, payload, content_type="application/json", **headers)


def field_errors(response: Any) -> dict[str, str]:
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert problem["status"] == response.status_code
    assert {"type", "title", "detail", "errors"} <= problem.keys()
    return {e["field"]: e["message"] for e in problem["errors"]}


@pytest.fixture
def police_token() -> str:
    return token_for("police")


def test_a_valid_contact_from_the_police_is_recorded_as_a_partner_system_contact(police_token):
    response = send(body(), police_token)

    assert response.status_code == 201, response.content
    receipt = response.json()
    contact = Contact.objects.get()
    assert receipt["id"] == contact.pk
    assert receipt["reference"] == contact.reference
    assert receipt["status"] == "awaiting_triage"
    assert {"received_at", "decision_due_at"} <= receipt.keys()
    assert response["Location"] == f"/api/v1/contacts/{contact.reference}"
    assert contact.channel == "api"
    assert contact.referrer_agency == Agency.objects.get(slug="police")
    assert contact.source == "6" and contact.is_domestic_abuse
    child_subject = contact.child_subjects().get()
    assert child_subject.nhs_number == "9990000018"
    assert child_subject.postcode == "BS23 1UJ"
    assert contact.subjects.filter(role=ContactSubject.Role.ADULT).count() == 1
    audit = Event.objects.get(record_type="contact", record_id=str(contact.pk), action="create")
    assert audit.actor_label == "police system"


def test_the_api_sets_no_cookie_and_needs_no_csrf_token(police_token):
    client = Client(enforce_csrf_checks=True)
    response = send(body(), police_token, client=client)
    assert response.status_code == 201
    assert not response.cookies


def test_postcode_and_nhs_number_are_stored_normalised(police_token):
    send(body(children=[child(postcode="bs231uj", nhs_number="999-000-0018")]), police_token)
    subject = ContactSubject.objects.get(role="child")
    assert (subject.postcode, subject.nhs_number) == ("BS23 1UJ", "9990000018")


def test_sending_the_same_contact_again_with_the_same_key_returns_the_first_contact(police_token):
    first = send(body(), police_token, key="retry-me")
    # Same body with the keys in another order: still the same request.
    reordered = dict(reversed(list(body().items())))
    again = send(reordered, police_token, key="retry-me")

    assert again.status_code == 200
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert Contact.objects.count() == 1


def test_reusing_a_key_with_a_different_body_is_refused_and_records_nothing(police_token):
    send(body(), police_token, key="used")
    response = send(body(worry="A different worry."), police_token, key="used")

    assert response.status_code == 422
    assert response.json()["title"] == (
        "Idempotency-Key was already used with a different request body"
    )
    assert "Idempotency-Key" in field_errors(response)
    assert Contact.objects.count() == 1


def test_the_same_key_from_another_agency_is_a_different_contact(police_token):
    send(body(), police_token, key="shared")
    response = send(body(source="3A"), token_for("health"), key="shared")
    assert response.status_code == 201
    assert Contact.objects.count() == 2


def test_a_post_without_an_idempotency_key_is_a_bad_request(police_token):
    response = send(body(), police_token, key=None)
    assert response.status_code == 400
    assert "Idempotency-Key" in field_errors(response)
    assert Contact.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"children": [child(nhs_number="9990000019")]}, "children.0.nhs_number", "NHS number"),
        ({"children": []}, "children", "at least one child"),
        (
            {"children": [child(date_of_birth=str(timezone.localdate() + dt.timedelta(days=2)))]},
            "children.0.date_of_birth",
            "in the past",
        ),
        ({"source": "ZZ"}, "source", "referral source code"),
        ({"children": [child(postcode="NOT A CODE")]}, "children.0.postcode", "postcode"),
        ({"children": [child(sex="X")]}, "children.0.sex", "Sex must be one of"),
        (
            {"consent": "given", "consent_reason": "", "immediate_danger": "maybe"},
            "immediate_danger",
            "true or false",
        ),
        ({"consent": "refused", "consent_reason": " "}, "consent_reason", "Say why consent"),
        ({"worry": "   "}, "worry", "must not be blank"),
        ({"referrer": {"name": "PC Smith"}}, "referrer.email", "phone number or email"),
        ({"nhs_no": "1"}, "nhs_no", "not a field of this API"),
    ],
)
def test_an_invalid_contact_names_the_field_in_plain_english_and_stores_nothing(
    police_token, change, field, words
):
    response = send(body(**change), police_token)

    assert response.status_code == 422, response.content
    errors = field_errors(response)
    assert field in errors, errors
    assert words in errors[field]
    assert Contact.objects.count() == 0
    assert IdempotencyRecord.objects.count() == 0


def test_a_missing_required_field_says_it_is_required(police_token):
    data = body()
    del data["worry"]
    response = send(data, police_token)
    assert response.status_code == 422
    assert field_errors(response)["worry"] == "The worry is required."


def test_a_body_that_is_not_json_is_a_bad_request(police_token):
    response = send("{not json", police_token)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert Contact.objects.count() == 0


def test_without_a_live_token_the_api_answers_401_and_records_nothing(police_token):
    revoked = token_for("health")
    revoke_agency_api_tokens(Agency.objects.get(slug="health"))
    for token in (None, "not-a-token", police_token + "x", revoked):
        response = send(body(), token)
        assert response.status_code == 401, token
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response["Content-Type"] == "application/problem+json"
    assert Contact.objects.count() == 0


def test_a_token_of_a_deactivated_agency_no_longer_works(police_token):
    Agency.objects.filter(slug="police").update(is_active=False)
    assert send(body(), police_token).status_code == 401


def test_the_sending_agency_can_read_back_the_status_of_its_contact(police_token):
    reference = send(body(), police_token).json()["reference"]
    response = Client().get(f"{URL}/{reference}", HTTP_AUTHORIZATION=f"Bearer {police_token}")

    assert response.status_code == 200
    progress = response.json()
    assert progress["reference"] == reference
    assert progress["status"] == "awaiting_triage"
    assert progress["status_label"] == "Awaiting triage"
    assert progress["outcome"] is None
    contact = Contact.objects.get()
    assert Event.objects.filter(
        record_type="contact", record_id=str(contact.pk), action="view", actor_label="police system"
    ).exists()


def test_the_outcome_shows_once_the_contact_is_decided(police_token):
    reference = send(body(), police_token).json()["reference"]
    Contact.objects.filter(reference=reference).update(
        status=Contact.Status.DECIDED, outcome="early_help", decided_at=timezone.now()
    )
    progress = (
        Client().get(f"{URL}/{reference}", HTTP_AUTHORIZATION=f"Bearer {police_token}").json()
    )
    assert (progress["status"], progress["outcome"]) == ("decided", "early_help")
    assert progress["outcome_label"] == "Early help"


def test_a_health_token_cannot_read_a_police_contact(police_token):
    reference = send(body(), police_token).json()["reference"]
    phoned_in = make_contact()
    health = token_for("health")
    for ref in (reference, phoned_in.reference, "FD-NONE-XXXX"):
        response = Client().get(f"{URL}/{ref}", HTTP_AUTHORIZATION=f"Bearer {health}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_reading_a_contact_needs_a_token(police_token):
    reference = send(body(), police_token).json()["reference"]
    assert Client().get(f"{URL}/{reference}").status_code == 401


def test_openapi_documents_responses_security_and_the_idempotency_key():
    response = Client().get("/api/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    post = schema["paths"]["/api/v1/contacts"]["post"]
    assert {"200", "201", "400", "401", "422"} <= set(post["responses"])
    problem = post["responses"]["422"]["content"]["application/problem+json"]["schema"]
    assert problem["$ref"].endswith("/Problem")
    assert post["responses"]["200"]["headers"]["Idempotent-Replayed"]
    key = next(p for p in post["parameters"] if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and key["required"] is True
    assert post["security"] == [{"AgencyToken": []}]
    assert schema["components"]["securitySchemes"]["AgencyToken"]["scheme"] == "bearer"
    contact_in = schema["components"]["schemas"]["ContactIn"]
    assert contact_in["examples"] and contact_in["properties"]["source"]["description"]
    get = schema["paths"]["/api/v1/contacts/{reference}"]["get"]
    assert {"200", "401", "404"} <= set(get["responses"])
    assert get["security"] == [{"AgencyToken": []}]


def test_every_api_operation_requires_the_agency_token():
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                assert operation.auth_callbacks, operation.view_func.__name__


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_key_sent_twice_at_once_makes_one_contact():
    # On PostgreSQL both requests pass the "key used before?" check; the unique constraint
    # lets one commit, and the other rolls back its contact and replays the first. SQLite
    # serialises the two writers, so the second finds the key and replays: same outcome.
    token = token_for("police")
    barrier = threading.Barrier(2)
    statuses: list[int] = []
    ids: set[int] = set()

    def post() -> None:
        barrier.wait()
        try:
            response = send(body(), token, key="twice")
            statuses.append(response.status_code)
            ids.add(response.json()["id"])
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 201]
    assert len(ids) == 1
    assert Contact.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_a_rule_broken_inside_the_action_becomes_a_422_problem_naming_the_api_field():
    response = refused(
        RequestFactory().post(URL), ActionError("Name at least one child.", field="subjects")
    )
    assert response.status_code == 422
    assert field_errors(response) == {"children": "Name at least one child."}


def test_an_item_that_is_not_an_object_is_named_by_its_place_in_the_list(police_token):
    response = send(body(children=["Amelia"]), police_token)
    assert field_errors(response) == {"children.0": "Child 1 must be an object."}


def test_null_characters_are_refused_rather_than_breaking_the_database(police_token):
    response = send(body(worry="Bruises\u0000"), police_token)
    assert field_errors(response) == {"worry": "Null characters are not allowed."}
    assert (
        Client().get(f"{URL}/FD-%00", HTTP_AUTHORIZATION=f"Bearer {police_token}").status_code
        == 404
    )
