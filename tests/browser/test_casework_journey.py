"""Issue 5 in Chromium: a referral is decided and authorised, allocated, assessed with a Signs
of Safety map; a strategy discussion (through the MASH pages) starts a section 47 enquiry; the
ICPC decides on a child protection plan, which is reviewed; the worker's caseload shows the
next clock. axe checks every page visited against WCAG 2.2 AA."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Locator, Page, expect

from frontdoor.casework.caseload import caseload_clocks
from frontdoor.casework.models import CINEpisode, CPPlan, S47Enquiry, SafetyMap
from frontdoor.contacts.actions import link_subject, triage_contact
from frontdoor.lib.workdays import is_working_day
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

Check = Callable[[Page], None]
SignIn = Callable[[Page, str], None]


def _form(page: Page, button: str) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name=button))


def _fill_date(scope: Locator | Page, legend: str, day: dt.date) -> None:
    group = scope.get_by_role("group", name=legend)
    for part, value in {"Day": day.day, "Month": day.month, "Year": day.year}.items():
        group.get_by_label(part).fill(str(value))


def _working_day_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _refer(page: Page, reference: str, check: Check, sign_in: SignIn, sign_out: Callable) -> None:
    """The front door: a social worker decides on a referral, a manager authorises it."""
    sign_in(page, "social_worker")
    page.get_by_role("link", name=reference).click()
    page.get_by_role("button", name="Create a new record for Amelia Okafor").click()
    expect(page.get_by_text("Linked to")).to_be_visible()
    triage = _form(page, "Save triage")
    triage.get_by_role("group", name="RAG rating").get_by_label("Amber").check()
    triage.get_by_role("group", name="Level of need").get_by_label("Level 4: Acute").check()
    triage.get_by_role("button", name="Save triage").click()
    decision = _form(page, "Send for authorisation")
    decision.get_by_label("Referral to children's social care").check()
    decision.get_by_label("Rationale").fill("Bruising and hunger: the s17 threshold is met.")
    decision.get_by_label("What are we worried about?").fill("Unexplained bruises.")
    decision.get_by_label("What is working well?").fill("Amelia attends school every day.")
    decision.get_by_label("What needs to happen?").fill("A single assessment.")
    decision.get_by_label("Scaling (0 to 10)").fill("3")
    decision.get_by_role("group", name="Were the child's views sought?").get_by_label(
        "Yes", exact=True
    ).check()
    decision.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_role("heading", name="Decision awaiting authorisation")).to_be_visible()
    check(page)
    sign_out(page)
    sign_in(page, "team_manager")
    open_from_menu(page, "Authorise")
    page.get_by_role("link", name=reference).click()
    form = _form(page, "Record authorisation")
    form.get_by_label("I agree with this decision").check()
    form.get_by_role("button", name="Record authorisation").click()
    expect(page.get_by_text("Authorisation recorded.")).to_be_visible()
    check(page)


def _open_casework(page: Page, check: Check) -> None:
    page.get_by_role("link", name="Casework for Amelia Okafor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casework")
    check(page)


def _step(page: Page, link: str, check: Check) -> None:
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(link)
    check(page)


def _allocate(page: Page, check: Check) -> None:
    page.get_by_role("link", name="Amelia Okafor").first.click()
    _open_casework(page, check)
    _step(page, "Allocate the episode", check)
    page.get_by_label("Team", exact=True).select_option(label="Front Door")
    page.get_by_label("Allocated social worker").select_option(
        label="Social Worker Persona (Front Door)"
    )
    page.get_by_role("button", name="Allocate the episode").click()
    expect(page.get_by_text("Episode allocated.")).to_be_visible()
    check(page)


def _assess(page: Page, start: dt.date, check: Check) -> None:
    _step(page, "Start a single assessment", check)
    _fill_date(page, "Date the assessment started", start - dt.timedelta(days=1))
    page.get_by_role("button", name="Start a single assessment").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "must be on or after the date the episode started"
    )
    check(page)
    _fill_date(page, "Date the assessment started", start)
    page.get_by_role("button", name="Start a single assessment").click()
    expect(page.get_by_text("Assessment started.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Assessment (45 working days from referral)")
    check(page)
    _step(page, "Record that the child was seen", check)
    _fill_date(page, "Date the child was seen", start)
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    page.get_by_role("button", name="Record that the child was seen").click()
    expect(page.get_by_text("Child seen recorded.")).to_be_visible()
    check(page)
    _step(page, "Record the factors identified at assessment", check)
    factors = page.get_by_role("group", name="Factors identified at assessment")
    factors.get_by_label("3B: Domestic abuse: parent or carer").check()
    factors.get_by_label("16A: Neglect").check()
    page.get_by_role("button", name="Record the factors identified at assessment").click()
    expect(page.get_by_text("Factors recorded.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Factors: 3B, 16A.")
    check(page)


def _map(page: Page, on: dt.date, scores: dict[str, str], check: Check) -> None:
    page.get_by_role("link", name="Record a Signs of Safety map").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a Signs of Safety map")
    check(page)
    page.get_by_role("button", name="Record the map").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Record the child's own words.")
    check(page)
    _fill_date(page, "Date of the map", on)
    page.get_by_label("Harm statement").fill("Bruises on both arms, seen at school.")
    page.get_by_label("Danger statements").fill("School is worried Amelia will be hurt again.")
    page.get_by_label("What is working well").fill("Nana visits every day.")
    page.get_by_label("Safety goals").fill("Amelia is safe at home for six months.")
    page.get_by_label("Next steps").fill("Family network meeting.")
    page.get_by_label("The child's own words").fill("I feel safe at Nana's house.")
    for label, value in scores.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Record the map").click()
    expect(page.get_by_text("Signs of Safety map recorded.")).to_be_visible()
    expect(page.locator(".govuk-inset-text")).to_contain_text("I feel safe at Nana's house.")
    check(page)


def _strategy_discussion(page: Page, contact_id: int, held_on: dt.date, check: Check) -> None:
    page.goto(f"/contacts/{contact_id}/")
    check(page)
    page.get_by_role("link", name="Convene a strategy discussion").click()
    _fill_date(page, "Date of the discussion", held_on)
    page.get_by_label("Time of the discussion").fill("10:00")
    page.get_by_label("Chair (if known)").fill("Tess Manager")
    page.get_by_role("button", name="Convene the strategy discussion").click()
    expect(page.get_by_text("Strategy discussion convened.")).to_be_visible()
    check(page)
    form = _form(page, "Record the strategy discussion")
    for party, name in (
        ("Children's social care", "Sam Social Worker"),
        ("Health", "Nurse Jones"),
        ("Police", "DC Patel"),
    ):
        form.get_by_role("group", name=f"Did {party} attend?").get_by_label(
            "Attended", exact=True
        ).check()
        form.get_by_label(f"Name of who attended for {party}").fill(name)
    form.get_by_label("Information shared").fill("Police: two domestic incidents at the home.")
    form.get_by_role("group", name="Outcome").get_by_label("Section 47 enquiry", exact=True).check()
    form.get_by_label("Rationale for the outcome").fill("Reasonable cause to suspect harm.")
    form.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_text("Strategy discussion recorded.")).to_be_visible()
    expect(page.locator("#s47s")).to_contain_text("started")
    check(page)


def _protect(page: Page, icpc: dt.date, review: dt.date, check: Check) -> None:
    _step(page, "Record the outcome of the section 47 enquiry", check)
    _fill_date(page, "Date the enquiry ended", icpc)
    page.get_by_role("group", name="Were the concerns substantiated?").get_by_label("Yes").check()
    page.get_by_role(
        "group", name="Is an initial child protection conference needed?"
    ).get_by_label("Yes").check()
    page.get_by_role("button", name="Record the outcome of the section 47 enquiry").click()
    expect(page.get_by_text("Section 47 outcome recorded.")).to_be_visible()
    check(page)
    _step(page, "Record the initial child protection conference", check)
    _fill_date(page, "Date of the conference", icpc)
    page.get_by_role(
        "group", name="Did the conference decide on a child protection plan?"
    ).get_by_label("Yes").check()
    page.get_by_role("button", name="Record the initial child protection conference").click()
    expect(page.get_by_text("Initial conference recorded.")).to_be_visible()
    check(page)
    _step(page, "Start a child protection plan", check)
    _fill_date(page, "Date the plan started (the date of the conference that decided it)", icpc)
    page.get_by_role("group", name="Initial category of abuse").get_by_label("Neglect").check()
    page.get_by_role("button", name="Start a child protection plan").click()
    expect(page.get_by_text("Child protection plan started.")).to_be_visible()
    check(page)
    _step(page, "Record a child protection review conference", check)
    _fill_date(page, "Date of the review conference", review)
    page.get_by_role("group", name="Does the child protection plan continue?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Record a child protection review conference").click()
    expect(page.get_by_text("Review conference recorded.")).to_be_visible()
    check(page)


def test_a_referral_goes_through_assessment_s47_icpc_and_a_cp_plan_to_the_caseload(
    page: Page, assert_accessible: Check, sign_in: SignIn, sign_out: Callable[[Page], None]
) -> None:
    worker = make_persona("social_worker")
    make_persona("team_manager")
    today = timezone.localdate()
    referral = make_contact(received_at=timezone.now() - dt.timedelta(days=40))
    received = referral.received_date  # the working day of receipt

    _refer(page, referral.reference, assert_accessible, sign_in, sign_out)
    _allocate(page, assert_accessible)
    episode = CINEpisode.objects.get(person__given_name="Amelia")
    assert episode.referral_date == received and episode.allocated_worker == worker
    sign_out(page)

    sign_in(page, "social_worker")
    page.goto(f"/people/{episode.person_id}/")
    _open_casework(page, assert_accessible)
    _assess(page, received, assert_accessible)
    _map(
        page,
        received + dt.timedelta(days=2),
        {"Social worker's score (0 to 10)": "3", "Family's score (0 to 10)": "6"},
        assert_accessible,
    )

    # New worries about the open case: a red contact, and a strategy discussion on it.
    held_on = today - dt.timedelta(days=20)
    worry = make_contact(received_at=timezone.now() - dt.timedelta(days=21))
    link_subject(worry.child_subjects().get(), episode.person, worker)
    triage_contact(worry, worker, rag="red", level_of_need=None, note="New bruising.")
    _strategy_discussion(page, worry.pk, held_on, assert_accessible)
    enquiry = S47Enquiry.objects.get(person=episode.person)
    assert enquiry.episode == episode and enquiry.start_date == held_on

    page.goto(f"/casework/children/{episode.person_id}/")
    assert_accessible(page)
    icpc = _working_day_on_or_after(today - dt.timedelta(days=10))
    _protect(page, icpc, today, assert_accessible)
    plan = CPPlan.objects.get(episode=episode)
    assert plan.start_date == icpc and plan.reviews.get().held_on == today

    # A second map at the review conference makes a trend of the scores.
    _map(
        page,
        today,
        {"Social worker's score (0 to 10)": "5", "Police score (0 to 10)": "4"},
        assert_accessible,
    )
    assert SafetyMap.objects.filter(episode=episode).count() == 2
    page.get_by_role("link", name="Record new scaling scores on this map").click()
    assert_accessible(page)
    _fill_date(page, "Date of the scores", today)
    page.get_by_label("Family's score (0 to 10)").fill("7")
    page.get_by_role("button", name="Record the scores").click()
    expect(page.get_by_text("Scaling scores recorded.")).to_be_visible()
    assert_accessible(page)
    trend = page.locator("#scaling-trend")
    expect(trend).to_contain_text("Police")
    expect(trend.get_by_role("row")).to_have_count(3)
    expect(trend.get_by_role("row").last).to_contain_text("7")

    open_from_menu(page, "My caseload")
    expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
    assert_accessible(page)
    upcoming = caseload_clocks([episode])[0]
    first = page.locator("#clocks tbody tr").first
    expect(first).to_contain_text(upcoming.what)
    expect(first).to_contain_text(f"{upcoming.due.day} {upcoming.due:%B %Y}")
    expect(first).to_contain_text("Amelia Okafor")

    # The looked-after forms pass axe too, with their errors showing.
    page.goto(f"/casework/episodes/{episode.pk}/start-looked-after")
    assert_accessible(page)
    page.get_by_role("button").last.click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the placement type.")
    assert_accessible(page)
