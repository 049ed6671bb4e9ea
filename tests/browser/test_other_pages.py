"""The pages the journey does not pass through, checked by axe against WCAG 2.2 AA: staff
contact entry with errors, the partner's view, the access log, sign-in errors, MFA set-up and
settings."""

from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import Agency
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]


def test_recording_a_contact_by_phone_shows_errors_accessibly(
    page: Page, assert_accessible: Check, sign_in: SignIn
) -> None:
    make_persona("contact_officer")
    sign_in(page, "contact_officer")
    open_from_menu(page, "New contact")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a new contact")
    assert_accessible(page)
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose how the contact came in.")
    assert_accessible(page)


def test_a_partner_sees_their_agencys_contacts(
    page: Page, assert_accessible: Check, sign_in: SignIn
) -> None:
    make_persona("police_partner")
    police = Agency.objects.get(slug="police")
    contact = make_contact(referrer_agency_id=police.pk)
    sign_in(page, "police_partner")
    assert_accessible(page)
    open_from_menu(page, "Our agency's contacts")
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts from Police")
    expect(page.get_by_role("main")).to_contain_text(contact.reference)
    assert_accessible(page)


def test_an_auditor_reads_who_viewed_a_contact(
    page: Page, assert_accessible: Check, sign_in: SignIn
) -> None:
    make_persona("qa_auditor")
    contact = make_contact()
    sign_in(page, "qa_auditor")
    page.goto(f"/contacts/{contact.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Who has viewed this contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Access log")
    assert_accessible(page)


def test_an_administrator_signs_in_sets_up_mfa_and_opens_the_settings(
    page: Page, assert_accessible: Check, sign_in: SignIn
) -> None:
    make_persona("administrator")
    page.goto("/sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)
    sign_in(page, "administrator")
    assert_accessible(page)
    page.goto("/mfa/setup")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)
    open_from_menu(page, "Settings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    assert_accessible(page)
