"""Issue 3 item 6 in Chromium: a social worker convenes a strategy discussion for a red
contact, records it with a section 47 outcome, circulates the record, and the s47 shows on
the child's chronology. axe checks every page visited against WCAG 2.2 AA."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from frontdoor.casework.models import S47Enquiry
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.contacts.models import Contact
from frontdoor.mash.strategy_models import StrategyDiscussion
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]


def _form_with_button(page: Page, button: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=button))


def _red_contact() -> Contact:
    worker = make_persona("social_worker")
    contact = make_contact(received_at=timezone.now() - dt.timedelta(days=3))
    create_person_for_subject(contact.child_subjects().get(), worker)
    return triage_contact(contact, worker, rag="red", level_of_need=None, note="Bruises.")


def _convene(page: Page, contact: Contact, held_on: dt.date, assert_accessible: Check) -> None:
    page.goto(f"/contacts/{contact.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Convene a strategy discussion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Convene a strategy discussion")
    assert_accessible(page)
    agencies = page.get_by_role("group", name="Which agencies are invited?")
    expect(agencies.get_by_label("Police", exact=True)).to_be_checked()
    expect(agencies.get_by_label("Health", exact=True)).to_be_checked()
    agencies.get_by_label("Health", exact=True).uncheck()
    page.get_by_role("button", name="Convene the strategy discussion").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Enter the date of the discussion.")
    expect(summary).to_contain_text("Enter the time of the discussion.")
    assert_accessible(page)

    when = page.get_by_role("group", name="Date of the discussion")
    for part, value in {"Day": held_on.day, "Month": held_on.month, "Year": held_on.year}.items():
        when.get_by_label(part).fill(str(value))
    page.get_by_label("Time of the discussion").fill("10:00")
    agencies = page.get_by_role("group", name="Which agencies are invited?")
    agencies.get_by_label("Education", exact=True).check()
    page.get_by_role("button", name="Convene the strategy discussion").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "Invite Health: police and health take part in every strategy discussion."
    )
    assert_accessible(page)
    page.get_by_role("group", name="Which agencies are invited?").get_by_label(
        "Health", exact=True
    ).check()
    page.get_by_label("Chair (if known)").fill("Tess Manager")
    page.get_by_role("button", name="Convene the strategy discussion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Strategy discussion on {contact.reference}"
    )
    expect(page.get_by_text("Strategy discussion convened.")).to_be_visible()
    assert_accessible(page)


def _attend(form: Locator, party: str, answer: str, name: str = "") -> None:
    form.get_by_role("group", name=f"Did {party} attend?").get_by_label(answer, exact=True).check()
    if name:
        form.get_by_label(f"Name of who attended for {party}").fill(name)


def _record(page: Page, held_on: dt.date, assert_accessible: Check) -> None:
    form = _form_with_button(page, "Record the strategy discussion")
    _attend(form, "Children's social care", "Attended", "Sam Social Worker")
    _attend(form, "Education", "Sent apologies")
    _attend(form, "Health", "Attended", "Nurse Jones")
    _attend(form, "Police", "Attended")  # no name: refused
    form.get_by_label("Information shared").fill(
        "Police: two domestic incidents at the home. Health: missed appointments."
    )
    form.get_by_role("group", name="Outcome").get_by_label("Section 47 enquiry", exact=True).check()
    form.get_by_label("Rationale for the outcome").fill(
        "Bruising and domestic abuse: reasonable cause to suspect significant harm."
    )
    form.get_by_label("What needs to happen (action 1)").fill("See Amelia alone at school")
    form.get_by_label("Owner of action 1").fill("Sam, social care")
    due = form.get_by_role("group", name="Due date of action 1")
    for part, value in {"Day": held_on.day, "Month": held_on.month, "Year": held_on.year}.items():
        due.get_by_label(part).fill(str(value))
    form.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "Give the name of who attended for Police."
    )
    assert_accessible(page)
    page.get_by_label("Name of who attended for Police").fill("DC Patel")
    page.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_text("Strategy discussion recorded.")).to_be_visible()
    attendance = page.locator("#attendance")
    expect(attendance).to_contain_text("DC Patel")
    expect(attendance).to_contain_text("Sent apologies")
    expect(page.locator("#s47s")).to_contain_text("started")
    expect(page.locator("#actions")).to_contain_text("See Amelia alone at school")
    expect(page.get_by_text("Record due").or_(page.get_by_text("Record overdue"))).to_be_visible()
    assert_accessible(page)


def test_a_strategy_discussion_is_convened_recorded_and_starts_an_s47(
    page: Page, assert_accessible: Check, sign_in: SignIn
) -> None:
    contact = _red_contact()
    make_persona("team_manager")
    make_persona("police_partner")
    held_on = timezone.localdate() - dt.timedelta(days=1)

    sign_in(page, "social_worker")
    _convene(page, contact, held_on, assert_accessible)
    discussion = StrategyDiscussion.objects.get(contact=contact)
    invited = sorted(discussion.invitations.values_list("agency__slug", flat=True))
    assert invited == ["education", "health", "police"]

    _record(page, held_on, assert_accessible)
    person = contact.child_subjects().get().person
    s47 = S47Enquiry.objects.get(person=person)
    assert s47.start_date == held_on and s47.strategy_discussion == discussion

    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Action marked as done.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mark the record as circulated").click()
    expect(page.get_by_text("Record marked as circulated.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=person.full_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chronology")
    events = page.get_by_role("table")
    expect(events).to_contain_text("Section 47 enquiry started after a strategy discussion")
    expect(events).to_contain_text("Strategy discussion held: Section 47 enquiry")
    assert_accessible(page)

    page.goto("/mash/strategy-discussions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategy discussions")
    assert_accessible(page)
    page.context.clear_cookies()
    sign_in(page, "team_manager")
    page.goto("/mash/strategy-discussions/")
    expect(page.locator("#awaiting-circulation")).to_contain_text(
        "Every record has been circulated."
    )
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, "police_partner")
    page.goto("/mash/strategy-discussions/our-agency/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategy discussions for Police")
    assert_accessible(page)
    page.get_by_role("link", name=f"Strategy discussion on {contact.reference}").click()
    expect(page.get_by_role("main")).to_contain_text("Attended, DC Patel")
    expect(page.get_by_role("main")).not_to_contain_text("Nurse Jones")
    assert_accessible(page)
