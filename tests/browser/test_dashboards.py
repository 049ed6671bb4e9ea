"""Every dashboard of issue 16 in a real browser, axe on each (their screenshots are the
ones in var/screenshots/test_each_dashboard_*): server-drawn SVG charts with their tables."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.lib.dates import add_months
from frontdoor.quality import actions as qa
from frontdoor.quality.codes import Answer, Method
from frontdoor.quality.models import AuditKind
from frontdoor.quality.tests.conftest import decided
from frontdoor.test import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _council() -> None:
    worker, manager = make_persona("social_worker"), make_persona("team_manager")
    auditor = make_persona("qa_auditor")
    first = add_months(timezone.localdate().replace(day=1), -3)
    for m in range(3):
        month = add_months(first, m)
        for i in range(4):
            decided(worker, manager, month + dt.timedelta(days=i + 1), late=i == 3)
        decided(worker, manager, month + dt.timedelta(days=9), "referral")
        kind = AuditKind.objects.get(slug="front-door-decision")
        plan = qa.set_programme(
            manager, month=month, kind=kind, count=3, method=Method.RANDOM, auditors=[auditor]
        )
        for n, audit in enumerate(qa.draw_sample(manager, plan, seed=m).audits.all()):
            qa.complete_audit(
                auditor,
                audit,
                answers=[(Answer.YES, "Seen on the record.")] * len(kind.questions),
                grade=["good", "requires_improvement", "outstanding"][n % 3],
                same_decision=True,
                summary="Sound.",
            )


def test_each_dashboard(
    page: Page,
    assert_accessible: Callable[[Page], None],
    sign_in: Callable[[Page, str], None],
    sign_out: Callable[[Page], None],
) -> None:
    _council()
    make_persona("analyst")
    make_persona("administrator")
    make_persona("police_partner")
    sign_in(page, "analyst")
    for path, heading, table in [
        ("", "Dashboards", None),
        ("front-door", "Front door by month", "Contacts, referrals, re-referrals"),
        ("quality", "Quality dashboard", "Audits planned and completed by month"),
        ("england", "Against England and statistical neighbours", "Year ending"),
        ("partnership", "Partnership dashboard", "Contacts (per child) by referral"),
        ("rules", "How well the alert rules work", None),
    ]:
        page.goto("/performance/dashboards/" + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        if table:
            expect(page.get_by_role("table", name=table)).to_be_visible()
        assert_accessible(page)
    page.goto("/performance/dashboards/front-door")
    page.get_by_role("table", name="Contacts, referrals").get_by_role("link").first.click()
    expect(page.locator("#drill-count")).to_be_visible()
    assert_accessible(page)
    sign_out(page)
    sign_in(page, "administrator")
    page.goto("/performance/dashboards/england/neighbours")
    page.get_by_label("Measure").select_option(label="Re-referral rate")
    page.get_by_label("Year ending 31 March").fill("2024")
    page.get_by_label("Neighbour council").fill("Somerset")
    page.get_by_label("Published figure").fill("19.8")
    page.get_by_role("button", name="Save figure").click()
    expect(page.get_by_role("table", name="Figures entered")).to_contain_text("Somerset")
    assert_accessible(page)
    sign_out(page)
    sign_in(page, "police_partner")
    page.goto("/performance/our-figures")
    month = page.get_by_role("group", name="Month")
    last = add_months(timezone.localdate().replace(day=1), -1)
    month.get_by_label("Day").fill("1")
    month.get_by_label("Month").fill(str(last.month))
    month.get_by_label("Year").fill(str(last.year))
    page.get_by_label("What the figure counts").fill("CSE crimes recorded")
    page.get_by_label("Figure", exact=True).fill("4")
    page.get_by_role("button", name="Save figure").click()
    expect(page.get_by_role("table", name="Figures entered")).to_contain_text("CSE crimes")
    assert_accessible(page)
