"""Issue 3 item 7, end to end in Chromium: the emergency duty worker records an out-of-hours
contact with handover actions, the day team sees them on the morning handover list, a day
worker accepts one and it leaves the list. axe checks every page against WCAG 2.2 AA.
Also: a social worker decides a partner's request for more time."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import Agency
from frontdoor.contacts.actions import triage_contact
from frontdoor.contacts.models import Contact, HandoverItem
from frontdoor.mash.actions import open_mash_enquiry, request_more_time
from frontdoor.mash.models import ExtensionRequest
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]


def _record_out_of_hours_contact(page: Page, assert_accessible: Check) -> None:
    page.goto("/contacts/new")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a new contact")
    assert_accessible(page)
    channel = page.get_by_role("group", name="How did the contact come in?")
    channel.get_by_label("Out of hours (emergency duty)").check()
    page.get_by_label("What was done out of hours").fill(
        "Police attended at 23:10. Leo is staying with his grandmother tonight."
    )
    assert_accessible(page)  # with the handover questions revealed
    page.get_by_label("Referral source").select_option("6")
    page.get_by_label("First name").first.fill("Leo")
    page.get_by_label("Last name").first.fill("Nowak")
    page.get_by_label("The worry, in the referrer's words").fill(
        "Police called to a fight at home; Leo was present."
    )
    page.get_by_role("group", name="Is the child in immediate danger?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("group", name="Consent to share information").get_by_label("Given").check()
    page.get_by_role("button", name="Save contact").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Say what the day team needs to do")
    assert_accessible(page)
    page.get_by_label("What the day team needs to do").fill(
        "Ring Leo's school before 9am\nCheck the grandmother's address"
    )
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^FD-"))
    expect(page.get_by_role("heading", name="Out-of-hours handover")).to_be_visible()
    assert_accessible(page)


def test_out_of_hours_handover_is_accepted_by_the_day_team(
    page: Page, assert_accessible: Check, sign_in, sign_out
) -> None:
    make_persona("social_worker")
    make_persona("team_manager")
    sign_in(page, "social_worker")
    _record_out_of_hours_contact(page, assert_accessible)
    contact = Contact.objects.get()
    assert contact.channel == "out_of_hours" and contact.handover_items.count() == 2
    sign_out(page)

    sign_in(page, "team_manager")
    open_from_menu(page, "Morning handover")
    expect(page.get_by_role("heading", level=1)).to_have_text("Morning handover")
    assert_accessible(page)
    expect(page.locator("#handover-count")).to_contain_text("2 actions are")
    expect(page.get_by_text("Police attended at 23:10.").first).to_be_visible()
    page.get_by_role("button", name=re.compile(r"Accept handover: Ring Leo's school")).click()
    expect(page.locator("#handover-count")).to_contain_text("1 action is")
    assert_accessible(page)
    expect(page.get_by_text("Ring Leo's school before 9am")).to_have_count(0)
    accepted = HandoverItem.objects.get(needs_doing="Ring Leo's school before 9am")
    assert accepted.accepted_by is not None and accepted.accepted_by.username == "team_manager"

    page.get_by_role("link", name=re.compile(contact.reference)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(contact.reference)
    expect(page.get_by_text("Accepted", exact=True)).to_be_visible()
    assert_accessible(page)


def test_a_social_worker_grants_a_partner_more_time(
    page: Page, assert_accessible: Check, sign_in
) -> None:
    worker = make_persona("social_worker")
    partner = make_persona("police_partner")
    contact = make_contact()
    triage_contact(contact, worker, rag="amber", level_of_need=None)
    police = Agency.objects.get(slug="police")
    enquiry = open_mash_enquiry(contact, worker, [(police, "Any call-outs?")])
    check = enquiry.checks.get()
    request = request_more_time(check, partner, "Our records officer is off today.")

    sign_in(page, "social_worker")
    page.goto("/mash/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Grant or refuse")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request for more time from Police")
    assert_accessible(page)
    page.get_by_label("Grant more time").check()
    later = dt.date.today() + dt.timedelta(days=7)
    due = page.get_by_role("group", name="New due date")
    due.get_by_label("Day").fill(str(later.day))
    due.get_by_label("Month").fill(str(later.month))
    due.get_by_label("Year").fill(str(later.year))
    page.get_by_label("New due time").fill("12:00")
    assert_accessible(page)
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"MASH enquiry on {contact.reference}"
    )
    assert_accessible(page)
    request.refresh_from_db()
    assert request.decision == ExtensionRequest.Decision.GRANTED
