"""The retention review: an information governance officer places a legal hold and approves a
destruction; an administrator edits a retention rule in settings. Axe checks every page."""

from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.records.models import DestructionApproval, LegalHold, RetentionRule
from frontdoor.records.tests.council import build
from frontdoor.test import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_hold_and_an_approval_from_the_retention_review(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    council = build(make_persona("social_worker"))
    make_persona("information_governance")
    sign_in(page, "information_governance")
    open_from_menu(page, "Retention")
    expect(
        page.get_by_role("cell", name=f"Zebedee Quillfeather ({council.due.pk})")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=f"Place a legal hold on record {council.held.pk}").click()
    assert_accessible(page)
    page.get_by_role("button", name="Place the hold").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why must the record be kept?").fill("Independent inquiry into Weston homes")
    page.get_by_role("button", name="Place the hold").click()
    expect(page.get_by_text("Legal hold placed")).to_be_visible()
    assert_accessible(page)
    assert LegalHold.objects.get().person_id == council.held.pk
    page.get_by_role("button", name=f"Approve destruction of record {council.due.pk}").click()
    expect(page.get_by_text("Destruction approved")).to_be_visible()
    assert_accessible(page)
    assert DestructionApproval.objects.get().person_id == council.due.pk
    page.get_by_role("link", name="Place a legal hold on any record").click()
    assert_accessible(page)
    page.get_by_label("Record number").fill(str(council.young.pk))
    page.get_by_label("Why must the record be kept?").fill("Civil claim against the council")
    page.get_by_role("button", name="Place the hold").click()
    expect(page.get_by_text("Civil claim against the council")).to_be_visible()
    page.get_by_role("link", name=f"Lift the hold on record {council.held.pk}").click()
    assert_accessible(page)
    page.get_by_label("Why can the hold be lifted?").fill("The inquiry has reported.")
    page.get_by_role("button", name="Lift the hold").click()
    expect(page.get_by_text("Legal hold lifted")).to_be_visible()
    assert_accessible(page)
    assert list(
        LegalHold.objects.filter(lifted_at__isnull=True).values_list("person_id", flat=True)
    ) == [council.young.pk]


def test_an_administrator_changes_a_retention_rule(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    make_persona("administrator")
    sign_in(page, "administrator")
    page.goto("/settings/")
    page.get_by_role("link", name="Child protection").click()
    assert_accessible(page)
    page.get_by_label("Years kept").fill("40")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Retention rule saved")).to_be_visible()
    assert_accessible(page)
    assert RetentionRule.objects.get(code="child-protection").years == 40
