"""The performance page with its per-agency MASH table, checked by axe (WCAG 2.2 AA)."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import Agency
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.mash.actions import answer_check, open_mash_enquiry
from frontdoor.test import make_contact, make_persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_analyst_reads_each_agencys_mash_checks(
    page: Page, assert_accessible: Callable[[Page], None], sign_in: Callable[[Page, str], None]
) -> None:
    worker = make_persona("social_worker")
    make_persona("analyst")
    asked_at = timezone.now() - dt.timedelta(days=3)
    contact = make_contact(received_at=asked_at - dt.timedelta(hours=1))
    create_person_for_subject(contact.child_subjects().get(), worker)
    triage_contact(contact, worker, rag="amber", level_of_need=None, at=asked_at)
    police, health = Agency.objects.get(slug="police"), Agency.objects.get(slug="health")
    enquiry = open_mash_enquiry(
        contact, worker, [(police, "Known to police?"), (health, "Known to health?")], at=asked_at
    )
    check = enquiry.checks.get(agency=police)
    answer_check(check, answered_by=None, answered_by_name="PC Test", known=False, at=asked_at)
    sign_in(page, "analyst")
    page.goto("/performance/")
    expect(page.get_by_role("heading", name="MASH checks by agency")).to_be_visible()
    table = page.get_by_role("table", name="Multi-agency checks")
    expect(table.get_by_role("row", name="Police")).to_contain_text("100.0%")
    expect(table.get_by_role("row", name="Health")).to_contain_text("Not applicable")
    assert_accessible(page)
