"""The analysts' SSDA903 page and its download; the casework pages that record what the
return needs; the export command."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from frontdoor.audit.models import Event
from frontdoor.casework.models import CareReview, LookedAfterEpisode
from frontdoor.returns.ssda903.tables import TABLES
from frontdoor.returns.tests.ssda903_council import build_council
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db
PAGE = "returns:ssda903"
DOWNLOAD = "returns:ssda903-download"


@pytest.fixture
def council(worker):
    return build_council(worker)


def test_the_returns_index_offers_the_ssda903_page(persona):
    html = client_for(persona("analyst")).get(reverse("returns:index")).content.decode()
    assert f'href="{reverse(PAGE)}"' in html


def test_analyst_sees_the_failures_with_links_to_the_children(persona, council):
    LookedAfterEpisode.objects.filter(episode__person=council.jayden).update(placement_provider="")
    analyst = persona("analyst")
    html = client_for(analyst).get(reverse(PAGE), {"year": "2025"}).content.decode()
    assert '<dd class="govuk-summary-list__value" id="ssda903-errors">2</dd>' in html
    assert '<dd class="govuk-summary-list__value" id="ssda903-at-end">2</dd>' in html
    assert "526 Placement provider missing (2)" in html
    link = reverse("people:person", kwargs={"person_id": council.jayden.pk})
    assert f'<a class="govuk-link" href="{link}">GL2</a>' in html
    logged = Event.objects.filter(action=Event.Action.VIEW, user=analyst)
    assert set(logged.values_list("person_id", flat=True)) == {council.jayden.pk}


def test_the_download_is_every_file_and_is_audited(persona, council):
    analyst = persona("analyst")
    response = client_for(analyst).get(reverse(DOWNLOAD), {"year": "2025"})
    assert response["Content-Disposition"] == 'attachment; filename="ssda903-2025.zip"'
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == [t.filename for t in TABLES]
    export = Event.objects.get(action=Event.Action.EXPORT, user=analyst)
    assert export.changes == {"return": "ssda903", "year": 2025, "children": 4}
    listed = Event.objects.filter(action=Event.Action.VIEW, user=analyst)
    assert listed.count() == 4


def test_a_social_worker_may_not_open_the_page(persona):
    response = client_for(persona("social_worker")).get(reverse(PAGE))
    assert response.status_code in (403, 404)


def test_a_bad_year_is_an_error_on_the_form(persona):
    html = client_for(persona("analyst")).get(reverse(PAGE), {"year": "soon"}).content.decode()
    assert "govuk-error-summary" in html and "“soon” is not a year." in html


def test_a_worker_records_a_review_through_the_casework_page(persona, council):
    worker = persona("social_worker")
    care = LookedAfterEpisode.objects.get(episode__person=council.jayden, end_date__isnull=True)
    url = reverse("casework:care-review", kwargs={"episode_id": care.episode_id})
    client = client_for(worker)
    bad = client.post(url, {"held_on-day": "1", "held_on-month": "2", "held_on-year": "2025"})
    assert bad.status_code == 400
    assert "Choose how the child took part in the review" in bad.content.decode()
    before = CareReview.objects.count()
    good = client.post(
        url,
        {
            "held_on-day": "3",
            "held_on-month": "3",
            "held_on-year": "2025",
            "participation": "PN1",
        },
    )
    assert good.status_code == 302
    assert CareReview.objects.count() == before + 1
    page = client.get(reverse("casework:child", kwargs={"person_id": council.jayden.pk}))
    html = page.content.decode()
    assert "Looked-after record" in html and "latest 3 March 2025 (PN1" in html
    assert "Looked-after review (6 months)" in html


def test_the_command_prints_each_failure_and_strict_fails_on_errors(council, tmp_path, capsys):
    LookedAfterEpisode.objects.filter(episode__person=council.ahmad).update(category_of_need="")
    with pytest.raises(CommandError, match="1 errors remain"):
        call_command(
            "export",
            "ssda903",
            "--year",
            "2025",
            "--out",
            str(tmp_path),
            "--strict",
            "--no-progress",
        )
    out = capsys.readouterr().out
    assert "GL3: 145 Category of need (error): Record the category of need (N1 to N8)" in out
    assert "2 looked after at 31 March, 2 started to be looked after" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.filename for t in TABLES)
