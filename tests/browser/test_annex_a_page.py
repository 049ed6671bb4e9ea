"""The analysts' Ofsted Annex A page: an error, then the row counts; checked by axe."""

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from frontdoor.returns.tests.annex_a_data import Council
from frontdoor.test import make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_analyst_counts_the_annex_a_rows_before_downloading(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    council = Council()
    child = council.child("BROWSE1", sex="F", date_of_birth=dt.date(2014, 2, 2))
    council.refer(child, dt.date(2025, 3, 3), "2A")
    make_persona("analyst")
    sign_in(page, "analyst")
    page.goto("/returns/annex-a")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Count the rows").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Month").fill("3")
    page.get_by_role("button", name="Count the rows").click()
    table = page.get_by_role("table", name="Rows in each list as at 31 March 2025")
    expect(table.get_by_role("row", name="List 3")).to_contain_text("1")
    expect(page.get_by_role("button", name="Download Annex A (.xlsx)")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Annex A (.xlsx)").click()
    assert download.value.suggested_filename == "annex-a-2025-03-31.xlsx"
