import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape

from frontdoor.kpis.registry import KPIS
from frontdoor.test import client_for, make_contact

pytestmark = pytest.mark.django_db


def test_analyst_sees_each_kpi_with_its_definition_for_the_last_12_months(persona):
    make_contact()
    page = client_for(persona("analyst")).get(reverse("kpis:dashboard"))
    assert page.status_code == 200
    html = page.content.decode()
    for kpi in KPIS:
        assert kpi.label in html
        assert str(escape(kpi.definition)) in html
    today = timezone.localdate()
    assert f"{today.day} {today:%B %Y}" in html
    assert "Month by month" in html


def test_analyst_chooses_a_period(persona):
    make_contact(received_at=timezone.make_aware(dt.datetime(2022, 5, 3, 10)))
    query = {
        "date_from-day": "1",
        "date_from-month": "4",
        "date_from-year": "2022",
        "date_to-day": "31",
        "date_to-month": "3",
        "date_to-year": "2023",
    }
    html = client_for(persona("analyst")).get(reverse("kpis:dashboard"), query).content.decode()
    assert "1 April 2022 to 31 March 2023" in html
    assert "May 2022" in html and "March 2023" in html and "April 2023" not in html


def test_a_period_that_ends_before_it_starts_is_explained(persona):
    query = {
        "date_from-day": "1",
        "date_from-month": "4",
        "date_from-year": "2023",
        "date_to-day": "31",
        "date_to-month": "3",
        "date_to-year": "2023",
    }
    html = client_for(persona("analyst")).get(reverse("kpis:dashboard"), query).content.decode()
    assert "There is a problem" in html
    assert "The last day must be the same as or after the first day." in html
    assert "Month by month" not in html  # no figures for some other period under the errors


def test_a_part_written_date_says_what_is_missing_in_plain_words(persona):
    query = {"date_from-day": "1", "date_from-month": "", "date_from-year": ""}
    html = client_for(persona("analyst")).get(reverse("kpis:dashboard"), query).content.decode()
    assert "Enter a full date: day, month and year." in html
    assert "Enter the last day." in html
    assert "Enter a complete value" not in html
    assert "Month by month" not in html


def test_social_worker_cannot_see_the_dashboard(persona):
    page = client_for(persona("social_worker")).get(reverse("kpis:dashboard"))
    assert page.status_code == 404
