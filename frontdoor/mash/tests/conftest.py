import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdoor.accounts.models import Agency
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.contacts.models import Contact
from frontdoor.test import make_contact

LONDON = ZoneInfo("Europe/London")
# A Monday morning in term time, well clear of bank holidays.
MONDAY = dt.datetime(2025, 3, 10, 10, 0, tzinfo=LONDON)


@pytest.fixture
def police(db) -> Agency:
    return Agency.objects.get(slug="police")


@pytest.fixture
def health(db) -> Agency:
    return Agency.objects.get(slug="health")


@pytest.fixture
def triaged_contact(persona) -> Contact:
    """An amber contact whose child is linked to a person record."""
    worker = persona("social_worker")
    contact = make_contact(received_at=MONDAY - dt.timedelta(hours=1))
    create_person_for_subject(contact.child_subjects().get(), worker)
    return triage_contact(contact, worker, rag="amber", level_of_need=None, at=MONDAY)


@pytest.fixture
def enquiry(persona, triaged_contact, police, health) -> Any:
    from frontdoor.mash.actions import open_mash_enquiry

    return open_mash_enquiry(
        triaged_contact,
        persona("social_worker"),
        [(police, "Any police call-outs to the home?"), (health, "Is the child registered?")],
        at=MONDAY,
    )
