"""Meta-tests: they walk the URL resolver so no route escapes the access rules."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency, Role
from frontdoor.audit.models import Event
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.mash.actions import open_mash_enquiry
from frontdoor.mash.tests.conftest import MONDAY
from frontdoor.returns.tests.conftest import build_golden
from frontdoor.test import PERSONAS, client_for, make_contact, make_persona

pytestmark = pytest.mark.django_db


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}", entry.callback


def _django_routes() -> list[tuple[str, str, Any]]:
    """Page routes (the partner API is covered by its own token tests)."""
    return [r for r in _walk(get_resolver().url_patterns) if not r[1].startswith("api:")]


def _api_routes() -> list[tuple[str, str, Any]]:
    return [r for r in _walk(get_resolver().url_patterns) if r[1].startswith("api:")]


def _fill(route: str, values: dict[str, Any]) -> str:
    path = route
    for name, value in values.items():
        for converter in ("int", "str", "slug"):
            path = path.replace(f"<{converter}:{name}>", str(value))
    assert "<" not in path, f"No test value for a parameter of {route}"
    return "/" + path.lstrip("^").rstrip("$")


def test_every_route_declares_an_access_policy():
    missing = [name for _, name, view in _django_routes() if not hasattr(view, "access_policy")]
    assert missing == []


def test_every_api_route_is_the_partner_api_or_its_contract():
    for route, name, _view in _api_routes():
        assert route.startswith("api/"), name


def test_every_route_refuses_anonymous_users_except_the_declared_public_ones(client: Client):
    values = {
        "person_id": 1,
        "user_id": 1,
        "change": "deactivate",
        "contact_id": 1,
        "subject_id": 1,
        "decision_id": 1,
        "kind": "public",
        "agency_id": 1,
        "level_id": 1,
        "check_id": 1,
        "enquiry_id": 1,
        "item_id": 1,
        "extension_id": 1,
        "discussion_id": 1,
        "action_id": 1,
        "pair_id": 1,
        "merge_id": 1,
        "episode_id": 1,
        "map_id": 1,
        "screening_id": 1,
        "entity_id": 1,
        "meeting_id": 1,
        "factor_id": 1,
        "step_id": 1,
        "service_id": 1,
        "request_id": 1,
        "rule_id": 1,
        "hold_id": 1,
        "programme_id": 1,
        "audit_id": 1,
        "learning_action_id": 1,
        "kind_id": 1,
        "figure_key": "contacts",
    }
    for route, name, view in _django_routes():
        if view.access_policy == "public":
            continue
        response = client.get(_fill(route, values))
        assert response.status_code == 302, name
        assert response.url.startswith("/sign-in"), name


def test_public_routes_are_only_the_intended_ones():
    public = {name for _, name, view in _django_routes() if view.access_policy == "public"}
    assert public == {
        "home",
        "healthz",
        "readyz",
        "accounts:sign-in",
        "accounts:sign-out",
        "contacts:request-support",
        "contacts:submitted",
        "contacts:online-form",
    }


@pytest.fixture
def linked_contact(persona):
    contact = make_contact()
    create_person_for_subject(contact.child_subjects().get(), persona("social_worker"))
    return contact


def _values(contact: Any) -> dict[str, Any]:
    subject = contact.child_subjects().get()
    return {
        "person_id": subject.person_id,
        "contact_id": contact.pk,
        "subject_id": subject.pk,
        "decision_id": 1,
        "kind": "public",
    }


def _record_routes() -> list[tuple[str, str, Any]]:
    return [r for r in _django_routes() if "person_id" in r[0] or "contact_id" in r[0]]


def test_a_partner_gets_404_on_a_child_and_a_contact_not_shared_with_their_agency(linked_contact):
    partner = client_for(make_persona("police_partner"))
    values = _values(linked_contact)
    for route, name, _view in _record_routes():
        assert partner.get(_fill(route, values)).status_code == 404, name
        assert partner.post(_fill(route, values)).status_code == 404, name


def _persona_for(view: Any) -> str:
    roles = view.access_roles
    for name, spec in PERSONAS.items():
        if spec["role"] in roles and spec["role"] != Role.MASH_PARTNER:
            return name
    raise AssertionError(f"No staff persona may use {view}")


def test_every_page_that_shows_a_child_writes_an_access_log_row(linked_contact):
    values = _values(linked_contact)
    for route, name, view in _record_routes():
        user = make_persona(_persona_for(view))
        before = Event.objects.filter(action="view", user=user).count()
        response = client_for(user).get(_fill(route, values))
        if response.status_code == 405:  # an action endpoint, not a page
            continue
        assert response.status_code == 200, name
        rows = Event.objects.filter(action="view", user=user)
        assert rows.count() > before, f"{name} showed a child without logging the read"
        newest = rows.first()
        assert newest.person_id == values["person_id"] or newest.contact_id == values["contact_id"]


def test_every_navigation_page_opens_for_its_role(persona):
    for name in PERSONAS:
        user = persona(name)
        client = client_for(user)
        from django.test import RequestFactory

        from frontdoor.navigation import navigation

        request = RequestFactory().get("/")
        request.user = user
        for item in navigation(request):
            if item["text"] == "Sign out":
                continue
            response = client.get(item["href"])
            assert response.status_code == 200, (name, item["href"])


# Lists and downloads that show children's identifying details (names, dates of birth,
# postcodes): each child shown is an access-log read on that child's record (issue 18).
LISTS: list[tuple[str, str, dict[str, str]]] = [
    ("/people/", "social_worker", {"q": "Amelia Okafor"}),
    ("/people/search.json", "social_worker", {"q": "Amelia Okafor"}),
    ("/people/new", "contact_officer", {}),  # possible duplicates: a POST, below
    ("/contacts/", "contact_officer", {}),
    ("/partner/contacts", "police_partner", {}),
    ("/mash/checks/", "police_partner", {}),
    ("/api/v1/checks", "police system", {}),
    ("/returns/cin-census/download", "analyst", {"year": "2025"}),
]


def test_every_list_that_shows_children_writes_an_access_log_row_per_child(persona):
    golden = build_golden(persona("social_worker"))
    amelia = golden.amelia
    police = Agency.objects.get(slug="police")
    contact = make_contact(referrer_agency_id=police.pk)
    create_person_for_subject(contact.child_subjects().get(), persona("social_worker"))
    child_id = contact.child_subjects().get().person_id
    triage_contact(contact, persona("social_worker"), rag="amber", level_of_need=None, at=MONDAY)
    open_mash_enquiry(contact, persona("social_worker"), [(police, "Known?")], at=MONDAY)
    token = issue_api_token(police)
    for path, who, query in LISTS:
        expected = amelia.pk if path in ("/people/", "/people/search.json") else child_id
        if path.startswith("/returns/"):
            expected = amelia.pk
        before = Event.objects.filter(action="view", person_id=expected).count()
        if who == "police system":
            response = Client().get(path, query, HTTP_AUTHORIZATION=f"Bearer {token}")
        elif path == "/people/new":
            data = {"kind": "child", "given_name": "Amelia", "family_name": "Okafor"}
            data |= {"date_of_birth-day": "10", "date_of_birth-month": "5"}
            data |= {"date_of_birth-year": str(amelia.date_of_birth.year)}
            response = client_for(persona(who)).post(path, data)
            assert "Amelia" in response.content.decode(), path  # offered as a duplicate
        else:
            response = client_for(persona(who)).get(path, query)
        assert response.status_code == 200, (path, response.status_code)
        after = Event.objects.filter(action="view", person_id=expected).count()
        assert after > before, f"{path} showed a child without logging the read"
