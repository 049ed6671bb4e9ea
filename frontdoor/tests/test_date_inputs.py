"""Every GOV.UK date input refuses a date that cannot be one with a field error, never a 500.

Issue 18 found seven routes that answered 500 to the year 99999999999 (an OverflowError in
`GovukDateField.compress`); each is tried here with that year and a few other bad years.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from frontdoor.contacts.models import Contact
from frontdoor.contacts.tests.test_intake_views import PUBLIC_FORM
from frontdoor.lib.forms import ANY, GovukDateField
from frontdoor.people.tests.helpers import add_person
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

BAD_YEARS = ["99999999999", "0", "10000", "1e5", "２０１９", "-2019", "1899", "2200"]
HUGE = "99999999999"

STAFF_FORM = {
    **PUBLIC_FORM,
    "channel": "phone",
    "source": "2A",
    "referrer_name": "Ms Teacher",
    "referrer_organisation": "Hillside Primary",
}


def _date(name: str, year: str) -> dict[str, str]:
    return {f"{name}-day": "1", f"{name}-month": "1", f"{name}-year": year}


def _is_field_error(response, name: str) -> str:
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#{name}-day"' in html
    return html


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_field_turns_any_impossible_year_into_a_field_error(year):
    field = GovukDateField()
    with pytest.raises(ValidationError):
        field.clean(["1", "1", year])


def test_the_field_still_takes_real_dates_at_both_ends_of_its_range():
    field = GovukDateField(when=ANY)  # a due date may be far ahead
    assert field.clean(["1", "1", "1900"]) == dt.date(1900, 1, 1)
    assert field.clean(["31", "12", "2199"]) == dt.date(2199, 12, 31)
    assert field.clean([" 7", "03 ", "2019"]) == dt.date(2019, 3, 7)


@pytest.mark.parametrize("kind", ["public", "professional"])
def test_the_online_forms(kind):
    data = {**PUBLIC_FORM, **_date("child_date_of_birth", HUGE)}
    if kind == "professional":
        data |= {"source": "2A", "referrer_organisation": "School", "referrer_phone": "01"}
    response = Client().post(f"/request-support/{kind}", data)
    html = _is_field_error(response, "child_date_of_birth")
    assert "The year must include 4 numbers" in html
    response = Client().post(
        f"/request-support/{kind}", {**data, **_date("child_expected_date_of_birth", HUGE)}
    )
    _is_field_error(response, "child_expected_date_of_birth")
    assert not Contact.objects.exists()


def test_new_contact(persona):
    client = client_for(persona("contact_officer"))
    response = client.post("/contacts/new", {**STAFF_FORM, **_date("child_date_of_birth", HUGE)})
    _is_field_error(response, "child_date_of_birth")
    assert not Contact.objects.exists()


def test_performance(persona):
    query = {**_date("date_from", "2022"), **_date("date_to", HUGE)}
    response = client_for(persona("analyst")).get("/performance/", query)
    _is_field_error(response, "date_to")


def test_annex_a(persona):
    response = client_for(persona("analyst")).get("/returns/annex-a", _date("as_of", HUGE))
    _is_field_error(response, "as_of")
    response = client_for(persona("analyst")).get("/returns/annex-a/download", _date("as_of", HUGE))
    _is_field_error(response, "as_of")


def test_chronology(persona):
    person = add_person("Amelia", "Okafor", dt.date(2016, 5, 10))
    client = client_for(persona("social_worker"))
    for name in ("since", "until"):
        response = client.get(f"/people/{person.pk}/chronology", _date(name, HUGE))
        _is_field_error(response, name)


def test_person_search(persona):
    client = client_for(persona("social_worker"))
    response = client.get("/people/", {"q": "Amelia", **_date("date_of_birth", HUGE)})
    _is_field_error(response, "date_of_birth")
    response = client.get("/people/search.json", {"q": "Amelia", **_date("date_of_birth", HUGE)})
    assert response.status_code == 400
    assert "date_of_birth" in response.json()["errors"]


def test_new_person(persona):
    client = client_for(persona("social_worker"))
    data = {"kind": "child", "family_name": "Okafor", **_date("date_of_birth", HUGE)}
    _is_field_error(client.post("/people/new", data), "date_of_birth")
