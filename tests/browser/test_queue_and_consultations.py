"""The contacts queue flags overdue contacts, and consultations can be recorded and listed;
axe checks every page visited against WCAG 2.2 AA."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.contacts.actions import triage_contact
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Consultation
from frontdoor.lib.pages import PER_PAGE
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]


def test_the_queue_shows_an_overdue_contact_with_an_overdue_tag(
    page: Page, assert_accessible: Check, sign_in: Callable[[Page, str], None]
) -> None:
    make_persona("contact_officer")
    old = make_contact(received_at=timezone.now() - dt.timedelta(days=10))
    noah = SubjectInput(role="child", given_name="Noah", family_name="Price")
    fresh = make_contact(subjects=[noah], worry="Noah was left alone overnight.")

    sign_in(page, "contact_officer")
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts awaiting decision")
    assert_accessible(page)
    rows = page.get_by_role("row")
    old_row = rows.filter(has=page.get_by_role("link", name=old.reference))
    expect(old_row.locator(".govuk-tag", has_text="Overdue")).to_be_visible()
    fresh_row = rows.filter(has=page.get_by_role("link", name=fresh.reference))
    expect(fresh_row).to_be_visible()
    expect(fresh_row).not_to_contain_text("Overdue")
    expect(page.get_by_role("main")).to_contain_text("1 overdue")


def test_a_consultation_is_recorded_and_listed(
    page: Page, assert_accessible: Check, sign_in: Callable[[Page, str], None]
) -> None:
    make_persona("contact_officer")

    sign_in(page, "contact_officer")
    assert_accessible(page)
    open_from_menu(page, "Consultations")
    expect(page.get_by_role("heading", level=1)).to_have_text("Professional consultations")
    assert_accessible(page)
    page.get_by_role("button", name="Record a consultation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a consultation")
    assert_accessible(page)

    page.get_by_role("button", name="Save consultation").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the professional's name.")
    assert_accessible(page)

    page.get_by_label("Professional's name").fill("Sam Health-Visitor")
    page.get_by_label("Their role").fill("Health visitor")
    page.get_by_label("Organisation").fill("Weston Health Centre")
    page.get_by_label("Partner agency (if any)").select_option(label="Health")
    page.get_by_label("What they described (no names)").fill(
        "A mother of a baby seems low and isolated; no injuries seen."
    )
    page.get_by_label("Advice given").fill("Offer an early help assessment with consent.")
    page.get_by_role("button", name="Save consultation").click()

    expect(page.get_by_text("Consultation recorded.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Sam Health-Visitor")
    expect(row).to_contain_text("Weston Health Centre")
    expect(row.get_by_role("link", name="Turn into a contact")).to_be_visible()
    assert_accessible(page)
    assert Consultation.objects.filter(
        professional_name="Sam Health-Visitor", agency__slug="health"
    ).exists()


def test_the_queue_filtered_to_mine_and_overdue_pages_and_reflows_at_320px(
    page: Page, assert_accessible: Check, sign_in: Callable[[Page, str], None]
) -> None:
    """WCAG 2.2 reflow: at 320 CSS pixels the queue, its filters and its pages need no
    horizontal scrolling (the rows stack as labelled blocks)."""
    me = make_persona("social_worker")
    make_persona("contact_officer")
    for _ in range(PER_PAGE + 2):  # mine and overdue: two pages
        contact = make_contact(received_at=timezone.now() - dt.timedelta(days=10))
        triage_contact(contact, me, rag="red", level_of_need=None)
    not_mine = make_contact(received_at=timezone.now() - dt.timedelta(days=10))
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, "social_worker")
    open_from_menu(page, "Contacts")
    page.get_by_text("Filter the queue").click()
    page.get_by_role("group", name="Whose contacts").get_by_label("Mine").check()
    page.get_by_role("group", name="Time").get_by_label("Overdue").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#queue-count")).to_have_text(f"{PER_PAGE + 2} contacts match the filters.")
    expect(page.get_by_role("link", name=not_mine.reference)).to_have_count(0)
    _no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"whose=mine.*overdue=yes.*page=2"))
    expect(page.get_by_role("row").filter(has=page.get_by_role("link"))).to_have_count(2)
    _no_horizontal_scroll(page)
    assert_accessible(page)


def _no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width}px wide at a 320px viewport"
