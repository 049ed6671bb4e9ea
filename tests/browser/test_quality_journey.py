"""Quality assurance in a real browser (issue 16), axe on every page: a manager sets a
monthly programme, a sample is drawn (no auditor gets their own decision), the audit is
completed with a grade, moderated with a different grade, the disagreement resolved, a
learning action appears on its owner's caseload and the quality dashboard shows the audit."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.lib.dates import add_months
from frontdoor.quality.models import Audit
from frontdoor.quality.tests.conftest import decided
from frontdoor.test import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_programme_sample_audit_moderation_learning_and_dashboard(
    page: Page,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[[Page, str], None],
    sign_out: Callable[[Page], None],
) -> None:
    worker, manager = make_persona("social_worker"), make_persona("team_manager")
    make_persona("qa_auditor")
    make_persona("other_manager")
    make_persona("analyst")
    month = add_months(timezone.localdate().replace(day=1), -1)
    for i in range(3):
        decided(worker, manager, month + dt.timedelta(days=2 + i))

    # The manager sets the month's programme and draws the sample.
    sign_in(page, "team_manager")
    open_from_menu(page, "Audits")
    assert_accessible(page)
    page.get_by_role("button", name="Set a monthly programme").click()
    assert_accessible(page)
    when = page.get_by_role("group", name="Month audited")
    when.get_by_label("Day").fill("1")
    when.get_by_label("Month").fill(str(month.month))
    when.get_by_label("Year").fill(str(month.year))
    page.get_by_label("Kind of audit").select_option(label="Front-door decision audit")
    page.get_by_label("How many audits this month").fill("2")
    page.get_by_role("group", name="How the sample is drawn").get_by_label(
        "Random within the month"
    ).check()
    auditors = page.get_by_role("group", name="Auditors")
    auditors.get_by_label("Qa Auditor Persona").check()
    auditors.get_by_label("Social Worker Persona").check()  # took part in every decision
    page.get_by_role("button", name="Set programme").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Front-door decision audit")
    assert_accessible(page)
    page.get_by_label("Seed (optional)").fill("2025")
    page.get_by_role("button", name="Draw sample").click()
    sample = page.get_by_role("table", name="seed 2025")
    expect(sample.get_by_role("row")).to_have_count(3)  # the header and two audits
    expect(sample).not_to_contain_text("Social Worker Persona")
    assert_accessible(page)
    assert set(Audit.objects.values_list("auditor__username", flat=True)) == {"qa_auditor"}
    audit = Audit.objects.order_by("pk").first()
    assert audit is not None
    reference = audit.contact.reference
    sign_out(page)

    # The QA auditor completes the audit with a grade.
    sign_in(page, "qa_auditor")
    open_from_menu(page, "Audits")
    assert_accessible(page)
    page.get_by_role("link", name=f"Audit contact {reference}").click()
    assert_accessible(page)
    for i, question in enumerate(audit.kind.questions):
        page.get_by_role("group", name=question).get_by_label("Yes", exact=True).check()
        page.locator(f"#evidence_{i}").fill("Recorded in the decision and the case notes.")
    page.get_by_role("group", name="Overall grade").get_by_label("Good", exact=True).check()
    page.get_by_role("group", name="Would you have made the same decision?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("What you found").fill("A clear, timely decision.")
    page.get_by_role("button", name="Complete audit").click()
    expect(page.locator("#judgement")).to_contain_text("Good")
    assert_accessible(page)
    sign_out(page)

    # A second manager moderates with a different grade and resolves the disagreement.
    sign_in(page, "other_manager")
    open_from_menu(page, "Audits")
    assert_accessible(page)
    page.get_by_role("link", name=f"Moderate the audit of contact {reference}").click()
    assert_accessible(page)
    page.get_by_role("group", name="Your grade").get_by_label("Requires improvement").check()
    page.get_by_label("Why you gave this grade").fill("The school's view was not sought.")
    page.get_by_role("button", name="Record moderation").click()
    expect(page.locator("#moderation")).to_contain_text("Grades differ")
    assert_accessible(page)
    page.get_by_role("group", name="Agreed grade").get_by_label("Requires improvement").check()
    page.get_by_label("How the disagreement was resolved").fill("Agreed at the QA panel.")
    page.get_by_role("button", name="Resolve disagreement").click()
    expect(page.locator("#moderation")).to_contain_text("Agreed at the QA panel.")
    expect(page.locator("#judgement")).to_contain_text("Good")  # the auditor's grade is kept
    assert_accessible(page)
    due = timezone.localdate() + dt.timedelta(days=14)
    page.get_by_label("Owner").select_option(label="Social Worker Persona")
    page.get_by_label("What needs to happen").fill("Ask the school for its view next time.")
    due_group = page.get_by_role("group", name="Due by")
    due_group.get_by_label("Day").fill(str(due.day))
    due_group.get_by_label("Month").fill(str(due.month))
    due_group.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("It is on its owner's caseload")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The action is on the social worker's caseload.
    sign_in(page, "social_worker")
    open_from_menu(page, "My caseload")
    actions = page.get_by_role("table", name="Actions from audits")
    expect(actions).to_contain_text("Ask the school for its view next time.")
    assert_accessible(page)
    sign_out(page)

    # The quality dashboard shows the audit, and its drill-down lists it.
    sign_in(page, "analyst")
    open_from_menu(page, "Dashboards")
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Quality", exact=True).click()
    summary = page.get_by_role("table", name="Audits, moderation and actions")
    expect(summary.get_by_role("row", name="Audits completed")).to_contain_text("1")
    expect(summary.get_by_role("row", name="Audits moderated (pairs)")).to_contain_text("1")
    assert_accessible(page)
    summary.get_by_role("row", name="Audits completed").get_by_role("link").click()
    expect(page.locator("#drill-count")).to_have_text("1 record.")
    expect(page.get_by_role("table")).to_contain_text(reference)
    assert_accessible(page)
