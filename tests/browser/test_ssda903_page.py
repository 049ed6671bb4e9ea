"""The analysts' SSDA903 page, and a worker recording a looked-after review; checked by axe."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from frontdoor.casework.models import LookedAfterEpisode
from frontdoor.returns.tests.ssda903_council import build_council
from frontdoor.test import make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_analyst_checks_the_return_and_follows_a_failure_to_the_child(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    council = build_council(make_persona("social_worker"))
    LookedAfterEpisode.objects.filter(episode__person=council.ahmad).update(placement_provider="")
    make_persona("analyst")
    sign_in(page, "analyst")
    page.goto("/returns/")
    page.get_by_role("link", name="SSDA903 (children looked after)").click()
    page.get_by_label("Collection year").fill("soon")
    page.get_by_role("button", name="Check the return").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Collection year").fill("2025")
    page.get_by_role("button", name="Check the return").click()
    expect(page.get_by_role("heading", name="526 Placement provider missing (1)")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the SSDA903 files for 2025 (zip)").click()
    assert download.value.suggested_filename == "ssda903-2025.zip"
    page.get_by_role("link", name="GL3").click()
    expect(page).to_have_url(f"/people/{council.ahmad.pk}/", timeout=5000)


def test_a_worker_records_a_review_on_the_looked_after_record(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    council = build_council(make_persona("social_worker"))
    sign_in(page, "social_worker")
    page.goto(f"/casework/children/{council.jayden.pk}/")
    expect(page.get_by_role("heading", name="Looked-after record")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record a looked-after review").click()
    page.get_by_role("button", name="Record a looked-after review").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("PN1: Child attended and spoke for themselves").check()
    page.get_by_role("button", name="Record a looked-after review").click()
    expect(page.get_by_text("Looked-after review recorded.")).to_be_visible()
    expect(page.get_by_text("latest 3 March 2025 (PN1")).to_be_visible()
