"""Meta-test: on every form page, the error summary lists the errors in the order the fields
stand on the page (GOV.UK error summary pattern).

It walks the URL resolver, fills each route's parameters from a small set of records, posts an
empty form as a persona the route admits, and, where the page answers with an error summary,
compares the order of the summary's links with the order of their fields in the page.
"""

import re
from typing import Any

import pytest
from django.test import Client

from frontdoor.casework.actions import open_cin_episode
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.test import PERSONAS, client_for, make_contact, make_persona
from frontdoor.tests.test_access_meta import _django_routes

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="govuk-error-summary".*?</ul>', re.S)
LINK = re.compile(r'<a href="#([^"]+)"')


def _records() -> dict[str, Any]:
    worker = make_persona("social_worker")
    contact = make_contact()
    triage_contact(contact, worker, rag="amber", level_of_need=None)  # the decision form shows
    subject = contact.child_subjects().get()
    person = create_person_for_subject(subject, worker)
    episode = open_cin_episode(
        person, contact=contact, referral_date=contact.received_date, source="1A", user=worker
    )
    return {
        "person_id": person.pk,
        "contact_id": contact.pk,
        "subject_id": subject.pk,
        "episode_id": episode.pk,
        "user_id": worker.pk,
        "kind": "public",
    }


def _persona(view: Any) -> str:
    """A persona the route admits: staff first, a partner for the partners' pages."""
    for name, spec in PERSONAS.items():
        if spec["role"] in view.access_roles:
            return name
    raise AssertionError(f"No persona may use {view}")


def _path(route: str, values: dict[str, Any]) -> str | None:
    path = route
    for name, value in values.items():
        for converter in ("int", "str", "slug"):
            path = path.replace(f"<{converter}:{name}>", str(value))
    return None if "<" in path else "/" + path


def _summary_and_page_order(page: str) -> tuple[list[str], list[str]] | None:
    """The summary's field links, and the same links in page order; None when the page does
    not show the form at all (a form posted out of its context, such as the handover form of
    a contact received in the day)."""
    summary = SUMMARY.search(page)
    assert summary is not None
    anchors = [a for a in LINK.findall(summary.group(0)) if a != "main-content"]
    rest = page[summary.end() :]
    positions = {a: rest.find(f'id="{a}"') for a in anchors}
    missing = [a for a, at in positions.items() if at < 0]
    if anchors and len(missing) == len(anchors):
        return None
    assert not missing, f"summary links to fields not on the page: {missing}"
    return anchors, sorted(anchors, key=positions.__getitem__)


def test_every_error_summary_follows_the_order_of_its_fields():
    values = _records()
    checked = []
    for route, name, view in _django_routes():
        if view.access_policy == "public" and not name.startswith("contacts:"):
            continue
        path = _path(route, values)
        if path is None or name.startswith(("api:", "accounts:mfa", "accounts:sign")):
            continue
        client = Client()
        if view.access_policy != "public":
            client = client_for(make_persona(_persona(view)))
        response = client.post(path, {"submitted": "yes"})  # bound, every field empty
        page = response.content.decode(errors="replace")
        if response.status_code >= 500 or "govuk-error-summary" not in page:
            continue
        orders = _summary_and_page_order(page)
        if orders is None:
            continue
        summary, on_page = orders
        assert summary == on_page, f"{name}: the summary lists {summary}, the page {on_page}"
        checked.append(name)
    assert len(checked) >= 25, checked  # 29 form pages when written
