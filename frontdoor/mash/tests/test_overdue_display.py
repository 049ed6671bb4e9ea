"""Overdue checks are unmistakable in every queue: a tag with words, never colour alone."""

import pytest

from frontdoor.test import client_for

pytestmark = pytest.mark.django_db

# The enquiry fixture's checks were due in March 2025, so they are overdue now.
HIDDEN = '<span class="govuk-visually-hidden">: not answered and the due time has passed</span>'


def _assert_overdue_tag(page: str) -> None:
    assert '<strong class="govuk-tag govuk-tag--red">Answer overdue' in page
    assert HIDDEN in page


def test_the_partner_queue_tags_an_overdue_check(persona, enquiry):
    page = client_for(persona("police_partner")).get("/mash/checks/").content.decode()
    _assert_overdue_tag(page)
    assert "<strong>1 overdue</strong>" in page


def test_the_partner_check_page_tags_an_overdue_check(persona, enquiry, police):
    check = enquiry.checks.get(agency=police)
    page = client_for(persona("police_partner")).get(f"/mash/checks/{check.pk}/").content.decode()
    _assert_overdue_tag(page)


def test_the_mash_manager_list_tags_overdue_checks_and_counts_them(persona, enquiry):
    page = client_for(persona("team_manager")).get("/mash/").content.decode()
    _assert_overdue_tag(page)
    assert '2 overdue<span class="govuk-visually-hidden"> checks</span>' in page


def test_the_enquiry_page_tags_each_overdue_check(persona, enquiry):
    page = client_for(persona("social_worker")).get(f"/mash/enquiries/{enquiry.pk}/")
    assert page.content.decode().count(HIDDEN) == 2
