"""The analysts' CIN census page: an error, then the failures with links; checked by axe."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from frontdoor.casework.models import CINEpisode
from frontdoor.returns.tests.conftest import build_golden
from frontdoor.test import make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_analyst_checks_the_census_and_follows_a_failure_to_the_child(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    golden = build_golden(make_persona("social_worker"))
    CINEpisode.objects.filter(person=golden.oliver).update(primary_need="")
    make_persona("analyst")
    sign_in(page, "analyst")
    page.goto("/returns/")
    page.get_by_role("link", name="CIN census").click()
    page.get_by_label("Collection year").fill("soon")
    page.get_by_role("button", name="Check the census").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Collection year").fill("2025")
    page.get_by_role("button", name="Check the census").click()
    expect(page.get_by_role("heading", name="8610 Primary need missing (1)")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the census XML for 2025").click()
    assert download.value.suggested_filename == "cin-census-2025.xml"
    # Oliver is listed under each rule his record fails (8610) or is queried on (8770Q, 8873Q).
    expect(page.get_by_role("link", name="GOLD3")).to_have_count(3)
    page.get_by_role("table", name="8610 Primary need missing: children to check").get_by_role(
        "link", name="GOLD3"
    ).click()
    expect(page).to_have_url(f"/people/{golden.oliver.pk}/", timeout=5000)
