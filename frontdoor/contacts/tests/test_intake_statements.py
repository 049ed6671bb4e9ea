"""How many SQL statements one contact from a partner system costs (issue 18: about 86 before).

Statement counts are deterministic, unlike timings: this guards them. Each unlinked subject is
matched against the person index (its look-up rounds read the pool, then the candidates'
aliases and addresses); everything else is one statement per table.
"""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from frontdoor.contacts.models import Contact, SubjectCandidate
from frontdoor.contacts.tests.test_api import body, child, token_for
from frontdoor.people.actions import create_person

pytestmark = pytest.mark.django_db

STATEMENTS_PER_CONTACT = 19  # the example: one child, one adult


@pytest.fixture
def index_with_namesakes(persona):
    """Children the example's child may be: the matching finds and keeps candidates."""
    worker = persona("social_worker")
    for n in range(12):
        create_person(
            worker,
            kind="child",
            given_name=("Amelia", "Amelie", "Emilia")[n % 3],
            family_name=("Okafor", "Okafur")[n % 2],
            date_of_birth=dt.date(2016, 5, 10 + n % 4),
            sex="F",
            postcode="BS23 1UJ",
        )


def _post(client, token, data, key):
    return client.post(
        "/api/v1/contacts",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def test_a_partner_systems_contact_takes_fewer_than_20_statements(index_with_namesakes):
    token, client = token_for("police"), Client()
    assert _post(client, token, body(worry="A first worry."), "warm-up").status_code == 201

    with CaptureQueriesContext(connection) as statements:
        response = _post(client, token, body(), "the-one")

    assert response.status_code == 201
    assert len(statements) <= STATEMENTS_PER_CONTACT, "\n".join(
        q["sql"][:120] for q in statements.captured_queries
    )
    contact = Contact.objects.get(reference=response.json()["reference"])
    assert contact.subjects.count() == 2
    assert all(s.matched_at == contact.received_at for s in contact.subjects.all())
    assert SubjectCandidate.objects.filter(subject__contact=contact).exists()


def test_each_further_child_adds_only_its_own_matching(index_with_namesakes):
    token, client = token_for("police"), Client()
    _post(client, token, body(worry="A first worry."), "warm-up")
    one = body()
    three = body(children=[child(), child(given_name="Emilia"), child(given_name="Amelie")])

    with CaptureQueriesContext(connection) as for_one:
        assert _post(client, token, one, "one").status_code == 201
    with CaptureQueriesContext(connection) as for_three:
        assert _post(client, token, three, "three").status_code == 201

    # two more children: their look-ups (at most 3 rounds, then aliases and addresses) and
    # nothing else; the inserts stay one statement per table
    assert len(for_three) - len(for_one) <= 2 * 5
