"""One rule for every intake route, and a contract that says what the API refuses (issue 18:
Schemathesis found the API refusing what its contract allowed)."""

import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.contacts.api import api
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Contact
from frontdoor.contacts.tests.test_api import body, child, field_errors, send, token_for
from frontdoor.contacts.tests.test_intake_views import PUBLIC_FORM
from frontdoor.lib.errors import ActionError
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

BOTH = "Give a date of birth or an expected date of birth, not both."


def _both_dates() -> dict[str, str]:
    due = timezone.localdate() + dt.timedelta(days=60)
    return {
        "child_expected_date_of_birth-day": str(due.day),
        "child_expected_date_of_birth-month": str(due.month),
        "child_expected_date_of_birth-year": str(due.year),
    }


def test_a_date_of_birth_and_a_due_date_together_are_refused_on_every_route(persona):
    public = Client().post("/request-support/public", {**PUBLIC_FORM, **_both_dates()})
    assert BOTH in public.content.decode()
    staff = client_for(persona("contact_officer")).post(
        "/contacts/new",
        {
            **PUBLIC_FORM,
            **_both_dates(),
            "channel": "phone",
            "source": "2A",
            "referrer_organisation": "Hillside Primary",
        },
    )
    assert BOTH in staff.content.decode()
    due = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    api_response = send(body(children=[child(expected_date_of_birth=due)]), token_for("police"))
    assert api_response.status_code == 422
    assert BOTH in field_errors(api_response)["children.0.expected_date_of_birth"]
    assert not Contact.objects.exists()


def test_the_action_refuses_both_dates_whatever_route_calls_it():
    born = dt.date(2020, 1, 1)
    due = timezone.localdate() + dt.timedelta(days=30)
    subject = SubjectInput(
        role="child",
        given_name="A",
        family_name="B",
        date_of_birth=born,
        expected_date_of_birth=due,
    )
    with pytest.raises(ActionError, match="not both"):
        make_contact(subjects=[subject])


def _schema() -> dict:
    return api.get_openapi_schema()


def test_the_contract_says_checks_can_answer_422_and_it_is_a_problem():
    responses = _schema()["paths"]["/api/v1/checks"]["get"]["responses"]
    assert "422" in {str(code) for code in responses}
    response = Client().get(
        "/api/v1/checks", {"status": "bogus"}, HTTP_AUTHORIZATION=f"Bearer {token_for('police')}"
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["title"] == "The query is not valid"


def test_the_contract_says_text_may_not_hold_nul_and_the_api_refuses_it():
    answer = _schema()["components"]["schemas"]["CheckResponseIn"]["properties"]
    pattern = answer["source_system"]["pattern"]
    assert re.fullmatch(pattern, "Police NICHE") and not re.fullmatch(pattern, "Police\x00")
    response = send(body(worry="Bruises\x00"), token_for("police"))
    assert response.status_code == 422 and "worry" in field_errors(response)


def test_the_contract_says_a_referrer_needs_a_phone_or_an_email():
    referrer = _schema()["components"]["schemas"]["Referrer"]
    assert sorted(tuple(branch["required"]) for branch in referrer["anyOf"]) == [
        ("email",),
        ("phone",),
    ]
    response = send(body(referrer={"name": "PC Smith"}), token_for("police"))
    assert response.status_code == 422
    assert (
        send(
            body(referrer={"name": "PC Smith", "phone": "01632 960001"}),
            token_for("police"),
            key="k2",
        ).status_code
        == 201
    )


def test_the_contract_says_a_consent_reason_is_needed_when_consent_was_not_sought():
    contact_in = _schema()["components"]["schemas"]["ContactIn"]
    assert contact_in["if"]["properties"]["consent"]["enum"] == ["not_sought", "refused"]
    assert contact_in["then"]["required"] == ["consent_reason"]
