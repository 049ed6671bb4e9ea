"""Contacts and referrals about the person, their decisions and out-of-hours handovers."""

from collections.abc import Iterator

from django.db.models import QuerySet

from frontdoor.contacts.models import Contact, Decision, HandoverItem
from frontdoor.lib.personal_data import Entry, Source
from frontdoor.records.rendering import ref, shown_fields

# The referrer is a third party when a member of the public, and a professional whose
# phone number and e-mail are their own personal details: offered for redaction.
REFERRER_DETAILS = ("referrer_name", "referrer_phone", "referrer_email")


def contacts_about(ids: set[int]) -> QuerySet[Contact]:
    return Contact.objects.filter(subjects__person_id__in=ids).distinct()


def _contacts(ids: set[int]) -> Iterator[Entry]:
    for contact in contacts_about(ids).order_by("received_at", "pk"):
        fields = shown_fields(contact, skip={"from_consultation"})
        others = [
            f"{s.given_name} {s.family_name}".strip()
            for s in contact.subjects.all()
            if s.person_id not in ids and (s.given_name or s.family_name)
        ]
        referrer = [getattr(contact, name) for name in REFERRER_DETAILS if getattr(contact, name)]
        title = f"Contact {contact.reference}"
        yield Entry(ref(contact), title, contact.received_date, fields, others + referrer)


def _decisions(ids: set[int]) -> Iterator[Entry]:
    rows = Decision.objects.filter(contact__in=contacts_about(ids)).select_related("contact")
    for decision in rows.order_by("recorded_at", "pk"):
        title = f"Decision on contact {decision.contact.reference}"
        when = decision.recorded_at.date()
        yield Entry(ref(decision), title, when, shown_fields(decision))


def _handovers(ids: set[int]) -> Iterator[Entry]:
    rows = HandoverItem.objects.filter(contact__in=contacts_about(ids)).select_related("contact")
    for item in rows.order_by("recorded_at", "pk"):
        title = f"Out-of-hours handover, contact {item.contact.reference}"
        yield Entry(ref(item), title, item.recorded_at.date(), shown_fields(item))


SOURCES = [
    Source("contacts", "Contacts and referrals", 20, _contacts),
    Source("decisions", "Front door decisions", 21, _decisions),
    Source("handovers", "Out-of-hours handovers", 22, _handovers),
]
