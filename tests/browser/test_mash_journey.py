"""Issue 3, end to end in Chromium: a social worker asks the police and health about a red
contact, each partner answers in the portal, the social worker sees both answers with their
provenance, records the information-sharing decision and the contact's decision, and a
manager authorises it. axe checks every page visited against WCAG 2.2 AA."""

import re
from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Locator, Page, expect

from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.contacts.models import Contact
from frontdoor.mash.defaults import DEFAULT_RISK_INDICATORS
from frontdoor.mash.models import (
    CheckAnswer,
    InformationSharingDecision,
    MashEnquiry,
    RiskIndicator,
)
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]
SignOut = Callable[[Page], None]


def _form_with_button(page: Page, button: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=button))


def _red_contact() -> Contact:
    """A triaged red contact whose child is in the person index (set up directly)."""
    for rank, (code, label) in enumerate(DEFAULT_RISK_INDICATORS):
        RiskIndicator.objects.get_or_create(code=code, defaults={"label": label, "rank": rank})
    worker = make_persona("social_worker")
    for name in ("team_manager", "police_partner", "health_partner"):
        make_persona(name)
    contact = make_contact()
    create_person_for_subject(contact.child_subjects().get(), worker)
    return triage_contact(contact, worker, rag="red", level_of_need=None, note="Bruises.")


def _open_enquiry(page: Page, contact: Contact, assert_accessible: Check) -> None:
    page.goto(f"/mash/contacts/{contact.pk}/enquiry")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open a MASH enquiry")
    assert_accessible(page)
    page.get_by_role("button", name="Send the checks").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Choose at least one agency to ask.")
    assert_accessible(page)
    agencies = page.get_by_role("group", name="Which agencies should check what they know?")
    agencies.get_by_label("Police", exact=True).check()
    page.get_by_label("Question for Police").fill("Any call-outs to the home or arrests?")
    agencies.get_by_label("Health", exact=True).check()
    page.get_by_label("Question for Health").fill("Is Amelia registered with a GP? Any A&E visits?")
    assert_accessible(page)  # with both questions revealed
    page.get_by_role("button", name="Send the checks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"MASH enquiry on {contact.reference}"
    )
    assert_accessible(page)


def _answer_as_partner(
    page: Page, contact: Contact, known: bool, system: str, assert_accessible: Check
) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text("Checks for")
    assert_accessible(page)
    page.get_by_role("link", name=f"Check on {contact.reference}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Check on {contact.reference}")
    assert_accessible(page)
    form = _form_with_button(page, "Send answer")
    form.get_by_role("group", name="Does your agency know the child or family?").get_by_label(
        "Yes" if known else "No", exact=True
    ).check()
    if known:
        form.get_by_label("What does your agency know?").fill(
            "Two call-outs for domestic incidents at the home in 2024."
        )
        form.get_by_label("Domestic abuse").check()
    form.get_by_label("Which system did you search?").fill(system)
    born = form.get_by_role("group", name="Date of the most recent record")
    for part, value in {"Day": "2", "Month": "11", "Year": "2024"}.items():
        born.get_by_label(part).fill(value)
    form.get_by_role("button", name="Send answer").click()
    expect(page.get_by_text("Your answer has been sent to the MASH.")).to_be_visible()
    assert_accessible(page)


def _see_answers_and_record_sharing(page: Page, contact: Contact, assert_accessible: Check) -> None:
    page.goto("/mash/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open MASH enquiries")
    assert_accessible(page)
    page.get_by_role("link", name=contact.reference).click()
    page.wait_for_url(re.compile(r"/mash/enquiries/\d+/$"))
    assert_accessible(page)
    answers = page.locator("#answers")
    police = answers.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Police"))
    expect(police).to_contain_text("Two call-outs for domestic incidents")
    expect(police).to_contain_text("Domestic abuse")
    expect(police).to_contain_text("Niche RMS")
    expect(police).to_contain_text("Police Partner")
    expect(police).to_contain_text("partner portal")
    expect(police).to_contain_text(re.compile(r"On time|Late"))
    health = answers.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Health"))
    expect(health).to_contain_text("Not known")
    expect(health).to_contain_text("EMIS Web")
    expect(health).to_contain_text("Health Partner")

    form = _form_with_button(page, "Record information-sharing decision")
    form.get_by_role("group", name="Decision").get_by_label(
        "Share the information", exact=True
    ).check()
    form.get_by_label("What information").fill("Police call-outs for domestic incidents.")
    form.get_by_label("With whom").fill("Hillside Primary designated safeguarding lead")
    form.get_by_label("Purpose, or reason for not sharing").fill("So school can support Amelia.")
    form.get_by_role("group", name="Lawful basis").get_by_label(
        "Public task, with special category data"
    ).check()
    form.get_by_role("group", name="Consent").get_by_label("Not sought").check()
    form.get_by_label("Why consent was not sought").fill("Asking could put Amelia at risk.")
    form.get_by_role("button", name="Record information-sharing decision").click()
    expect(page.get_by_text("Information-sharing decision recorded.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change the RAG rating").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("RAG rating")
    assert_accessible(page)
    page.go_back()


def _record_decision(page: Page, assert_accessible: Check) -> None:
    page.get_by_role("link", name="Record the decision").click()
    page.wait_for_url(re.compile(r"/contacts/\d+/#decision$"))
    assert_accessible(page)
    decision = _form_with_button(page, "Send for authorisation")
    decision.get_by_label("Referral to children's social care").check()
    decision.get_by_label("Rationale").fill(
        "Police know of domestic abuse at the home: the threshold for section 47 is met."
    )
    decision.get_by_label("What are we worried about?").fill("Bruises and domestic abuse.")
    decision.get_by_label("What is working well?").fill("Amelia attends school every day.")
    decision.get_by_label("What needs to happen?").fill("A strategy discussion.")
    decision.get_by_label("Scaling (0 to 10)").fill("2")
    decision.get_by_role("group", name="Were the child's views sought?").get_by_label(
        "No", exact=True
    ).check()
    decision.get_by_label("The child's views, or why they were not sought").fill(
        "Not yet: she will be seen at school today."
    )
    decision.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_role("heading", name="Decision awaiting authorisation")).to_be_visible()
    assert_accessible(page)


def _authorise(page: Page, contact: Contact, assert_accessible: Check) -> None:
    open_from_menu(page, "Authorise")
    page.wait_for_url(re.compile(r"/contacts/authorisations$"))
    assert_accessible(page)
    page.get_by_role("link", name=contact.reference).click()
    page.wait_for_url(re.compile(r"/contacts/\d+"))
    assert_accessible(page)
    form = _form_with_button(page, "Record authorisation")
    form.get_by_label("I agree with this decision").check()
    form.get_by_role("button", name="Record authorisation").click()
    expect(page.get_by_text("Authorisation recorded.")).to_be_visible()
    assert_accessible(page)


def test_a_red_contact_is_checked_by_police_and_health_and_the_decision_authorised(
    page: Page, assert_accessible: Check, sign_in: SignIn, sign_out: SignOut
) -> None:
    contact = _red_contact()

    sign_in(page, "social_worker")
    _open_enquiry(page, contact, assert_accessible)
    enquiry = MashEnquiry.objects.get(contact=contact)
    assert sorted(enquiry.checks.values_list("agency__slug", flat=True)) == ["health", "police"]
    sign_out(page)

    sign_in(page, "police_partner")
    _answer_as_partner(page, contact, True, "Niche RMS", assert_accessible)
    sign_out(page)
    sign_in(page, "health_partner")
    _answer_as_partner(page, contact, False, "EMIS Web", assert_accessible)
    sign_out(page)
    answers = CheckAnswer.objects.filter(check_request__enquiry=enquiry)
    assert sorted(answers.values_list("via", flat=True)) == ["portal", "portal"]

    sign_in(page, "social_worker")
    _see_answers_and_record_sharing(page, contact, assert_accessible)
    assert InformationSharingDecision.objects.get(enquiry=enquiry).consent_status == "not_sought"
    _record_decision(page, assert_accessible)
    sign_out(page)

    sign_in(page, "team_manager")
    _authorise(page, contact, assert_accessible)
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED and contact.outcome == "referral"
