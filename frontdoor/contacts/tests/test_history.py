import datetime as dt

import pytest

from frontdoor.casework.actions import open_cin_episode
from frontdoor.contacts.actions import link_subject
from frontdoor.contacts.history import child_history
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person
from frontdoor.test import make_contact, make_persona

pytestmark = pytest.mark.django_db


def test_history_for_a_decision_leaves_out_the_contact_and_the_episode_it_opened() -> None:
    worker = make_persona("social_worker")
    person = create_person(
        worker, kind=Person.Kind.CHILD, given_name="Amelia", family_name="Okafor"
    )
    earlier = make_contact()
    current = make_contact()
    for contact in (earlier, current):
        link_subject(contact.child_subjects().get(), person, worker)
    open_cin_episode(
        person, contact=current, referral_date=dt.date.today(), source="1A", user=worker
    )

    history = child_history(person, exclude=current)

    assert [c.pk for c in history.contacts] == [earlier.pk]
    assert history.episodes == []
    assert len(child_history(person).episodes) == 1
