import pytest
from django.test import RequestFactory

from frontdoor.navigation import navigation

pytestmark = pytest.mark.django_db


def _current(persona_user, path):
    request = RequestFactory().get(path)
    request.user = persona_user
    return [item["text"] for item in navigation(request) if item["active"]]


def test_only_the_closest_navigation_item_is_marked_as_the_current_page(persona):
    worker = persona("social_worker")
    assert _current(worker, "/mash/strategy-discussions/3/") == ["Strategy discussions"]
    assert _current(worker, "/mash/enquiries/4/") == ["MASH enquiries"]
    assert _current(worker, "/contacts/new") == ["New contact"]
    assert _current(worker, "/contacts/12/") == ["Contacts"]
