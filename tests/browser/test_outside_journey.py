"""Issue 15 in Chromium: the police report a child missing through the partner API; the child
returns; the 72-hour clock shows on the ROTH caseload; the return home interview is recorded
with push and pull factors, a place and an adult; the screening gives high with the
indicators that produced it; the weekly missing meeting's pack lists the child with all of it
(as a page and a tagged PDF); the child's network picture shows the adult and the place.
axe checks every page visited against WCAG 2.2 AA."""

import datetime as dt
import io
import json
from collections.abc import Callable

import pikepdf
import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Locator, Page, expect

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency
from frontdoor.outside.codes import INDICATORS
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.actions import create_person
from frontdoor.test import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Check = Callable[[Page], None]
NHS_NUMBER = "9990000018"


def _fill_date(scope: Locator | Page, legend: str, day: dt.date) -> None:
    group = scope.get_by_role("group", name=legend)
    for part, value in {"Day": day.day, "Month": day.month, "Year": day.year}.items():
        group.get_by_label(part).fill(str(value))


def _fill_moment(page: Page, legend: str, time_label: str, moment: dt.datetime) -> None:
    local = timezone.localtime(moment)
    _fill_date(page, legend, local.date())
    page.get_by_label(time_label).fill(local.strftime("%H:%M"))


def _police_report(page: Page, now: dt.datetime) -> int:
    token = issue_api_token(Agency.objects.get(slug="police"))
    body = {
        "child": {"nhs_number": NHS_NUMBER},
        "kind": "missing",
        "missing_from": "home",
        "last_seen_at": (now - dt.timedelta(hours=30)).isoformat(),
        "reported_at": (now - dt.timedelta(hours=29)).isoformat(),
        "risk_level": "high",
        "police_reference": "NS-2026-0042",
        "circumstances": "Did not come home after school; seen getting into a car.",
    }
    response = page.request.post(
        "/api/v1/missing-episodes",
        data=json.dumps(body),
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": "browser-journey-1",
            "Content-Type": "application/json",
        },
    )
    assert response.status == 201, response.text()
    return int(response.json()["id"])


def _record_return(page: Page, now: dt.datetime, check: Check) -> None:
    open_from_menu(page, "Missing and exploitation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Missing and exploitation")
    check(page)
    page.get_by_role("link", name="Jade Morgan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Missing episode from")
    expect(page.get_by_role("main")).to_contain_text("Police")
    check(page)
    page.get_by_role("link", name="Record the child's return").click()
    check(page)
    _fill_moment(
        page, "Date the child returned", "Time the child returned", now - dt.timedelta(hours=5)
    )
    page.get_by_label("Police", exact=True).check()
    page.get_by_label("Where the child was found").fill("Grove Park")
    page.get_by_role("button", name="Record the child's return").click()
    expect(page.get_by_text("The 72-hour clock for the interview has started.")).to_be_visible()
    expect(page.locator("#interview-clock")).to_contain_text("hours left")
    check(page)


def _caseload_clock(page: Page, check: Check) -> None:
    open_from_menu(page, "Missing and exploitation")
    clocks = page.locator("#interview-clocks")
    expect(clocks).to_contain_text("Jade Morgan")
    expect(clocks).to_contain_text("hours left")
    check(page)


def _interview(page: Page, now: dt.datetime, check: Check) -> None:
    page.locator("#interview-clocks").get_by_role("link", name="Jade Morgan").click()
    page.get_by_role("link", name="Record the return home interview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the return home interview")
    check(page)
    _fill_moment(
        page, "Date the interview was offered", "Time offered", now - dt.timedelta(hours=3)
    )
    page.get_by_role("group", name="Outcome").get_by_label("Accepted").check()
    _fill_moment(page, "Date the interview was held", "Time held", now - dt.timedelta(hours=1))
    factors = page.get_by_role("group", name="Push and pull factors")
    factors.get_by_label("Conflict at home (push)").check()
    factors.get_by_label("An adult of concern (pull)").check()
    page.get_by_label("What the child said").fill("I went to Grove Park and then to Dean's flat.")
    page.get_by_label("Where the child went").fill("Grove Park, then a flat in Milton")
    page.get_by_label("Who the child was with", exact=True).fill("Dean, about 25")
    page.get_by_label("Place of concern (name)").fill("Grove Park")
    page.get_by_label("Postcode of the place").fill("BS23 1AA")
    page.get_by_label("New adult of concern: first name").fill("Dean")
    page.get_by_label("New adult of concern: last name").fill("Rowe")
    page.get_by_role("button", name="Record the return home interview").click()
    expect(page.get_by_text("Return home interview recorded.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("An adult of concern, Conflict at home")
    check(page)


def _screen(page: Page, check: Check) -> None:
    page.get_by_role("link", name="Back to risk outside the home for Jade Morgan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Risk outside the home")
    check(page)
    page.get_by_role("link", name="Screen for exploitation").click()
    check(page)
    page.get_by_role("group", name="Exploitation screened for").get_by_label(
        "Child sexual exploitation (CSE)"
    ).check()
    _fill_date(page, "Date of the screening", timezone.localdate())
    page.get_by_role("group", name="Has the child disclosed exploitation?").get_by_label(
        "No"
    ).check()
    page.get_by_label("Relationships: Older associates or a relationship of concern").select_option(
        "high"
    )
    page.get_by_label("Missing: Going missing, staying out late or overnight").select_option("high")
    for _code, domain, text in INDICATORS:  # nothing is rated for the worker
        rating = page.get_by_label(f"{domain}: {text}")
        if rating.input_value() == "":
            rating.select_option("none")
    page.get_by_role("button", name="Record the screening").click()
    expect(page.locator("#screening-level")).to_have_text("Level: high")
    reasons = page.locator("#screening-reasons")
    expect(reasons).to_contain_text("Older associates or a relationship of concern")
    expect(reasons).to_contain_text("Going missing")
    check(page)


def _meeting(page: Page, check: Check) -> None:
    open_from_menu(page, "Missing meetings")
    check(page)
    page.get_by_role("group", name="Meeting").get_by_label("Weekly missing meeting").check()
    page.get_by_role("button", name="Prepare the meeting").click()
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Weekly missing meeting")
    for shown in [
        "Jade Morgan",
        "I went to Grove Park and then to Dean's flat.",
        "Accepted",
        "Dean Rowe",
        "Grove Park (BS23 1AA)",
        "Conflict at home",
        "high",
    ]:
        expect(main).to_contain_text(shown)
    check(page)
    pdf_url = page.get_by_role("link", name="Download the pack (PDF)").get_attribute("href")
    response = page.request.get(pdf_url or "", timeout=60_000)  # WeasyPrint: seconds
    assert response.headers["content-type"] == "application/pdf"
    document = pikepdf.open(io.BytesIO(response.body()))
    assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en-GB"


def _network(page: Page, check: Check) -> None:
    page.get_by_role("link", name="Network of Jade Morgan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Network of Jade Morgan")
    picture = page.locator("#network-picture svg")
    expect(picture).to_contain_text("Dean Rowe")
    expect(picture).to_contain_text("Grove Park")
    expect(page.locator("#network-links")).to_contain_text("Dean Rowe")
    check(page)


def _overview_and_themes(page: Page, check: Check) -> None:
    """The restricted map's questions, the place view and the themes: charts beside tables."""
    open_from_menu(page, "People and places")
    expect(page.get_by_role("heading", level=1)).to_have_text("People and places")
    check(page)
    open_from_menu(page, "Missing themes")
    expect(page.get_by_role("heading", level=1)).to_have_text("Missing and exploitation themes")
    expect(page.locator("#themes ~ figure svg").first).to_be_visible()
    check(page)


def test_missing_to_meeting_pack_and_network(page: Page, assert_accessible: Check, sign_in) -> None:
    roth = make_persona("roth_worker")
    create_person(
        roth,
        kind="child",
        given_name="Jade",
        family_name="Morgan",
        date_of_birth=dt.date(2010, 6, 1),
        nhs_number=NHS_NUMBER,
        postcode="BS23 1UJ",
        address="1 High Street",
    )
    now = timezone.now().replace(second=0, microsecond=0)
    episode_id = _police_report(page, now)
    assert MissingEpisode.objects.get(pk=episode_id).reported_by_agency.slug == "police"
    sign_in(page, "roth_worker")
    _record_return(page, now, assert_accessible)
    _caseload_clock(page, assert_accessible)
    _interview(page, now, assert_accessible)
    _screen(page, assert_accessible)
    _meeting(page, assert_accessible)
    _network(page, assert_accessible)
    page.locator("#network-links").get_by_role("link", name="Grove Park (BS23 1AA)").click()
    expect(page.locator("#place-children")).to_contain_text("Jade Morgan")
    assert_accessible(page)
    _overview_and_themes(page, assert_accessible)
