"""Contacts keep arriving while the database and the application server are killed.

Partner systems post contacts to `frontdoor serve` from several threads, retrying with the same
Idempotency-Key after a failure (as the API asks), while the test kills PostgreSQL with SIGKILL
and starts it again, then kills the application server (master and workers) and starts it
again, for several cycles. Afterwards:

- every contact acknowledged (201, or 200 for a replay of one recorded earlier) is in the
  database exactly once, with its two subjects, its audit row, its idempotency record and the
  chronology rows of its linked subjects (none: a partner's subjects are matched, not linked);
- no contact was half written: every contact in the database has all of the above;
- every failure the clients saw was a 503 or a connection refused or dropped: never a 500,
  never a timeout.
"""

import threading
import time
from collections import Counter
from typing import Any

import pytest

from .conftest import Cluster, Server, contact_body, new_key, post_contact

pytestmark = pytest.mark.reliability

CLIENTS = 4
CYCLES = 3
RUN_SECONDS = 2.5  # contacts flow this long between faults
ATTEMPTS = 6  # per contact, with the same key


class Clients:
    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base, token
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses: Counter[Any] = Counter()
        self.bad: list[tuple[Any, dict[str, Any]]] = []
        self.acknowledged: dict[str, str] = {}  # marker -> reference
        self.sent: list[str] = []  # every marker, acknowledged or not
        self.threads = [threading.Thread(target=self._run) for _ in range(CLIENTS)]

    def _run(self) -> None:
        while not self.stop.is_set():
            marker, key = new_key(), new_key()
            body = contact_body(marker)
            with self.lock:
                self.sent.append(marker)
            for _attempt in range(ATTEMPTS):
                status, answer = post_contact(self.base, self.token, body, key)
                with self.lock:
                    self.statuses[status] += 1
                if status in (200, 201):
                    with self.lock:
                        self.acknowledged[marker] = answer["reference"]
                    break
                if status not in (503, "refused"):
                    with self.lock:
                        self.bad.append((status, answer))
                    time.sleep(0.3)
                    break
                time.sleep(0.3)

    def __enter__(self) -> "Clients":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=120)

    def acknowledged_count(self) -> int:
        with self.lock:
            return len(self.acknowledged)


def _flow(clients: Clients, seconds: float) -> None:
    """Let contacts flow, and check that some are acknowledged meanwhile."""
    before = clients.acknowledged_count()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or clients.acknowledged_count() == before:
        time.sleep(0.1)
        assert time.monotonic() < deadline + 60, "no contact acknowledged for a minute"


def test_acknowledged_contacts_survive_database_and_server_kills(
    cluster: Cluster, server: Server, token: str
):
    with Clients(server.base, token) as clients:
        for _cycle in range(CYCLES):
            _flow(clients, RUN_SECONDS)
            cluster.kill9()
            time.sleep(1.0)  # contacts arrive while the database is down
            cluster.start()
            _flow(clients, RUN_SECONDS)
            server.kill9()
            time.sleep(0.5)  # and while nothing listens
            server.start()
        _flow(clients, RUN_SECONDS)

    print(f"\nanswers: {dict(clients.statuses)}; acknowledged: {len(clients.acknowledged)}")
    assert clients.bad == []
    assert set(clients.statuses) <= {201, 200, 503, "refused"}, clients.statuses
    assert clients.statuses["refused"] > 0  # the faults did happen
    _assert_each_acknowledged_contact_whole_and_once(cluster, clients)
    _assert_no_contact_half_written(cluster)


def _assert_each_acknowledged_contact_whole_and_once(cluster: Cluster, clients: Clients):
    assert len(clients.acknowledged) >= CYCLES * 2
    rows = cluster.query(
        "SELECT reference, substring(worry from '\\[([0-9a-f-]{36})\\]') FROM contacts_contact"
    )
    by_marker = Counter(marker for _reference, marker in rows)
    references = dict((marker, reference) for reference, marker in rows)
    for marker, reference in clients.acknowledged.items():
        assert by_marker[marker] == 1, marker
        assert references[marker] == reference
    assert all(count == 1 for count in by_marker.values())  # not even an unacknowledged twin


def _assert_no_contact_half_written(cluster: Cluster):
    contacts = cluster.query(
        """
        SELECT c.id,
          (SELECT count(*) FROM contacts_contactsubject s WHERE s.contact_id = c.id),
          (SELECT count(*) FROM contacts_contactsubject s
             WHERE s.contact_id = c.id AND s.person_id IS NOT NULL),
          (SELECT count(*) FROM audit_event e WHERE e.contact_id = c.id AND e.action = 'create'),
          (SELECT count(*) FROM contacts_idempotencyrecord i WHERE i.contact_id = c.id),
          (SELECT count(*) FROM chronology_event h WHERE h.contact_id = c.id)
        FROM contacts_contact c
        """
    )
    assert contacts
    for _id, subjects, linked, audit, idempotency, chronology in contacts:
        assert (subjects, audit, idempotency, chronology) == (2, 1, 1, linked)
