from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from frontdoor.accounts.actions import issue_api_token, revoke_api_token
from frontdoor.accounts.models import Agency, ApiToken, hash_token
from frontdoor.audit.models import Event
from frontdoor.contacts.schemas import EXAMPLE
from frontdoor.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def issue_by_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("api-token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def contact_sent_with(token: str) -> int:
    response = Client().post(
        "/api/v1/contacts",
        EXAMPLE,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_IDEMPOTENCY_KEY="token-test",
    )
    return response.status_code


def test_the_command_prints_a_token_that_then_authenticates_as_the_agency():
    token, note = issue_by_command("--agency", "police")

    assert "cannot be shown again" in note
    stored = ApiToken.objects.get()
    assert stored.agency.slug == "police"
    assert stored.token_hash == hash_token(token)
    assert token not in (stored.token_hash, stored.prefix)
    assert contact_sent_with(token) == 201


def test_only_the_hash_of_a_token_is_stored_and_its_issue_is_audited():
    token = issue_api_token(Agency.objects.get(slug="health"))
    stored = ApiToken.objects.get()
    assert stored.token_hash == hash_token(token)
    assert token.startswith("fd_health_") and stored.prefix in token
    event = Event.objects.get(record_type="apitoken", action="create")
    assert event.actor_label == "command line" and token not in event.summary


def test_the_command_refuses_an_unknown_agency():
    with pytest.raises(CommandError, match="No agency with slug 'polise'"):
        issue_by_command("--agency", "polise")
    assert ApiToken.objects.count() == 0


def test_an_inactive_agency_gets_no_token():
    Agency.objects.filter(slug="probation").update(is_active=False)
    with pytest.raises(CommandError, match="not an active agency"):
        issue_by_command("--agency", "probation")


def test_revoke_all_shuts_out_every_token_of_that_agency_only():
    police = [issue_by_command("--agency", "police")[0] for _ in range(2)]
    health = issue_api_token(Agency.objects.get(slug="health"))

    output, _ = issue_by_command("--agency", "police", "--revoke-all")

    assert output == "Revoked 2 token(s) for Police."
    assert all(contact_sent_with(token) == 401 for token in police)
    assert contact_sent_with(health) == 201


def test_a_revoked_token_cannot_be_revoked_again():
    issue_api_token(Agency.objects.get(slug="police"))
    token = revoke_api_token(ApiToken.objects.get())
    assert token.revoked_at is not None
    with pytest.raises(ActionError, match="already been revoked"):
        revoke_api_token(token)
