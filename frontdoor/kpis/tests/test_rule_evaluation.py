"""The rule-evaluation page on a hand-built small council (issue 16)."""

import datetime as dt

import pytest
from django.urls import reverse

from frontdoor.kpis.periods import Period
from frontdoor.kpis.rule_evaluation import evaluate
from frontdoor.quality.tests.conftest import decided
from frontdoor.test import client_for

pytestmark = pytest.mark.django_db
YEAR = Period(dt.date(2023, 4, 1), dt.date(2024, 3, 31))
D = dt.date


@pytest.fixture
def council(persona):
    """Amelia: three contacts that did not progress, flagged at the fourth (August), then
    referred in October (a hit). Ben: four that did not progress, flagged, never referred (a
    false alarm). Cara: referred in November with no earlier contact (missed). Dan: one
    contact, neither flagged nor referred."""
    worker, manager = persona("social_worker"), persona("team_manager")

    def child(days, then=None):
        first = decided(worker, manager, days[0])
        person = first.child_subjects().get().person
        for day in days[1:]:
            decided(worker, manager, day, person=person)
        if then:
            decided(worker, manager, then, "referral", person=person)
        return person

    child([D(2023, 5, 2), D(2023, 6, 6), D(2023, 7, 4), D(2023, 8, 1)], then=D(2023, 10, 3))
    child([D(2023, 5, 9), D(2023, 6, 13), D(2023, 7, 11), D(2023, 8, 8)])
    decided(worker, manager, D(2023, 11, 7), "referral")
    decided(worker, manager, D(2023, 9, 5))
    return client_for(persona("analyst"))


def test_precision_and_recall_by_hand(council):
    result = evaluate(YEAR, D(2025, 1, 1))
    assert (result.flagged, result.referred, result.children_with_contacts) == (2, 2, 4)
    assert (result.precision.hits, result.precision.total) == (1, 2)
    assert (result.recall.hits, result.recall.total) == (1, 2)
    assert result.precision.value == 50.0
    low, high = result.precision.interval
    assert low == 9.5 and high == 90.5  # Wilson 95% interval for 1 of 2
    sex = dict((t, g) for t, g in result.groups)["Sex"]
    assert [(name, p.total, r.total) for name, p, r in sex] == [("Female", 2, 2)]


def test_the_page_says_what_it_does_not_show_and_scores_no_child(council):
    query = (
        "?rule=cumulative-concern&date_from-day=1&date_from-month=4&date_from-year=2023"
        "&date_to-day=31&date_to-month=3&date_to-year=2024"
    )
    html = council.get(reverse("kpis:rules") + query).content.decode()
    assert "50.0% (1 of 2; 95% interval 9.5% to 90.5%)" in html
    assert "What this page does not show" in html and "No score is given to any child" in html
    assert "Okafor" not in html  # no child is named


def test_repeat_missing_is_evaluated_too(council):
    html = council.get(reverse("kpis:rules") + "?rule=repeat-missing").content.decode()
    assert "Repeat missing" in html
