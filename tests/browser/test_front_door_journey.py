"""Issue 2, end to end in Chromium: a member of the public's worry becomes a contact, a
social worker decides, a manager authorises, and the child's chronology shows it. axe
checks every page visited against WCAG 2.2 AA."""

import re
from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Locator, Page, expect

from frontdoor.contacts.models import Contact
from frontdoor.test import make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
REFERENCE = re.compile(r"FD-[0-9A-Z]{4}-[0-9A-Z]{4}")


def _form_with_button(page: Page, button: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=button))


def _send_public_request(
    page: Page, assert_accessible: Check, fill_public_form: Callable[[Page], None]
) -> str:
    page.goto("/request-support/")
    assert_accessible(page)
    page.get_by_role("link", name="I am a member of the public").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tell us about your worry for a child"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Tell us what you are worried about.")
    assert_accessible(page)
    fill_public_form(page)
    page.get_by_role("button", name="Send").click()
    panel = page.locator(".govuk-panel")
    expect(panel).to_contain_text("Your request has been sent")
    assert_accessible(page)
    match = REFERENCE.search(panel.inner_text())
    assert match, panel.inner_text()
    return match.group(0)


def _decide_as_social_worker(page: Page, reference: str, assert_accessible: Check) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts awaiting decision")
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reference)
    assert_accessible(page)
    page.get_by_role("button", name="Create a new record for Amelia Okafor").click()
    expect(page.get_by_text("Linked to")).to_be_visible()
    assert_accessible(page)

    triage = _form_with_button(page, "Save triage")
    triage.get_by_role("group", name="RAG rating").get_by_label("Amber").check()
    triage.get_by_role("group", name="Level of need").get_by_label("Level 4: Acute").check()
    triage.get_by_role("button", name="Save triage").click()
    expect(page.get_by_text("Triage recorded.")).to_be_visible()
    assert_accessible(page)

    decision = _form_with_button(page, "Send for authorisation")
    decision.get_by_label("Referral to children's social care").check()
    decision.get_by_label("Rationale").fill(
        "Bruising and hunger: the threshold for a section 17 assessment is met."
    )
    decision.get_by_label("What are we worried about?").fill("Unexplained bruises.")
    decision.get_by_label("What is working well?").fill("Amelia attends school every day.")
    decision.get_by_label("What needs to happen?").fill("A single assessment.")
    decision.get_by_label("Scaling (0 to 10)").fill("3")
    decision.get_by_role("group", name="Were the child's views sought?").get_by_label(
        "Yes", exact=True
    ).check()
    decision.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_role("heading", name="Decision awaiting authorisation")).to_be_visible()
    assert_accessible(page)


def _authorise_as_manager(page: Page, reference: str, assert_accessible: Check) -> None:
    assert_accessible(page)
    open_from_menu(page, "Authorise")
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions to authorise")
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", name="Decision awaiting authorisation")).to_be_visible()
    assert_accessible(page)
    form = _form_with_button(page, "Record authorisation")
    form.get_by_label("I agree with this decision").check()
    form.get_by_role("button", name="Record authorisation").click()
    expect(page.get_by_text("Authorisation recorded.")).to_be_visible()
    assert_accessible(page)


def test_a_public_worry_is_decided_authorised_and_shows_in_the_childs_chronology(
    page: Page,
    assert_accessible: Check,
    fill_public_form: Callable[[Page], None],
    sign_in: Callable[[Page, str], None],
    sign_out: Callable[[Page], None],
) -> None:
    make_persona("social_worker")
    make_persona("team_manager")
    reference = _send_public_request(page, assert_accessible, fill_public_form)
    assert Contact.objects.filter(reference=reference, channel="online_public").exists()

    sign_in(page, "social_worker")
    _decide_as_social_worker(page, reference, assert_accessible)
    sign_out(page)

    sign_in(page, "team_manager")
    _authorise_as_manager(page, reference, assert_accessible)
    contact = Contact.objects.get(reference=reference)
    assert contact.status == Contact.Status.DECIDED and contact.outcome == "referral"

    page.get_by_role("link", name="Chronology for Amelia Okafor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chronology")
    assert_accessible(page)
    events = page.get_by_role("main").get_by_role("table")
    authorised = events.get_by_role("row").filter(has_text="Decision authorised")
    expect(authorised).to_contain_text("Referral to children's social care")
    referral_tag = page.locator(".govuk-tag", has_text=re.compile(r"^\s*Referral\s*$"))
    expect(events.get_by_role("row").filter(has=referral_tag)).to_have_count(1)

    page.get_by_role("main").get_by_role("link", name="Amelia Okafor").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amelia Okafor")
    assert_accessible(page)
    expect(page.get_by_role("main")).to_contain_text(reference)
