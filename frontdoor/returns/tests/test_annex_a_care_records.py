"""Annex A List 8 columns filled from the looked-after record (reviews, checks, UASC,
adoption plan, placement provider), on the SSDA903 test council."""

import datetime as dt

import pytest

from frontdoor.returns.annex_a.care import list_8
from frontdoor.returns.annex_a.window import Window
from frontdoor.returns.tests.ssda903_council import build_council

pytestmark = pytest.mark.django_db
HEADERS = [
    "UASC",
    "Latest review",
    "Permanence plan",
    "Health assessment",
    "Dental check",
    "Provider",
]
COLUMNS = [5, 12, 14, 16, 17, 23]


def _rows(as_of: dt.date) -> dict[str, list[object]]:
    return {row[0]: [row[i] for i in COLUMNS] for row in list_8(Window.ending(as_of))}


def test_list_8_shows_reviews_checks_uasc_adoption_plan_and_provider(worker):
    build_council(worker)
    rows = _rows(dt.date(2025, 3, 31))
    assert rows["GL1"] == [
        "b) No",
        dt.date(2025, 1, 27),
        "Adoption",
        dt.date(2024, 5, 1),
        dt.date(2024, 7, 10),
        "b) PR1: Own provision (by the LA)",
    ]
    assert rows["GL2"] == [
        "b) No",
        dt.date(2024, 11, 18),
        "",
        dt.date(2024, 10, 1),
        None,
        "e) PR4: Private provision",
    ]
    assert rows["GL3"][0] == "a) Yes"  # unaccompanied asylum-seeking, ceased in care
    assert rows["GL3"][2] == ""  # care ended: no plan shown


def test_nothing_recorded_after_the_as_of_date_is_shown(worker):
    build_council(worker)
    rows = _rows(dt.date(2024, 9, 30))
    assert rows["GL1"][1:5] == [dt.date(2024, 8, 5), "", dt.date(2024, 5, 1), dt.date(2024, 7, 10)]
