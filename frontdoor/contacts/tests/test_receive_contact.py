import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.audit.models import Event
from frontdoor.contacts import actions
from frontdoor.contacts.models import Contact
from frontdoor.lib.errors import ActionError
from frontdoor.test import make_contact, sample_contact_input

pytestmark = pytest.mark.django_db


def test_contact_received_on_friday_morning_is_due_at_close_of_monday():
    friday = timezone.make_aware(dt.datetime(2025, 3, 7, 10, 0))
    contact = make_contact(received_at=friday)
    assert timezone.localtime(contact.decision_due_at) == timezone.make_aware(
        dt.datetime(2025, 3, 10, 17, 0)
    )


def test_receiving_a_contact_writes_an_audit_row_in_the_same_transaction():
    contact = make_contact()
    assert (
        Event.objects.filter(
            record_type="contact", record_id=str(contact.pk), action="create"
        ).count()
        == 1
    )


def test_contact_without_a_child_is_refused_and_nothing_is_stored():
    with pytest.raises(ActionError, match="at least one child"):
        actions.receive_contact(sample_contact_input(subjects=[]), channel="phone")
    assert Contact.objects.count() == 0
