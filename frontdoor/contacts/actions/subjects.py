"""The children and adults a contact names: linking them to the person index, adding more."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.contacts.actions.intake import chronicle_contact, create_subject
from frontdoor.contacts.actions.matching import store_candidates
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.contacts.models import Contact, ContactSubject
from frontdoor.lib.errors import ActionError
from frontdoor.people.models import Person


def link_subject(subject: ContactSubject, person: Person, user: Any) -> ContactSubject:
    """Link a subject of a contact to an existing person in the index."""
    if not subject.contact.is_open():
        raise ActionError("This contact has been decided; its subjects can no longer change.")
    if person.merged_into_id:
        raise ActionError("That record has been merged into another; link the surviving record.")
    with transaction.atomic():
        subject.person = person
        subject.save(update_fields=["person"])
        if subject.is_child or person.is_child:
            # The event is the contact itself, so it names whoever recorded it (nobody for an
            # online form), not the worker who linked the child; the link is audited below.
            chronicle_contact(subject.contact, person, subject.contact.created_by)
        record_change(
            user,
            subject.contact,
            person_id=person.pk,
            contact_id=subject.contact_id,
            summary=f"Linked {subject.described_name} to person {person.pk}",
        )
    return subject


def create_person_for_subject(subject: ContactSubject, user: Any) -> Person:
    """Create a new person from what the referrer said, and link the subject to it."""
    from frontdoor.people.actions import create_person

    if not subject.contact.is_open():
        raise ActionError("This contact has been decided; its subjects can no longer change.")
    with transaction.atomic():
        kind = Person.Kind.ADULT
        if subject.is_child:
            kind = Person.Kind.UNBORN if subject.expected_date_of_birth else Person.Kind.CHILD
        person = create_person(
            user,
            kind=kind,
            given_name=subject.given_name,
            family_name=subject.family_name,
            date_of_birth=subject.date_of_birth,
            expected_date_of_birth=subject.expected_date_of_birth,
            sex=subject.sex or "U",
            nhs_number=subject.nhs_number,
            postcode=subject.postcode,
            address=subject.address,
        )
        link_subject(subject, person, user)
    return person


def add_subject(contact: Contact, subject: SubjectInput, user: Any) -> ContactSubject:
    """Add another child or adult to an open contact."""
    if not contact.is_open():
        raise ActionError("This contact has been decided; its subjects can no longer change.")
    if subject.date_of_birth and subject.date_of_birth > timezone.localdate():
        raise ActionError("Date of birth must be in the past.", field="date_of_birth")
    with transaction.atomic():
        created = create_subject(contact, subject)
        if created.person is None:
            store_candidates(created, timezone.now())
        record_change(
            user,
            contact,
            contact_id=contact.pk,
            summary=f"Added {created.get_role_display().lower()} to the contact",
        )
    return created
