"""Serving: readiness, liveness, the read retry on a dropped connection, `frontdoor serve`."""

import io

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from frontdoor.contacts import access as contact_access
from frontdoor.ops.management.commands.serve import default_workers
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db


def test_readyz_answers_200_when_the_database_takes_a_query():
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok"}


def test_readyz_answers_503_json_with_retry_after_while_the_database_is_unreachable(monkeypatch):
    from frontdoor import views

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(views.connection, "cursor", unreachable)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert int(response["Retry-After"]) > 0


def test_healthz_asks_nothing_of_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert Client().get("/healthz").status_code == 200


def _drop_once(monkeypatch):
    """The queue's first database read fails as a dropped connection does; later ones work."""
    real = contact_access.visible_to
    calls = []

    def flaky(user):
        calls.append(user)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(user)

    monkeypatch.setattr(contact_access, "visible_to", flaky)
    return calls


def test_a_read_that_loses_its_connection_is_retried_once(monkeypatch, persona):
    contact = make_contact()
    client = Client(raise_request_exception=False)  # the test client re-raises the first try's
    client.force_login(persona("contact_officer"))
    calls = _drop_once(monkeypatch)
    response = client.get("/contacts/")
    assert response.status_code == 200
    assert contact.reference in response.content.decode()
    assert len(calls) == 2


def test_a_write_that_loses_its_connection_is_not_retried(monkeypatch, persona):
    from frontdoor.contacts.views import decide

    calls = []

    def dropped(*args, **kwargs):
        calls.append(args)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(decide, "_contact_or_404", dropped)
    client = Client(raise_request_exception=False)
    client.force_login(persona("social_worker"))
    response = client.post("/contacts/1/triage", {"rag": "red"})
    assert response.status_code >= 500
    assert len(calls) == 1


def test_serve_runs_gunicorn_with_workers_from_the_cores_and_logs_to_stdout():
    out = io.StringIO()
    call_command("serve", "--print", "--bind", "0.0.0.0:9000", stdout=out)
    argv = out.getvalue().split()
    assert argv[1:4] == ["-m", "gunicorn", "frontdoor.wsgi:application"]
    assert argv[argv.index("--bind") + 1] == "0.0.0.0:9000"
    assert int(argv[argv.index("--workers") + 1]) == default_workers() >= 2
    assert argv[argv.index("--access-logfile") + 1] == "-"


def test_serve_runs_sync_workers_unless_given_threads():
    out = io.StringIO()
    call_command("serve", "--print", stdout=out)
    argv = out.getvalue().split()
    assert "--threads" not in argv  # gunicorn's sync worker
    assert "--no-control-socket" in argv

    out = io.StringIO()
    call_command("serve", "--print", "--threads", "4", stdout=out)
    argv = out.getvalue().split()
    assert argv[argv.index("--threads") + 1] == "4"  # gunicorn's gthread worker
