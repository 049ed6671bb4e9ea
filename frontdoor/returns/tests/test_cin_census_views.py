"""The analysts' CIN census page, its download and the Returns index."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from frontdoor.audit.models import Event
from frontdoor.casework.models import CINEpisode
from frontdoor.navigation import navigation, sub_navigation
from frontdoor.returns.cin_census.document import validate
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db
PAGE = "returns:cin-census"
DOWNLOAD = "returns:cin-census-download"


def test_analyst_sees_the_year_form_and_nothing_checked_until_a_year_is_chosen(persona):
    page = client_for(persona("analyst")).get(reverse(PAGE))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="year"' in html and "Check the census" in html
    assert "Download the census XML" not in html


def test_analyst_sees_every_failure_grouped_by_rule_with_links_to_the_children(persona, golden):
    CINEpisode.objects.filter(person=golden.oliver).update(primary_need="")
    CINEpisode.objects.filter(person=golden.amelia).update(primary_need="")
    analyst = persona("analyst")
    html = client_for(analyst).get(reverse(PAGE), {"year": "2025"}).content.decode()
    assert "1 April 2024 to 31 March 2025" in html
    assert '<dd class="govuk-summary-list__value" id="census-errors">2</dd>' in html
    assert '<dd class="govuk-summary-list__value" id="census-queries">4</dd>' in html
    assert "8610 Primary need missing (2)" in html
    assert "8770Q No UPN or reason for a school-age child (1)" in html
    for person, child_id in [(golden.amelia, "GOLD1"), (golden.oliver, "GOLD3")]:
        link = reverse("people:person", kwargs={"person_id": person.pk})
        assert f'<a class="govuk-link" href="{link}">{child_id}</a>' in html
    assert "The episode referred on 6 January 2025 has no primary need recorded." in html
    assert f'href="{reverse(DOWNLOAD)}?year=2025"' in html
    # The page names children: each one listed is an access-log read.
    logged = Event.objects.filter(action=Event.Action.VIEW, user=analyst)
    shown = {golden.amelia.pk, golden.oliver.pk, golden.baby.pk}  # the baby: query 8530Q
    assert set(logged.values_list("person_id", flat=True)) == shown


def test_a_year_with_only_queries_says_it_can_be_submitted_once_they_are_explained(persona, golden):
    html = client_for(persona("team_manager")).get(reverse(PAGE), {"year": "2025"}).content
    assert "No errors: the return can be submitted." in html.decode()
    assert "Every DfE rule Front Door checks passes" not in html.decode()


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("", "Enter the collection year, for example 2025."),
        ("soon", "“soon” is not a year. Give the collection year, for example 2025."),
        ("1999", "The collection year must be between 2000 and"),
    ],
)
def test_a_year_that_cannot_be_a_collection_year_is_an_error_on_the_form(persona, year, message):
    page = client_for(persona("analyst")).get(reverse(PAGE), {"year": year})
    html = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in html and 'href="#year"' in html
    assert message in html
    assert "<title>Error:" in html


def test_analyst_downloads_the_xml_and_the_download_is_audited(persona, golden):
    analyst = persona("analyst")
    response = client_for(analyst).get(reverse(DOWNLOAD), {"year": "2025"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert 'filename="cin-census-2025.xml"' in response["Content-Disposition"]
    assert validate(response.content) == []
    assert response.content.count(b"<LAchildID>") == 3
    event = Event.objects.get(action=Event.Action.EXPORT)
    assert event.user == analyst
    assert event.changes == {"return": "cin-census", "year": 2025, "children": 3}
    assert event.summary == "CIN census 2025 downloaded (3 children)"


def test_a_year_with_no_children_in_need_has_nothing_to_download(persona):
    response = client_for(persona("analyst")).get(reverse(DOWNLOAD), {"year": "2025"})
    assert response.status_code == 200
    assert "no census to check or download" in response.content.decode()
    assert not Event.objects.filter(action=Event.Action.EXPORT).exists()


@pytest.mark.parametrize("name", [PAGE, DOWNLOAD, "returns:index"])
def test_a_social_worker_gets_404(persona, name):
    response = client_for(persona("social_worker")).get(reverse(name), {"year": "2025"})
    assert response.status_code == 404


@pytest.mark.parametrize("name", [PAGE, DOWNLOAD, "returns:index"])
def test_anonymous_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith("/sign-in")


@pytest.mark.parametrize("name", [PAGE, DOWNLOAD, "returns:index"])
def test_post_is_not_allowed(persona, name):
    assert client_for(persona("analyst")).post(reverse(name)).status_code == 405


def test_the_returns_index_lists_the_cin_census(persona):
    html = client_for(persona("qa_auditor")).get(reverse("returns:index")).content.decode()
    assert "Statutory returns" in html
    assert f'href="{reverse(PAGE)}"' in html


@pytest.mark.parametrize(("name", "shown"), [("analyst", True), ("social_worker", False)])
def test_returns_is_in_the_navigation_for_analysts_only(persona, name, shown):
    """Returns is a page of the Performance group: in the row under the header."""
    request = RequestFactory().get("/returns/")
    request.user = persona(name)
    row = sub_navigation(request)
    pages = {item["text"]: item for item in row["items"]} if row else {}
    assert ("Returns" in pages) is shown
    if shown:
        assert pages["Returns"]["href"] == reverse("returns:index")
        assert pages["Returns"]["active"]
        top = {item["text"]: item for item in navigation(request)}
        assert top["Performance"]["active"]
