"""A manager reviews a possible duplicate and merges it; a worker searches (axe on each page)."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
from menu import open_from_menu
from playwright.sync_api import Page, expect

from frontdoor.people.duplicates import propose_duplicates
from frontdoor.people.models import Merge, Person
from frontdoor.people.tests.helpers import POSTCODE, add_person
from frontdoor.test import make_persona

pytestmark = pytest.mark.browser

BORN = dt.date(2016, 5, 10)


def test_a_manager_merges_a_duplicate_from_the_review_queue(
    page: Page,
    sign_in: Callable[[Page, str], None],
    assert_accessible: Callable[[Page], None],
) -> None:
    make_persona("team_manager")
    amelia = add_person("Amelia", "Okafor", BORN, POSTCODE)
    millie = add_person("Millie", "Okafor", BORN, POSTCODE, nhs_number="9434765919")
    propose_duplicates()

    sign_in(page, "team_manager")
    open_from_menu(page, "Possible duplicates")
    expect(page.get_by_role("heading", level=1)).to_have_text("Possible duplicate records")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Amelia Okafor and Millie Okafor")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Compare Amelia Okafor and Millie Okafor"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Merge records").click()  # nothing chosen yet
    expect(page.get_by_role("alert")).to_contain_text("Choose which forename to keep.")
    assert_accessible(page)

    page.get_by_label(f"Amelia (record {amelia.pk})").check()
    page.get_by_label(f"943 476 5919 (record {millie.pk})").check()
    page.get_by_label(f"{amelia.la_child_id} (record {amelia.pk})").check()
    page.get_by_role("button", name="Merge records").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amelia Okafor")
    assert_accessible(page)

    assert Person.objects.get(pk=millie.pk).merged_into_id == amelia.pk
    assert Person.objects.get(pk=amelia.pk).nhs_number == "9434765919"
    assert Merge.objects.filter(survivor=amelia, merged=millie).exists()


def test_a_worker_searches_with_a_nickname_and_sees_why_it_matched(
    page: Page,
    sign_in: Callable[[Page, str], None],
    assert_accessible: Callable[[Page], None],
) -> None:
    make_persona("social_worker")
    add_person("Amelia", "Okafor", BORN, POSTCODE)

    sign_in(page, "social_worker")
    page.goto("/people/")
    assert_accessible(page)
    page.get_by_label("Name, date of birth, age, postcode or NHS number").fill(
        "Millie Okafor 5/10/2016"
    )
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 person found")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("forename is a known nickname")
    expect(page.get_by_role("main")).to_contain_text("day and month of birth swapped")
    assert_accessible(page)
