"""Production settings pass Django's deployment checks: HTTPS only, HSTS, secure cookies."""

import os
import secrets
import subprocess
import sys

PRODUCTION = {
    "FRONTDOOR_ENV": "production",
    "FRONTDOOR_SECRET_KEY": secrets.token_urlsafe(50),
    "FRONTDOOR_ALLOWED_HOSTS": "frontdoor.example.org",
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env |= PRODUCTION | {"DJANGO_SETTINGS_MODULE": "frontdoor.settings"}
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_production():
    done = _run(sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    assert "W004" not in done.stdout + done.stderr and "W008" not in done.stdout + done.stderr


SERVE = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="frontdoor.example.org")
plain = client.get("/request-support/")
print(plain.status_code, plain["Location"])
secure = client.get("/request-support/", HTTP_X_FORWARDED_PROTO="https")
print(secure.status_code, secure["Strict-Transport-Security"])
from django.conf import settings
print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)
"""


def test_production_redirects_http_and_sends_hsts():
    done = _run(sys.executable, "-c", SERVE)
    assert done.returncode == 0, done.stderr
    plain, secure, cookies = done.stdout.splitlines()[-3:]
    assert plain == "301 https://frontdoor.example.org/request-support/"
    assert secure == "200 max-age=31536000"
    assert cookies == "True True"
