"""Per-agency MASH measures (issue 3 item 8) over hand-built enquiries with exact answers.

Amber checks asked on Monday 10 March 2025 are due at close of business on Tuesday 11 March
(17:00). Police answer both of theirs on time after 2 and 4 hours; health answers one late
(after 48 hours) and one on time (after 6 hours); education never answers.
"""

import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from frontdoor.accounts.models import Agency
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.contacts.models import Contact
from frontdoor.kpis import mash as kpi
from frontdoor.kpis.periods import Period
from frontdoor.kpis.registry import agency_rows, measure_all
from frontdoor.mash.actions import answer_check, open_mash_enquiry
from frontdoor.mash.models import AgencyCheck, MashEnquiry
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY = dt.datetime(2025, 3, 10, 10, 0, tzinfo=LONDON)
MARCH = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


def agency(slug: str) -> Agency:
    return Agency.objects.get(slug=slug)


def enquiry_at(worker, asked_at: dt.datetime, slugs: list[str]) -> MashEnquiry:
    contact = make_contact(received_at=asked_at - dt.timedelta(minutes=30))
    create_person_for_subject(contact.child_subjects().get(), worker)
    triage_contact(contact, worker, rag="amber", level_of_need=None, at=asked_at)
    checks = [(agency(slug), "What do you know about the family?") for slug in slugs]
    return open_mash_enquiry(contact, worker, checks, at=asked_at)


def answer(enquiry: MashEnquiry, slug: str, hours: float) -> None:
    check = enquiry.checks.get(agency__slug=slug)
    answer_check(
        check,
        answered_by=None,
        answered_by_name=f"{slug} officer",
        known=False,
        at=check.requested_at + dt.timedelta(hours=hours),
    )


@pytest.fixture
def checks(persona) -> tuple[MashEnquiry, MashEnquiry]:
    worker = persona("social_worker")
    first = enquiry_at(worker, MONDAY, ["police", "health", "education"])
    second = enquiry_at(worker, MONDAY + dt.timedelta(hours=1), ["police", "health"])
    answer(first, "police", 2)  # on time
    answer(first, "health", 48)  # Wednesday 10:00: late
    answer(second, "police", 4)  # on time
    answer(second, "health", 6)  # Monday 17:00: on time
    return first, second  # education never answers


def test_checks_due_on_tuesday_evening(checks):
    assert {c.due_at for c in AgencyCheck.objects.all()} == {
        dt.datetime(2025, 3, 11, 17, 0, tzinfo=LONDON)
    }


def test_checks_asked_and_answered_are_counted_per_agency(checks):
    assert kpi.checks_requested_by_agency(MARCH) == {"education": 1, "health": 2, "police": 2}
    assert kpi.checks_answered_by_agency(MARCH) == {"education": 0, "health": 2, "police": 2}
    assert kpi.checks_answered_within_deadline_by_agency(MARCH) == {
        "education": 0,
        "health": 1,
        "police": 2,
    }


def test_within_deadline_rate_is_on_time_answers_over_answers_per_agency(checks):
    assert kpi.checks_within_deadline_rate_by_agency(MARCH) == {
        "education": None,
        "health": 50.0,
        "police": 100.0,
    }


def test_median_hours_to_answer_takes_the_mean_of_the_two_middle_answers(checks):
    assert kpi.median_hours_to_answer_by_agency(MARCH) == {
        "education": None,
        "health": 27.0,
        "police": 3.0,
    }


def test_a_median_of_an_odd_count_is_the_middle_answer(persona, checks):
    third = enquiry_at(persona("social_worker"), MONDAY + dt.timedelta(hours=2), ["police"])
    answer(third, "police", 30.25)  # late: 30.25 hours
    assert kpi.median_hours_to_answer_by_agency(MARCH)["police"] == 4.0
    assert kpi.checks_within_deadline_rate_by_agency(MARCH)["police"] == 66.7


def test_an_unanswered_check_past_due_is_overdue_at_period_end(checks):
    assert kpi.checks_overdue_at_period_end_by_agency(MARCH) == {
        "education": 1,
        "health": 0,
        "police": 0,
    }


def test_a_check_answered_after_the_period_is_overdue_at_its_end_and_not_yet_answered(checks):
    to_tuesday = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 11))
    # Due Tuesday 17:00; health answered the first enquiry on Wednesday.
    assert kpi.checks_overdue_at_period_end_by_agency(to_tuesday) == {
        "education": 1,
        "health": 1,
        "police": 0,
    }
    assert kpi.checks_answered_by_agency(to_tuesday)["health"] == 1
    assert kpi.checks_within_deadline_rate_by_agency(to_tuesday)["health"] == 100.0


def test_a_check_is_not_overdue_once_its_contact_is_decided(checks):
    first, _ = checks
    Contact.objects.filter(pk=first.contact_id).update(
        status=Contact.Status.DECIDED, decided_at=MONDAY + dt.timedelta(days=3)
    )
    assert kpi.checks_overdue_at_period_end_by_agency(MARCH)["education"] == 0


def test_a_check_closed_unanswered_by_the_decision_counts_as_decided_without_an_answer(checks):
    first, _ = checks
    first.checks.filter(agency__slug="education").update(status=AgencyCheck.Status.CLOSED)
    Contact.objects.filter(pk=first.contact_id).update(
        status=Contact.Status.DECIDED, decided_at=MONDAY + dt.timedelta(days=3)
    )
    assert kpi.checks_closed_unanswered_by_agency(MARCH) == {
        "education": 1,
        "health": 0,
        "police": 0,
    }
    april = Period(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert kpi.checks_closed_unanswered_by_agency(april) == {}


def test_a_period_without_checks_has_no_agencies():
    april = Period(dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert kpi.checks_within_deadline_rate_by_agency(april) == {}
    assert agency_rows(measure_all(april)) == []


def test_kpis_json_and_table_show_the_per_agency_measures(checks):
    out = io.StringIO()
    call_command("kpis", "--from=2025-03-01", "--to=2025-03-31", "--format=json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["checks_within_deadline_rate_by_agency"] == {
        "education": None,
        "health": 50.0,
        "police": 100.0,
    }
    assert figures["median_hours_to_answer_by_agency"]["police"] == 3.0
    out = io.StringIO()
    call_command("kpis", "--from=2025-03-01", "--to=2025-03-31", stdout=out)
    lines = out.getvalue().splitlines()
    assert "MASH checks by agency" in lines
    health = next(line for line in lines if line.strip().startswith("Health"))
    assert health.split() == ["Health", "2", "2", "1", "50.0%", "27.0", "hours", "0", "0"]


def test_the_performance_page_shows_a_row_per_agency(persona, checks):
    query = {
        "date_from-day": "1",
        "date_from-month": "3",
        "date_from-year": "2025",
        "date_to-day": "31",
        "date_to-month": "3",
        "date_to-year": "2025",
    }
    page = client_for(persona("analyst")).get(reverse("kpis:dashboard"), query)
    html = page.content.decode()
    assert "MASH checks by agency" in html
    for label in ["Police", "Health", "Education", "Within deadline", "Median time to answer"]:
        assert label in html
    assert "50.0%" in html and "27.0 hours" in html and "3.0 hours" in html
