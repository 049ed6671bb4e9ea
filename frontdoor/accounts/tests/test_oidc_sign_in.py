"""Staff sign in through a real OpenID Connect provider, not a mock of the library.

`oidc-provider-mock` runs a real OIDC provider (authorization code flow, RS256-signed ID
tokens, a JWKS endpoint, userinfo) on a local port in a thread; the client is registered
with it as a council registers Front Door with Entra ID. The browser's part is played by
an HTTP session that follows the redirects between Front Door (pytest-django's live server)
and the provider, and fills in the provider's sign-in form.
"""

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import pytest
import requests
from oidc_provider_mock import run_server_in_thread

from frontdoor.audit.models import Event
from frontdoor.test import make_persona

# Transactional (other threads must see committed rows); serialized rollback so the flush
# afterwards leaves the data migrations' rows as a later serialized test expects them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain HTTP on localhost
    with run_server_in_thread(require_client_registration=True) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def oidc(settings: Any, provider: str, live_server: Any) -> str:
    """Front Door configured as the settings do when FRONTDOOR_OIDC_* are set."""
    registered = requests.post(
        f"{provider}/oauth2/clients",
        json={
            "redirect_uris": [f"{live_server.url}/oidc/callback/"],
            "token_endpoint_auth_method": "client_secret_post",  # mozilla-django-oidc's way
        },
        timeout=10,
    )
    registered.raise_for_status()
    client = registered.json()
    settings.ROOT_URLCONF = "frontdoor.accounts.tests.oidc_urls"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "frontdoor.accounts.oidc.StaffOIDCBackend",
    ]
    settings.OIDC_RP_CLIENT_ID = client["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = client["client_secret"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/oauth2/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/oauth2/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider}/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    # This provider publishes one key and names it in no token header ("kid"); Entra ID
    # does, so production keeps the check. The RS256 signature is still verified.
    settings.OIDC_VERIFY_KID = False
    return live_server.url


def _sign_in_at_provider(front_door: str, email: str) -> requests.Response:
    """Start at Front Door, sign in at the provider as `email`, come back."""
    browser = requests.Session()
    start = browser.get(f"{front_door}/oidc/authenticate/", allow_redirects=False)
    assert start.status_code == 302
    authorize_url = start.headers["Location"]
    form = browser.get(authorize_url)
    assert form.status_code == 200 and 'name="sub"' in form.text
    action = re.search(r'<form[^>]*action="([^"]*)"', form.text)
    target = (
        urljoin(authorize_url, action.group(1).replace("&amp;", "&")) if action else (authorize_url)
    )
    back = browser.post(target, data={"sub": email, "action": "authorize"}, allow_redirects=False)
    assert back.status_code == 302 and back.headers["Location"].startswith(front_door)
    landed = browser.get(back.headers["Location"])  # the callback, then wherever it sends us
    landed.browser = browser  # type: ignore[attr-defined]
    return landed


def test_a_member_of_staff_signs_in_through_the_provider(oidc: str):
    worker = make_persona("social_worker")
    worker.email = "sam.worker@council.example"
    worker.save()
    landed = _sign_in_at_provider(oidc, "Sam.Worker@council.example")
    assert landed.status_code == 200
    assert landed.url.endswith("/contacts/")  # a social worker's landing page
    assert "Signed in as Social Worker Persona" in landed.text
    queue = landed.browser.get(f"{oidc}/contacts/", allow_redirects=False)
    assert queue.status_code == 200
    signed_in = Event.objects.get(action=Event.Action.SIGN_IN)
    assert signed_in.user == worker and "identity provider" in signed_in.summary


def test_an_e_mail_the_council_has_no_account_for_is_refused(oidc: str):
    make_persona("social_worker")
    landed = _sign_in_at_provider(oidc, "stranger@elsewhere.example")
    assert "/contacts/" not in landed.url
    page = landed.browser.get(f"{oidc}/contacts/", allow_redirects=False)
    assert page.status_code == 302 and "/sign-in" in page.headers["Location"]
    assert not Event.objects.filter(action=Event.Action.SIGN_IN).exists()
