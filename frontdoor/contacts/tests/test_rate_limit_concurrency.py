"""The public forms' rate limit holds under concurrent posts from one client.

Issue 18: the limit was check-then-insert, so 25-30 posts at once let 11 through instead of
10. Each client's submissions are now counted under a lock on its `OnlineClient` row
(`select_for_update` on PostgreSQL; SQLite's IMMEDIATE transactions serialise writers). The
test posts from many threads at once, each with its own database connection, on whichever
database the suite runs on (`DATABASE_URL=postgres://…` for PostgreSQL).
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from frontdoor.contacts.models import Contact, OnlineClient, OnlineSubmission

# Transactional (other threads must see committed rows); serialized rollback so the flush
# afterwards leaves the data migrations' rows as a later serialized test expects them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIMIT = 10
POSTS = 25


def _post_at_once(count: int) -> list[int]:
    start = threading.Barrier(count)
    statuses: list[int] = []
    lock = threading.Lock()

    def post() -> None:
        try:
            client = Client(REMOTE_ADDR="203.0.113.7")
            start.wait()
            # The honeypot field makes an admitted post look accepted without a contact.
            response = client.post("/request-support/public", {"website": "spam.example"})
            with lock:
                statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_the_eleventh_of_many_concurrent_posts_is_refused(settings):
    settings.FRONTDOOR_PUBLIC_FORM_RATE_LIMIT = LIMIT
    statuses = _post_at_once(POSTS)
    assert len(statuses) == POSTS
    assert statuses.count(302) == LIMIT, statuses  # admitted (looks like success)
    assert statuses.count(429) == POSTS - LIMIT, statuses
    assert OnlineSubmission.objects.count() == LIMIT
    assert OnlineClient.objects.count() == 1
    assert not Contact.objects.exists()
    # From another address the form is open.
    other = Client(REMOTE_ADDR="203.0.113.8").post("/request-support/public", {"website": "x"})
    assert other.status_code == 302
