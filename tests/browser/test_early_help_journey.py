"""Issue 14 in Chromium, axe on every page: a front-door decision of early help opens an
episode; the family's assessment, team around the family, plan and review; the lead
professional asks to step up; the contact reaches the front door queue with the early-help
history on the decision screen; one manager decides referral; the family's letter (page and
tagged PDF) says so. And the reverse: an assessment closed RC9 is one step-down decision that
opens early help with the social-care summary, and the family's letter."""

import datetime as dt
import io
import re
from collections.abc import Callable

import pikepdf
import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Locator, Page, expect

from frontdoor.casework.actions import authorise_assessment, open_cin_episode, start_assessment
from frontdoor.contacts.actions import create_person_for_subject
from frontdoor.earlyhelp.models import Episode, StepDecision
from frontdoor.lib.workdays import add_working_days
from frontdoor.test import make_contact, make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]


def _form(page: Page, button: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=button))


def _fill_date(scope: Locator | Page, legend: str, day: dt.date) -> None:
    group = scope.get_by_role("group", name=legend)
    for part, value in {"Day": day.day, "Month": day.month, "Year": day.year}.items():
        group.get_by_label(part).fill(str(value))


def _decide(page: Page, outcome: str, rationale: str, check: Check) -> None:
    triage = _form(page, "Save triage")
    triage.get_by_role("group", name="RAG rating").get_by_label("Amber").check()
    triage.get_by_role("group", name="Level of need").get_by_label("Level 2: Additional").check()
    triage.get_by_role("button", name="Save triage").click()
    decision = _form(page, "Send for authorisation")
    decision.get_by_label(outcome).check()
    decision.get_by_label("Rationale").fill(rationale)
    decision.get_by_label("What are we worried about?").fill("Amelia is often late to school.")
    decision.get_by_label("What is working well?").fill("Mum asks for help.")
    decision.get_by_label("What needs to happen?").fill("Help with routines.")
    decision.get_by_label("Scaling (0 to 10)").fill("6")
    decision.get_by_role("group", name="Were the child's views sought?").get_by_label(
        "Yes", exact=True
    ).check()
    decision.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_role("heading", name="Decision awaiting authorisation")).to_be_visible()
    check(page)


def _authorise(page: Page, reference: str, comment: str, check: Check) -> None:
    open_from_menu(page, "Authorise")
    check(page)
    page.get_by_role("link", name=reference).click()
    form = _form(page, "Record authorisation")
    form.get_by_label("I agree with this decision").check()
    form.get_by_label("Manager's comment").fill(comment)
    form.get_by_role("button", name="Record authorisation").click()
    expect(page.get_by_text("Authorisation recorded.")).to_be_visible()
    check(page)


def _work(page: Page, link: str, check: Check) -> None:
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(link)
    check(page)


def test_early_help_then_a_step_up_decided_by_one_manager_with_the_familys_letter(
    page: Page, sign_in: SignIn, sign_out: Callable, assert_accessible: Check
):
    for name in ("social_worker", "team_manager", "early_help"):
        make_persona(name)
    contact = make_contact()
    today = timezone.localdate()
    # The front door decides early help; the manager's authorisation opens the episode.
    sign_in(page, "social_worker")
    page.get_by_role("link", name=contact.reference).click()
    page.get_by_role("button", name="Create a new record for Amelia Okafor").click()
    _decide(page, "Early help", "Level 2 needs: routines and school.", assert_accessible)
    sign_out(page)
    sign_in(page, "team_manager")
    _authorise(page, contact.reference, "Agreed: early help.", assert_accessible)
    episode = Episode.objects.get()
    assert episode.contact_id == contact.pk
    page.get_by_role("link", name="Early help of Amelia Okafor").click()
    assert_accessible(page)
    _work(page, "Choose the lead professional", assert_accessible)
    page.get_by_label("Lead professional").select_option(label="Early Help Persona")
    page.get_by_role("button", name="Choose the lead professional").click()
    expect(page.get_by_text("Lead professional chosen.")).to_be_visible()
    sign_out(page)
    # The lead professional: assessment, team around the family, plan, review.
    sign_in(page, "early_help")
    open_from_menu(page, "Early help")
    assert_accessible(page)
    expect(page.get_by_role("heading", name="My families")).to_be_visible()
    page.get_by_role("link", name="Amelia Okafor").first.click()
    assert_accessible(page)
    _work(page, "Start the Family Strengths and Needs assessment", assert_accessible)
    _fill_date(page, "Date it started", today)
    page.get_by_role("button", name="Start the Family Strengths and Needs assessment").click()
    expect(page.get_by_text("Assessment started.")).to_be_visible()
    _work(page, "Complete the Family Strengths and Needs assessment", assert_accessible)
    page.get_by_role("button", name="Complete the Family Strengths and Needs assessment").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    _fill_date(page, "Date completed", today)
    page.get_by_role("group", name="Level of need").get_by_label("Level 2: Additional").check()
    page.get_by_role("group", name=re.compile("agreed to share")).get_by_label("Given").check()
    page.get_by_label("The family's strengths").fill("Mum and Amelia are close.")
    page.get_by_label("The family's needs").fill("Morning routines; school attendance.")
    page.get_by_label("The family's own words").fill("We want mornings to be calmer.")
    page.get_by_role("group", name="Where the family needs help").get_by_label(
        "Getting a good education"
    ).check()
    page.get_by_label("Amelia's voice, in Amelia's own words").fill(
        "I like school when I'm on time."
    )
    page.get_by_role("button", name="Complete the Family Strengths and Needs assessment").click()
    expect(page.get_by_text("Assessment completed.")).to_be_visible()
    assert_accessible(page)
    _work(page, "Record a team around the family meeting or review", assert_accessible)
    _fill_date(page, "Date of the meeting", today)
    page.get_by_role("group", name="Partner agencies that came").get_by_label("Education").check()
    page.get_by_role("group", name="Did the family come?").get_by_label("Yes").check()
    page.get_by_role("group", name="Did a child come?").get_by_label("No").check()
    page.get_by_label("What was agreed").fill("A plan for mornings and school.")
    page.get_by_role("button", name="Record a team around the family meeting or review").click()
    expect(page.get_by_text("Meeting recorded.")).to_be_visible()
    _work(page, "Add outcomes to the family plan", assert_accessible)
    _fill_date(page, "Date the plan was agreed", today)
    page.get_by_label("Outcome 1: heading").select_option(label="Getting a good education")
    page.get_by_label("Outcome 1: what will be different").fill("Amelia at school on time")
    page.get_by_label("Outcome 1: whose job it is").fill("Mum, with school")
    _fill_date(page, "Outcome 1: by when", today + dt.timedelta(weeks=12))
    page.get_by_role("button", name="Add outcomes to the family plan").click()
    expect(page.get_by_text("Family plan updated.")).to_be_visible()
    _work(page, "Record a team around the family meeting or review", assert_accessible)
    _fill_date(page, "Date of the meeting", today)
    page.get_by_role("group", name="Did the family come?").get_by_label("Yes").check()
    page.get_by_role("group", name="Did a child come?").get_by_label("Yes").check()
    page.get_by_label("What was agreed").fill("Mornings are harder: Mum's partner is back.")
    page.get_by_label(re.compile("Progress on")).fill("3")
    page.get_by_role("button", name="Record a team around the family meeting or review").click()
    expect(page.get_by_text("Meeting recorded.")).to_be_visible()
    assert_accessible(page)
    # The lead professional asks for social care with one form.
    _work(page, "Ask for children's social care (step up)", assert_accessible)
    page.get_by_label("Amelia Okafor").check()
    page.get_by_label("What are you worried about now?").fill(
        "Amelia says Mum's partner shouts and pushes Mum."
    )
    page.get_by_label("What has early help tried?").fill("Routines work and a parenting course.")
    page.get_by_role("button", name="Ask for children's social care (step up)").click()
    expect(page.get_by_text("Sent to the front door.")).to_be_visible()
    assert_accessible(page)
    step = StepDecision.objects.get(direction="up")
    sign_out(page)
    # The front door: the queue, the decision screen with the early-help history.
    sign_in(page, "social_worker")
    open_from_menu(page, "Contacts")
    page.get_by_role("link", name=step.contact.reference).click()
    expect(page.get_by_text("Step-up asked for by Early Help Persona")).to_be_visible()
    expect(page.get_by_text(re.compile("Early help since"))).to_be_visible()
    assert_accessible(page)
    _decide(page, "Referral to children's social care", "Domestic abuse: s17.", assert_accessible)
    sign_out(page)
    sign_in(page, "team_manager")
    _authorise(
        page,
        step.contact.reference,
        "Mum is not safe at home, so Amelia is not either. A social worker will help.",
        assert_accessible,
    )
    page.get_by_role("link", name="The family's letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A social worker will now work with your family"
    )
    expect(page.get_by_text("A social worker will help.")).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(
        page.get_by_role("link", name="Download the letter as a PDF").get_attribute("href")
    )
    assert pdf.headers["content-type"] == "application/pdf"
    document = pikepdf.open(io.BytesIO(pdf.body()))
    assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en-GB"


def test_an_assessment_closed_rc9_is_one_step_down_decision_with_the_familys_letter(
    page: Page, sign_in: SignIn, assert_accessible: Check
):
    worker, manager = make_persona("social_worker"), make_persona("team_manager")
    make_persona("early_help")
    today = timezone.localdate()
    referred = today - dt.timedelta(days=20)
    contact = make_contact(received_at=timezone.now() - dt.timedelta(days=20))
    person = create_person_for_subject(contact.child_subjects().get(), worker)
    cin = open_cin_episode(
        person, contact=contact, referral_date=referred, source="2A", user=worker
    )
    assessment = start_assessment(cin, start_date=referred, user=worker)
    authorise_assessment(
        assessment,
        authorised_on=min(today, add_working_days(referred, 5)),
        outcome="early_help",
        factors=["4B"],
        user=manager,
    )
    sign_in(page, "team_manager")
    page.goto(f"/casework/children/{person.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Close the episode").click()
    assert_accessible(page)
    _fill_date(page, "Date of closure", today)
    page.get_by_label("RC9: Closed after assessment, referred to early help").check()
    page.get_by_label("Why").fill(
        "Mum wants help with routines. A social worker is not needed now."
    )
    page.get_by_role("button", name="Close the episode").click()
    expect(page.get_by_text("Episode closed.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/people/{person.pk}/")
    page.get_by_role("link", name=re.compile("Early help from")).click()
    expect(page.get_by_role("heading", name="From children's social care")).to_be_visible()
    expect(page.get_by_text(re.compile("Mental health: parent or carer"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="The family's letter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your family will get early help")
    expect(page.get_by_text("A social worker is not needed now.")).to_be_visible()
    assert_accessible(page)
    step = StepDecision.objects.get(direction="down")
    assert step.decided_by == manager and step.cin_episode == cin
