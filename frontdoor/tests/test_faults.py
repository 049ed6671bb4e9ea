"""Database faults answer 503 (a GOV.UK page, or a JSON problem on /api/), never 500; every
API error is a JSON problem (frontdoor/faults.py).

The fault is real, not a mock: the connection is pointed at a database that cannot be opened
(a closed port on PostgreSQL, a file in a missing folder on SQLite) and the driver's own
error travels up through the session and authentication middleware or the view.
"""

import json
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency
from frontdoor.test import client_for

RETRY_AFTER = "30"
PROBLEM = "application/problem+json"


@pytest.fixture
def database_down(django_db_blocker):
    """The default connection cannot reach its database until the test ends."""
    with django_db_blocker.unblock():
        saved = dict(connection.settings_dict)
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-folder/frontdoor.sqlite3"
        else:
            connection.settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


def _signed_in_client() -> Client:
    """A browser with a session cookie: the first thing a request does is read the session."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a" * 32
    return client


def _assert_unavailable_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == RETRY_AFTER
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "govuk-template" in html and "North Somerset Council" in html  # the council layout


def _assert_unavailable_problem(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == RETRY_AFTER
    assert response["Content-Type"] == PROBLEM
    body = json.loads(response.content)
    assert body["status"] == 503 and body["type"] == "urn:frontdoor:problem:service-unavailable"


def _routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every route's path, with 1 for each parameter."""
    paths = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            paths += _routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            parts = route.split("<")
            path = parts[0] + "".join(
                ("1" if ":int" in p.split(">")[0] or ">" in p else "") + p.split(">", 1)[1]
                for p in parts[1:]
            )
            paths.append("/" + path.replace("\\Z", ""))
    return paths


def test_every_page_and_api_route_answers_503_while_the_database_is_down(database_down):
    client = _signed_in_client()
    routes = [r for r in _routes() if not r.startswith("/static/")]
    assert len(routes) > 100 and "/api/v1/checks" in routes
    for path in routes:
        for method in ("get", "post"):
            response = getattr(client, method)(path, HTTP_AUTHORIZATION="Bearer abc")
            if path == "/healthz":  # liveness: the process answers, whatever the database
                assert response.status_code in (200, 503)
                continue
            assert response.status_code == 503, (method, path, response.status_code)
            assert response["Retry-After"] == RETRY_AFTER
            api = path.startswith("/api/")
            assert (response["Content-Type"] == PROBLEM) is api, (method, path)
    for path in ("/contacts/", "/people/", "/sign-in", "/request-support/public"):
        _assert_unavailable_page(client.get(path))
    for path in ("/api/v1/checks", "/api/v1/contacts/ABC-1"):
        _assert_unavailable_problem(client.get(path, HTTP_AUTHORIZATION="Bearer abc"))


def test_a_public_form_post_and_an_api_post_get_503_not_500(database_down):
    anonymous = Client(raise_request_exception=False)  # no session: the view reaches the DB
    _assert_unavailable_page(anonymous.post("/request-support/public", {"worry": "x"}))
    response = anonymous.post(
        "/api/v1/contacts",
        data="{}",
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer abc",
        HTTP_IDEMPOTENCY_KEY="k1",
    )
    _assert_unavailable_problem(response)


@pytest.mark.django_db
def test_a_fault_inside_a_view_after_sign_in_is_a_503_too(persona):
    client = client_for(persona("contact_officer"))
    client.raise_request_exception = False
    assert client.get("/contacts/").status_code == 200
    with mock.patch(
        "frontdoor.contacts.views.decide.render",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        _assert_unavailable_page(client.get("/contacts/"))


@pytest.mark.django_db
def test_other_server_errors_are_500_in_the_routes_own_shape(persona):
    client = client_for(persona("contact_officer"))
    client.raise_request_exception = False
    with mock.patch("frontdoor.contacts.views.decide.render", side_effect=ZeroDivisionError):
        response = client.get("/contacts/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    with mock.patch(
        "frontdoor.accounts.api_auth.ApiToken.objects.active", side_effect=ZeroDivisionError
    ):
        response = client.get("/api/v1/checks", HTTP_AUTHORIZATION="Bearer abc")
    assert response.status_code == 500 and response["Content-Type"] == PROBLEM
    assert json.loads(response.content)["type"] == "urn:frontdoor:problem:server-error"


@pytest.mark.django_db
def test_every_api_error_is_a_json_problem():
    client = Client(raise_request_exception=False)
    token = issue_api_token(Agency.objects.get(slug="police"))
    cases = {
        404: client.get("/api/v1/nothing-here"),
        405: client.delete("/api/v1/contacts", HTTP_AUTHORIZATION="Bearer abc"),
        413: client.post(
            "/api/v1/contacts",
            data=b'{"worry": "' + b"x" * (3 * 1024 * 1024) + b'"}',
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            HTTP_IDEMPOTENCY_KEY="k1",
        ),
        400: client.post(
            "/api/v1/contacts",
            data=b"{not json",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            HTTP_IDEMPOTENCY_KEY="k2",
        ),
        401: client.get("/api/v1/checks"),
    }
    for status, response in cases.items():
        assert response.status_code == status, (status, response.content[:200])
        assert response["Content-Type"] == PROBLEM, status
        body = json.loads(response.content)
        assert body["status"] == status and body["title"] and body["detail"]
    assert "POST" in cases[405]["Allow"]
