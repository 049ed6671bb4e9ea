import pytest
from django.test import RequestFactory

from frontdoor.accounts.models import Role
from frontdoor.navigation import MOST_TOP_LEVEL_ITEMS, navigation, sub_navigation
from frontdoor.test import PERSONAS, make_persona

pytestmark = pytest.mark.django_db


def _request(user, path):
    request = RequestFactory().get(path)
    request.user = user
    return request


def _current(persona_user, path):
    """(the current top-level item, the current page in its group's row)."""
    request = _request(persona_user, path)
    top = [item["text"] for item in navigation(request) if item["active"]]
    row = sub_navigation(request)
    return top, [item["text"] for item in row["items"] if item["active"]] if row else None


def test_only_the_closest_navigation_item_is_marked_as_the_current_page(persona):
    worker = persona("social_worker")
    assert _current(worker, "/mash/strategy-discussions/3/") == (
        ["Front door"],
        ["Strategy discussions"],
    )
    assert _current(worker, "/mash/enquiries/4/") == (["Front door"], ["MASH enquiries"])
    assert _current(worker, "/contacts/new") == (["Front door"], ["New contact"])
    assert _current(worker, "/contacts/12/") == (["Front door"], ["Contacts"])
    # A social worker who audits (issue 16) has their audits beside their caseload.
    assert _current(worker, "/casework/caseload") == (["My caseload"], ["My caseload"])
    assert _current(worker, "/quality/") == (["My caseload"], ["Audits"])


def test_no_role_has_more_than_seven_top_level_items_and_every_page_is_still_reachable():
    for name in PERSONAS:
        user = make_persona(name)
        items = navigation(_request(user, "/"))
        assert len(items) <= MOST_TOP_LEVEL_ITEMS, (name, [i["text"] for i in items])
        assert items[-1]["text"] == "Sign out"
    manager = make_persona("team_manager")
    assert manager.role == Role.TEAM_MANAGER
    reachable = set()
    for item in navigation(_request(manager, "/"))[:-1]:
        row = sub_navigation(_request(manager, item["href"]))
        reachable |= {i["text"] for i in row["items"]} if row else {item["text"]}
    assert {"Contacts", "Authorise", "MASH enquiries", "Missing meetings", "Returns"} <= reachable
    assert {"Audits", "Dashboards"} <= reachable


def test_each_role_starts_on_its_own_work():
    from frontdoor.accounts.landing import landing_url

    starts = {
        "contact_officer": "/contacts/",
        "team_manager": "/contacts/",
        "police_partner": "/mash/checks/",
        "analyst": "/performance/",
        "roth_worker": "/outside/",
        "early_help": "/early-help/",
        "administrator": "/people/",
    }
    for name, path in starts.items():
        assert landing_url(make_persona(name)) == path, name
