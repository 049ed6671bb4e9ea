"""The online form works with JavaScript switched off (progressive enhancement).

axe needs JavaScript, so this run only checks the behaviour; the same pages are checked by
axe in the journey test."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from frontdoor.contacts.models import Contact

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_member_of_the_public_can_send_the_form_without_javascript(
    page_without_javascript: Page,
    fill_public_form: Callable[[Page], None],
    screenshot: Callable[[Page], Path],
) -> None:
    page = page_without_javascript
    page.goto("/request-support/")
    page.get_by_role("link", name="I am a member of the public").click()
    screenshot(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    screenshot(page)
    assert Contact.objects.count() == 0

    fill_public_form(page)
    page.get_by_role("button", name="Send").click()
    panel = page.locator(".govuk-panel")
    expect(panel).to_contain_text("Your request has been sent")
    screenshot(page)
    reference = re.search(r"FD-[0-9A-Z]{4}-[0-9A-Z]{4}", panel.inner_text())
    assert reference, panel.inner_text()
    contact = Contact.objects.get(reference=reference.group(0))
    assert contact.channel == "online_public"
    child = contact.subjects.get(role="child")
    assert (child.given_name, child.postcode) == ("Amelia", "BS23 1UJ")
