"""The second factor: wrong codes lock it as wrong passwords do, and setting one up needs a
one-time enrolment code from an administrator, not just a password (ADR 0013)."""

import datetime as dt
import io

import pyotp
import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from frontdoor.accounts import mfa
from frontdoor.accounts.actions import issue_enrolment_code
from frontdoor.accounts.models import User
from frontdoor.audit.models import Event
from frontdoor.test import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def _signed_in(username: str) -> Client:
    client = Client()
    response = client.post("/sign-in", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def enrolled(persona):
    worker = persona("social_worker")
    worker.totp_secret = pyotp.random_base32()
    worker.totp_confirmed = True
    worker.save()
    return worker


def _wrong(secret: str) -> str:
    right = {pyotp.TOTP(secret).at(timezone.now() + dt.timedelta(seconds=s)) for s in (-30, 0, 30)}
    return next(c for c in (f"{n:06d}" for n in range(1000000)) if c not in right)


def test_five_wrong_codes_lock_the_second_factor_even_against_the_right_code(enrolled):
    client = _signed_in("social_worker")
    wrong = _wrong(enrolled.totp_secret)
    for _ in range(4):
        response = client.post("/mfa/verify", {"code": wrong})
        assert response.status_code == 200 and "That code is not right" in response.content.decode()
    response = client.post("/mfa/verify", {"code": wrong})
    assert response.status_code == 429
    assert "too many wrong codes" in response.content.decode()
    assert client.get("/contacts/").status_code == 302  # signed out
    client = _signed_in("social_worker")  # the password still works, the second factor not
    response = client.post("/mfa/verify", {"code": pyotp.TOTP(enrolled.totp_secret).now()})
    assert response.status_code == 429
    assert client.get("/contacts/").status_code == 302
    assert Event.objects.filter(summary__contains="Second factor locked").count() == 1


def test_the_lock_lasts_the_cooloff_then_the_right_code_works(enrolled):
    client = _signed_in("social_worker")
    for _ in range(5):
        client.post("/mfa/verify", {"code": _wrong(enrolled.totp_secret)})
    User.objects.filter(pk=enrolled.pk).update(
        totp_locked_until=timezone.now() - dt.timedelta(seconds=1)
    )
    client = _signed_in("social_worker")
    client.post("/mfa/verify", {"code": pyotp.TOTP(enrolled.totp_secret).now()})
    assert client.get("/contacts/").status_code == 200


def test_a_right_code_resets_the_count_of_wrong_ones(enrolled):
    client = _signed_in("social_worker")
    for _ in range(4):
        client.post("/mfa/verify", {"code": _wrong(enrolled.totp_secret)})
    client.post("/mfa/verify", {"code": pyotp.TOTP(enrolled.totp_secret).now()})
    enrolled.refresh_from_db()
    assert enrolled.totp_failures == 0 and enrolled.totp_locked_until is None


@override_settings(FRONTDOOR_REQUIRE_MFA=True)
def test_a_password_alone_cannot_set_up_a_second_factor(persona):
    persona("social_worker")
    client = _signed_in("social_worker")
    page = client.get("/mfa/setup").content.decode()
    assert "You need an enrolment code from an administrator" in page
    secret = client.session["mfa_pending_secret"]
    code = pyotp.TOTP(secret).now()
    response = client.post("/mfa/setup", {"code": code, "enrolment_code": "AAAA-BBBB-CCCC-DDDD"})
    assert "You have no enrolment code" in response.content.decode()
    assert not User.objects.get(username="social_worker").totp_confirmed
    assert client.get("/contacts/").url == "/mfa/setup"


@override_settings(FRONTDOOR_REQUIRE_MFA=True)
def test_an_administrator_issues_a_code_that_works_once(persona):
    worker = persona("social_worker")
    admin = client_for(persona("administrator"))
    session = admin.session
    session[mfa.SESSION_KEY] = True  # the administrator has passed their own second factor
    session.save()
    confirm = admin.get(f"/settings/users/{worker.pk}/enrolment-code")
    assert "Issue an enrolment code for social_worker" in confirm.content.decode()
    page = admin.post(f"/settings/users/{worker.pk}/enrolment-code").content.decode()
    code = page.split("<strong>")[1].split("</strong>")[0]
    assert len(code) == 19 and Event.objects.filter(summary__contains="Enrolment code").exists()
    client = _signed_in("social_worker")
    client.get("/mfa/setup")
    secret = client.session["mfa_pending_secret"]
    response = client.post(
        "/mfa/setup", {"code": pyotp.TOTP(secret).now(), "enrolment_code": code.lower()}
    )
    assert response.status_code == 302
    assert client.get("/contacts/").status_code == 200
    worker.refresh_from_db()
    assert worker.totp_confirmed and worker.enrolment_code_hash == ""
    # Used once: a second person with the password cannot bind another phone with it.
    other = _signed_in("social_worker")
    assert other.get("/contacts/").url == "/mfa/verify"


@override_settings(FRONTDOOR_REQUIRE_MFA=True)
def test_wrong_enrolment_codes_count_towards_the_lock(persona):
    issue_enrolment_code(None, persona("social_worker"))
    client = _signed_in("social_worker")
    client.get("/mfa/setup")
    secret = client.session["mfa_pending_secret"]
    for attempt in range(5):
        response = client.post(
            "/mfa/setup", {"code": pyotp.TOTP(secret).now(), "enrolment_code": f"WRONG-{attempt}"}
        )
    assert response.status_code == 429


@override_settings(FRONTDOOR_REQUIRE_MFA=True)
def test_an_expired_enrolment_code_is_refused(persona):
    worker = persona("social_worker")
    code = issue_enrolment_code(None, worker)
    User.objects.filter(pk=worker.pk).update(enrolment_code_expires=timezone.now())
    client = _signed_in("social_worker")
    client.get("/mfa/setup")
    secret = client.session["mfa_pending_secret"]
    response = client.post("/mfa/setup", {"code": pyotp.TOTP(secret).now(), "enrolment_code": code})
    assert "You have no enrolment code, or it has expired" in response.content.decode()


def test_the_command_line_issues_a_code_and_resets_a_lost_second_factor(enrolled):
    out = io.StringIO()
    call_command("enrolment-code", "--user", "social_worker", stdout=out, stderr=io.StringIO())
    code = out.getvalue().strip()
    enrolled.refresh_from_db()
    assert len(code) == 19 and not enrolled.totp_confirmed and enrolled.enrolment_code_hash
    assert code.replace("-", "") not in enrolled.enrolment_code_hash
