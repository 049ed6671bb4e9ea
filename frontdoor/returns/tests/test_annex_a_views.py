"""The analysts' Annex A page and its download."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from frontdoor.audit.models import Event
from frontdoor.returns.tests.annex_a_data import Council
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db
AS_OF = {"as_of-day": "31", "as_of-month": "3", "as_of-year": "2025"}


@pytest.fixture
def council():
    council = Council()
    child = council.child("PAGE1", sex="F", date_of_birth=dt.date(2014, 2, 2))
    council.refer(child, dt.date(2025, 3, 3), "2A")
    return council


def test_analyst_sees_the_date_form_and_no_counts_until_a_date_is_chosen(persona):
    page = client_for(persona("analyst")).get(reverse("returns:annex-a"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ofsted Annex A" in html and 'name="as_of-day"' in html
    assert "Download Annex A" not in html


def test_analyst_sees_each_lists_rows_before_downloading(persona, council):
    html = client_for(persona("analyst")).get(reverse("returns:annex-a"), AS_OF).content.decode()
    assert "Rows in each list as at 31 March 2025" in html
    cells = html.split('<th scope="row" class="govuk-table__header">')[1:]
    counts = {cell.split("</th>")[0]: cell.split('numeric">')[1].split("<")[0] for cell in cells}
    assert counts == {f"List {n}": "1" if n in (1, 3, 6) else "0" for n in range(1, 9)}
    download = reverse("returns:annex-a-download")
    assert f'href="{download}?as_of-day=31&amp;as_of-month=3&amp;as_of-year=2025"' in html
    assert Event.objects.filter(action=Event.Action.EXPORT).count() == 0  # counting is not export


def test_analyst_downloads_the_workbook_and_the_download_is_audited(persona, council):
    analyst = persona("analyst")
    response = client_for(analyst).get(reverse("returns:annex-a-download"), AS_OF)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="annex-a-2025-03-31.xlsx"' in response["Content-Disposition"]
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == [f"List {n}" for n in range(1, 9)]
    assert book["List 3"]["A2"].value == "PAGE1"
    event = Event.objects.get(action=Event.Action.EXPORT)
    assert event.user == analyst
    assert event.changes["as_of"] == "2025-03-31"
    assert event.changes["rows"]["List 3"] == 1
    assert "Ofsted Annex A downloaded" in event.summary


def test_a_date_that_is_not_real_is_explained_and_nothing_is_downloaded(persona):
    query = {"as_of-day": "31", "as_of-month": "2", "as_of-year": "2025"}
    client = client_for(persona("analyst"))
    for name in ("returns:annex-a", "returns:annex-a-download"):
        response = client.get(reverse(name), query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "There is a problem" in html
        assert "Enter a real date, for example 27 3 2019." in html
        assert 'href="#as_of-day"' in html
    assert not Event.objects.filter(action=Event.Action.EXPORT).exists()


def test_a_social_worker_gets_404(persona):
    client = client_for(persona("social_worker"))
    assert client.get(reverse("returns:annex-a")).status_code == 404
    assert client.get(reverse("returns:annex-a-download"), AS_OF).status_code == 404
    assert not Event.objects.filter(action=Event.Action.EXPORT).exists()


def test_anonymous_is_sent_to_sign_in(client):
    for name in ("returns:annex-a", "returns:annex-a-download"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith("/sign-in")


def test_wrong_method_gets_405(persona):
    client = client_for(persona("analyst"))
    for name in ("returns:annex-a", "returns:annex-a-download"):
        assert client.post(reverse(name)).status_code == 405


def test_the_returns_page_links_to_annex_a(persona):
    html = client_for(persona("analyst")).get(reverse("returns:index")).content.decode()
    assert f'href="{reverse("returns:annex-a")}"' in html
