"""An administrator removes a leaver: the leaver's open session (another browser) is signed
out at its next request. Every page checked by axe against WCAG 2.2 AA."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from menu import open_from_menu
from playwright.sync_api import Browser, Page, expect

from frontdoor.test import make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]


def test_an_administrator_deactivates_a_leaver_who_is_signed_out_at_once(
    page: Page, browser: Browser, live_server: Any, assert_accessible: Check, sign_in: SignIn
) -> None:
    make_persona("administrator")
    make_persona("social_worker")
    leaver_context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True)
    leaver = leaver_context.new_page()
    try:
        sign_in(leaver, "social_worker")
        leaver.goto("/contacts/")
        expect(leaver.get_by_role("heading", level=1)).to_be_visible()

        sign_in(page, "administrator")
        open_from_menu(page, "Settings")
        assert_accessible(page)
        page.get_by_role("link", name="social_worker", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Social Worker")
        assert_accessible(page)
        page.get_by_role("button", name="Deactivate account").click()
        expect(page.get_by_role("main")).to_contain_text("Account deactivated")
        expect(page.get_by_role("main")).to_contain_text("Deactivated: cannot sign in")
        assert_accessible(page)

        leaver.goto("/contacts/")
        expect(leaver).to_have_url(re.compile(r"/sign-in\?next=/contacts/"))
        expect(leaver.get_by_role("heading", name="Sign in to Front Door")).to_be_visible()
    finally:
        leaver_context.close()
