import pyotp
import pytest
from django.test import Client, override_settings

from frontdoor.accounts.actions import issue_enrolment_code
from frontdoor.audit.models import Event
from frontdoor.test import PASSWORD

pytestmark = pytest.mark.django_db


def test_social_worker_signs_in_and_lands_on_the_queue(persona):
    worker = persona("social_worker")
    response = Client().post("/sign-in", {"username": "social_worker", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/contacts/"
    assert Event.objects.filter(user=worker, action="sign_in").exists()


def test_wrong_password_shows_an_error_summary(persona):
    persona("social_worker")
    response = Client().post("/sign-in", {"username": "social_worker", "password": "nope"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "username or password is not right" in page


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(persona):
    persona("social_worker")
    client = Client()
    for _ in range(5):
        client.post("/sign-in", {"username": "social_worker", "password": "wrong password"})
    response = client.post("/sign-in", {"username": "social_worker", "password": PASSWORD})
    assert response.status_code == 429
    assert "locked" in response.content.decode()


def test_passwords_are_hashed_with_argon2(persona, settings):
    from frontdoor.settings import PASSWORD_HASHERS

    settings.PASSWORD_HASHERS = PASSWORD_HASHERS  # the production setting, not the tests' fast one
    assert persona("social_worker").password.startswith("argon2")


@override_settings(FRONTDOOR_REQUIRE_MFA=True)
def test_when_mfa_is_required_a_user_must_set_up_totp_before_using_the_service(persona):
    enrolment = issue_enrolment_code(None, persona("social_worker"))
    client = Client()
    client.post("/sign-in", {"username": "social_worker", "password": PASSWORD})
    response = client.get("/contacts/")
    assert response.status_code == 302 and response.url == "/mfa/setup"
    client.get("/mfa/setup")
    secret = client.session["mfa_pending_secret"]
    bad = client.post("/mfa/setup", {"code": "000000", "enrolment_code": enrolment})
    assert "is not right" in bad.content.decode()
    client.post("/mfa/setup", {"code": pyotp.TOTP(secret).now(), "enrolment_code": enrolment})
    assert client.get("/contacts/").status_code == 200


def test_a_user_with_totp_must_enter_a_code_after_signing_in(persona):
    worker = persona("social_worker")
    worker.totp_secret = pyotp.random_base32()
    worker.totp_confirmed = True
    worker.save()
    client = Client()
    client.post("/sign-in", {"username": "social_worker", "password": PASSWORD})
    assert client.get("/contacts/").url == "/mfa/verify"
    client.post("/mfa/verify", {"code": pyotp.TOTP(worker.totp_secret).now()})
    assert client.get("/contacts/").status_code == 200


def test_sign_out_needs_a_post(persona):
    client = Client()
    client.force_login(persona("social_worker"))
    assert client.get("/sign-out").status_code == 200
    client.post("/sign-out")
    assert client.get("/contacts/").status_code == 302


def test_healthz_answers_without_sign_in():
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
