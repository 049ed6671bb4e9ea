"""The dashboards of issue 16: every number links to exactly that many records (a meta-test
over every figure on every dashboard), charts sit beside tables, and the quality KPIs."""

import datetime as dt
import re
from typing import Any

import pytest

from frontdoor.audit.models import Event
from frontdoor.kpis import quality as kpi
from frontdoor.kpis.drilldown import FIGURES
from frontdoor.kpis.periods import Period
from frontdoor.mash.actions import answer_check
from frontdoor.mash.strategy_models import Attendance, StrategyDiscussion, StrategyInvitation
from frontdoor.mash.tests.conftest import MONDAY, enquiry, health, police, triaged_contact  # noqa: F401
from frontdoor.quality import actions as qa
from frontdoor.quality.codes import Answer, Method
from frontdoor.quality.models import AuditKind, Theme
from frontdoor.quality.tests.conftest import at, decided
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

MARCH = dt.date(2025, 3, 1)
PERIOD = Period(dt.date(2024, 4, 1), dt.date(2025, 3, 31))
QUERY = (
    "?date_from-day=1&date_from-month=4&date_from-year=2024"
    "&date_to-day=31&date_to-month=3&date_to-year=2025"
)


def _complete(audit: Any, auditor: Any, grade: str, day: dt.date, themes: Any = ()) -> Any:
    n = len(audit.kind.questions)
    views = (
        [(a, a.slug != "police", "Seen") for a in _agencies()] if audit.kind.is_multi_agency else []
    )
    return qa.complete_audit(
        auditor,
        audit,
        answers=[(Answer.YES, "On the record.")] * n,
        grade=grade,
        same_decision=grade != "inadequate",
        summary="Clear rationale.",
        themes=list(themes),
        agency_views=views,
        at=at(day, 15),
    )


def _agencies() -> list[Any]:
    from frontdoor.accounts.models import Agency

    return list(Agency.objects.filter(slug__in=["police", "health"]))


@pytest.fixture
def council(persona, enquiry, police, health):  # noqa: F811
    """A small council: contacts decided in March 2025, audits with grades, a moderation that
    agrees and one that does not, actions open and overdue, a multi-agency audit the police
    missed, MASH checks answered and a strategy discussion."""
    worker, manager = persona("social_worker"), persona("team_manager")
    auditor, lead = persona("qa_auditor"), persona("other_manager")
    contacts = [decided(worker, manager, MARCH + dt.timedelta(days=i)) for i in range(6)]
    decided(worker, manager, MARCH + dt.timedelta(days=8), "referral", late=True)
    kind = AuditKind.objects.get(slug="front-door-decision")
    multi = AuditKind.objects.get(slug="mash-multi-agency")
    plan = qa.set_programme(
        manager, month=MARCH, kind=kind, count=4, method=Method.RANDOM, auditors=[auditor]
    )
    sample = qa.draw_sample(manager, plan, seed=3, at=at(MARCH, 9))
    theme = Theme.objects.first()
    audits = list(sample.audits.order_by("pk"))
    for audit, grade in zip(
        audits, ["good", "good", "requires_improvement", "inadequate"], strict=True
    ):
        _complete(audit, auditor, grade, dt.date(2025, 3, 20), [theme])
    qa.moderate(lead, audits[0], grade="good", comment="Agree.", at=at(dt.date(2025, 3, 21)))
    qa.moderate(lead, audits[2], grade="good", comment="Better.", at=at(dt.date(2025, 3, 21)))
    qa.add_learning_action(
        auditor,
        audits[2],
        owner=worker,
        what="Seek the school's view.",
        due_date=dt.date(2025, 3, 25),
        at=at(dt.date(2025, 3, 21)),
    )
    mplan = qa.set_programme(
        manager, month=MARCH, kind=multi, count=1, method=Method.RANDOM, auditors=[auditor]
    )
    _complete(
        qa.draw_sample(manager, mplan, seed=4).audits.get(), auditor, "good", dt.date(2025, 3, 22)
    )
    check = enquiry.checks.get(agency=police)
    answer_check(
        check,
        answered_by=None,
        answered_by_name="PC Bell",
        known=True,
        what_is_known="Two call-outs.",
        at=MONDAY + dt.timedelta(hours=2),
    )
    discussion = StrategyDiscussion.objects.create(
        contact=enquiry.contact,
        convened_by=worker,
        convened_at=MONDAY,
        held_at=MONDAY + dt.timedelta(hours=3),
        status=StrategyDiscussion.Status.HELD,
    )
    StrategyInvitation.objects.create(
        discussion=discussion, agency=police, attendance=Attendance.DID_NOT_ATTEND
    )
    StrategyInvitation.objects.create(
        discussion=discussion, agency=health, attendance=Attendance.ATTENDED
    )
    return {"contacts": contacts, "audits": audits, "analyst": persona("analyst")}


def test_the_quality_kpis_on_a_small_council(council):
    assert kpi.audits_completed(PERIOD) == 5
    assert kpi.audits_good_or_better_rate(PERIOD) == 60.0
    assert kpi.moderation_pairs(PERIOD) == 2
    assert kpi.moderation_agreement_rate(PERIOD) == 50.0
    assert kpi.actions_open(PERIOD) == 1 and kpi.actions_overdue(PERIOD) == 1
    assert kpi.actions_overdue(Period(PERIOD.first, dt.date(2025, 3, 24))) == 0


FIGURE_LINK = re.compile(r'<a class="govuk-link fd-figure" href="([^"]+)">([\d,]+)</a>')
DASHBOARDS = ["kpis:quality", "kpis:front-door", "kpis:partnership", "kpis:england"]


def test_every_dashboard_number_links_to_exactly_that_many_records(council):
    from django.urls import reverse

    client = client_for(council["analyst"])
    seen: set[str] = set()
    checked = 0
    for name in DASHBOARDS:
        page = client.get(reverse(name) + QUERY)
        assert page.status_code == 200, name
        html = page.content.decode()
        for href, number in FIGURE_LINK.findall(html):
            href = href.replace("&amp;", "&")
            seen.add(href.split("/drill/")[1].split("?")[0])
            drilled = client.get(href)
            assert drilled.status_code == 200, href
            rows = drilled.content.decode().count('class="govuk-table__row fd-drill-row"')
            assert rows == int(number.replace(",", "")), href
            checked += 1
    assert seen == set(FIGURES)  # every figure is on a dashboard, so every one was checked
    assert checked > 50


def test_a_drill_down_logs_one_read_per_record_shown(council):
    client = client_for(council["analyst"])
    figure = FIGURES["audits-completed"]
    before = Event.objects.filter(action=Event.Action.VIEW).count()
    page = client.get(figure.href(PERIOD))
    assert page.content.decode().count("fd-drill-row") == 5
    assert Event.objects.filter(action=Event.Action.VIEW).count() - before == 5


def test_each_chart_has_a_table_of_the_same_figures_beside_it(council):
    from django.urls import reverse

    client = client_for(council["analyst"])
    html = client.get(reverse("kpis:quality") + QUERY).content.decode()
    assert html.count("<svg") == 1 and 'role="img"' in html and "<title" in html
    march = html.split("Mar 2025</th>")[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r">(\d+)</a>", march)] == [5, 0, 3, 1, 1]


def test_a_partner_may_not_open_a_drill_down(council, persona):
    client = client_for(persona("police_partner"))
    assert client.get(FIGURES["contacts"].href(PERIOD)).status_code == 404
