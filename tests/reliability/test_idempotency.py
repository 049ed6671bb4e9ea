"""20 copies of one contact sent at once with one Idempotency-Key make one contact
(PostgreSQL, through the real server): one 201, the others replays (200) of it."""

import threading

import pytest

from .conftest import Cluster, Server, contact_body, new_key, post_contact

pytestmark = pytest.mark.reliability

COPIES = 20


def test_twenty_concurrent_copies_with_one_key_make_one_contact(
    cluster: Cluster, server: Server, token: str
):
    marker, key = new_key(), new_key()
    body = contact_body(marker)
    start = threading.Barrier(COPIES)
    answers: list[tuple[object, dict]] = []
    lock = threading.Lock()

    def send() -> None:
        start.wait()
        answer = post_contact(server.base, token, body, key)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    statuses = sorted(str(status) for status, _ in answers)
    assert statuses == ["200"] * (COPIES - 1) + ["201"]
    assert len({answer["reference"] for _, answer in answers}) == 1
    rows = cluster.query(
        "SELECT count(*) FROM contacts_contact WHERE worry LIKE %s", (f"%[{marker}]",)
    )
    assert rows == [(1,)]
