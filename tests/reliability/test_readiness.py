"""The acceptance check of issue 18, as a test: `frontdoor serve` on PostgreSQL answers
/readyz 200; with the database down it answers 503 on a page and a JSON 503 problem on the
API (and /healthz stays 200: the process is alive); with the database back, 200 again
without restarting the server."""

import json
import urllib.error
import urllib.request

import pytest

from .conftest import Cluster, Server, contact_body, new_key, post_contact

pytestmark = pytest.mark.reliability


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_readiness_follows_the_database_and_comes_back_without_a_restart(
    cluster: Cluster, server: Server, token: str
):
    api = {"Authorization": f"Bearer {token}"}
    status, _, body = _get(server.base + "/readyz")
    assert (status, json.loads(body)["status"]) == (200, "ready")

    cluster.kill9()
    try:
        status, headers, body = _get(server.base + "/readyz")
        assert status == 503 and json.loads(body)["status"] == "unavailable"
        assert int(headers["Retry-After"]) > 0
        # a page that reads the database (the session behind a well-formed cookie; Django
        # does not look up a malformed key): the GOV.UK 503 page
        session = {"Cookie": "sessionid=" + "a1b2c3d4" * 4}
        status, headers, body = _get(server.base + "/sign-in", session)
        assert status == 503 and "text/html" in headers["Content-Type"]
        assert b"service is unavailable" in body.lower()
        status, headers, body = _get(server.base + "/api/v1/checks", api)
        assert status == 503 and headers["Content-Type"] == "application/problem+json"
        assert json.loads(body)["status"] == 503
        assert _get(server.base + "/healthz")[0] == 200
    finally:
        cluster.start()

    status, _, body = _get(server.base + "/readyz")
    assert (status, json.loads(body)["status"]) == (200, "ready")
    assert _get(server.base + "/api/v1/checks", api)[0] == 200
    assert post_contact(server.base, token, contact_body(new_key()), new_key())[0] == 201
