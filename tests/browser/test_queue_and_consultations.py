"""The contacts queue flags overdue contacts, and consultations can be recorded and listed;
axe checks every page visited against WCAG 2.2 AA."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Consultation
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
