"""Real-browser tests: Chromium (Debian's, never a downloaded one) against pytest-django's
live server, with axe-core checking every page against WCAG 2.2 AA.

Playwright's sync API runs an event loop in the test thread for as long as it is started,
which makes Django think it is in async code. The ORM is only used from the test thread
between browser calls, so that is safe: DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser
runs, and the browser is stopped (and the variable restored) as soon as the next test is not
a browser test, so no event loop leaks into the rest of the suite.

While that loop runs, Django keeps the test thread's database connections in context-local
storage, apart from the ones the test database was set up with; so `serialized_rollback`
would find nothing to restore, and `council_defaults` re-creates the migrations' data instead.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, Playwright, Response, expect, sync_playwright

from frontdoor.test import PASSWORD, put_back_council_defaults

PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE_SOURCE = (PROJECT_DIR / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
SCREENSHOTS = PROJECT_DIR / "var" / "screenshots"
CHROMIUM = os.environ.get("FRONTDOOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# FRONTDOOR_AXE_BEST_PRACTICE=1 adds axe's best-practice rules (heading order, landmarks), which
# are not WCAG requirements, to look for problems beyond the acceptance criterion.
AXE_TAGS = WCAG_22_AA + (["best-practice"] if os.environ.get("FRONTDOOR_AXE_BEST_PRACTICE") else [])

# A page is only checked once it has finished loading; axe then runs on the whole document.
AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary, html: n.html})),
  }));
}"""


class _Chromium:
    """One Chromium for a run of browser tests, started on first use."""

    driver: Playwright | None = None
    browser: Browser | None = None
    saved_env: str | None = None

    @classmethod
    def get(cls) -> Browser:
        if cls.browser is None:
            cls.saved_env = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            cls.driver = sync_playwright().start()
            cls.browser = cls.driver.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        return cls.browser

    @classmethod
    def stop(cls) -> None:
        # While the loop runs, Django keeps this thread's connections in separate (context)
        # storage; close those before it stops so none is left open on the test database.
        connections.close_all()
        if cls.browser is not None:
            cls.browser.close()
        if cls.driver is not None:
            cls.driver.stop()
        cls.browser = cls.driver = None
        if cls.saved_env is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = cls.saved_env


@pytest.hookimpl(trylast=True)  # after the test's own fixtures (its browser tab) are gone
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    if nextitem is None or nextitem.get_closest_marker("browser") is None:
        _Chromium.stop()


@pytest.fixture(autouse=True)
def council_defaults(transactional_db: None) -> None:
    """The live server needs committed data, so these tests are transactional; the flush
    after each one also removes what the data migrations made, so put it back
    (serialized_rollback cannot: see the module docstring)."""
    put_back_council_defaults()


@pytest.fixture
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: `make browser` installs Debian's")
    return _Chromium.get()


def _new_page(browser: Browser, base_url: str, javascript: bool) -> Page:
    # The app's CSP (script-src 'self') would block axe, which is injected inline.
    context = browser.new_context(
        base_url=base_url,
        bypass_csp=True,
        java_script_enabled=javascript,
        locale="en-GB",
        timezone_id="Europe/London",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    statuses: list[int] = []

    def remember_status(response: Response) -> None:
        if response.request.is_navigation_request() and response.frame == tab.main_frame:
            statuses.append(response.status)

    tab.on("response", remember_status)
    tab.navigation_statuses = statuses  # type: ignore[attr-defined]  # read by assert_accessible
    return tab


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """A fresh browser tab (no cookies) pointed at the live server."""
    tab = _new_page(browser, live_server.url, javascript=True)
    yield tab
    tab.context.close()


@pytest.fixture
def page_without_javascript(browser: Browser, live_server: Any) -> Iterator[Page]:
    tab = _new_page(browser, live_server.url, javascript=False)
    yield tab
    tab.context.close()


def format_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe found {len(violations)} violation(s) of {', '.join(AXE_TAGS)} on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = (node["summary"] or "").replace("\n", " / ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SOURCE)
    return page.evaluate(AXE_RUN, AXE_TAGS)


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Page], Path]:
    """Save a full-page screenshot as var/screenshots/<test>-<n>.png (n counts from 1)."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{name}-*.png"):
        old.unlink()
    count = 0

    def take(page: Page) -> Path:
        nonlocal count
        count += 1
        path = SCREENSHOTS / f"{name}-{count}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def assert_accessible(screenshot: Callable[[Page], Path]) -> Callable[[Page], None]:
    """Call after every navigation (once the new page is known to be showing): screenshot
    the page, then fail on a server error or any axe violation."""

    def check(page: Page) -> None:
        page.wait_for_load_state("load")
        screenshot(page)
        statuses = getattr(page, "navigation_statuses", [])
        assert not statuses or statuses[-1] < 500, f"{page.url} answered {statuses[-1]}"
        violations = axe_violations(page)
        assert violations == [], format_violations(page.url, violations)

    return check


@pytest.fixture
def sign_in(assert_accessible: Callable[[Page], None]) -> Callable[[Page, str], None]:
    """Sign in as a persona through the real sign-in page."""

    def go(page: Page, username: str) -> None:
        page.goto("/sign-in")
        assert_accessible(page)
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).not_to_have_url(re.compile(r"/sign-in"))

    return go


@pytest.fixture
def sign_out(assert_accessible: Callable[[Page], None]) -> Callable[[Page], None]:
    def go(page: Page) -> None:
        page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign out").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign out")
        assert_accessible(page)
        page.get_by_role("main").get_by_role("button", name="Sign out").click()
        page.get_by_role("heading", name="Sign in to Front Door").wait_for()

    return go


CHILD_BORN = {"Day": "10", "Month": "5", "Year": "2016"}


@pytest.fixture
def fill_public_form() -> Callable[[Page], None]:
    """Fill the member-of-the-public form as a worried neighbour would (without sending it)."""

    def fill(page: Page) -> None:
        who = page.get_by_role("group", name="Who are you?")
        who.get_by_label("I know the child or family (a neighbour or friend)").check()
        page.get_by_label("Your name").fill("Pat Neighbour")
        page.get_by_label("Phone number").fill("01934 000000")
        page.get_by_label("Child's first name").fill("Amelia")
        page.get_by_label("Child's last name").fill("Okafor")
        born = page.get_by_role("group", name="Child's date of birth (if you know it)")
        for part, value in CHILD_BORN.items():
            born.get_by_label(part).fill(value)
        page.get_by_label("Postcode").fill("BS23 1UJ")
        page.get_by_label("What are you worried about?").fill(
            "Amelia comes to school hungry and I have seen bruises on her arms."
        )
        page.get_by_role("group", name="Is the child in danger right now?").get_by_label(
            "No", exact=True
        ).check()
        consent = page.get_by_role("group", name="Does the family know you are contacting us?")
        consent.get_by_label("Yes, they know and agree").check()

    return fill
