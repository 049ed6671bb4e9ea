"""Open a page from the service navigation as a user would: the top-level item, or its group
and then the page in the group's row under the header (frontdoor.navigation.GROUPS)."""

from playwright.sync_api import Page

from frontdoor.navigation import GROUPS


def open_from_menu(page: Page, text: str) -> None:
    menu = page.get_by_role("navigation", name="Menu")
    top = menu.get_by_role("link", name=text, exact=True)
    if top.count():
        top.click()
        return
    group = next(title for title, items in GROUPS if any(t == text for _, t, _ in items))
    row = page.get_by_role("navigation", name=group)
    if not row.count():
        menu.get_by_role("link", name=group, exact=True).click()
    page.get_by_role("navigation", name=group).get_by_role("link", name=text, exact=True).click()
