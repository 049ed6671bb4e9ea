"""Receiving a worry, whichever route it came by: staff, the online forms, partner systems.

Every route ends in `receive_contact()`, which starts the one-working-day decision clock.
Each action opens its own transaction and writes its audit and chronology rows in it.
"""

import datetime as dt
import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.actions.matching import candidates_for
from frontdoor.contacts.inputs import BOTH_BIRTH_DATES, ContactInput, SubjectInput
from frontdoor.contacts.models import (
    Channel,
    Consent,
    Consultation,
    Contact,
    ContactSubject,
    IdempotencyRecord,
    OnlineClient,
    OnlineSubmission,
    SubjectCandidate,
)
from frontdoor.lib.errors import ActionError
from frontdoor.lib.workdays import end_of_next_working_day
from frontdoor.people.models import Person

_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A short reference that cannot be guessed from another one (given to the public)."""
    body = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"FD-{body[:4]}-{body[4:]}"


def _check_contact_input(data: ContactInput, received_at: dt.datetime) -> None:
    children = [s for s in data.subjects if s.role == ContactSubject.Role.CHILD]
    if not children:
        raise ActionError("Name at least one child the worry is about.", field="subjects")
    for subject in data.subjects:
        if subject.date_of_birth and subject.date_of_birth > timezone.localdate(received_at):
            raise ActionError(
                "Date of birth must be in the past. For an unborn baby give the expected date.",
                field="date_of_birth",
            )
        if subject.date_of_birth and subject.expected_date_of_birth:
            raise ActionError(BOTH_BIRTH_DATES, field="date_of_birth")
    if data.consent == Consent.NOT_SOUGHT and not data.consent_reason.strip():
        raise ActionError("Say why consent was not sought.", field="consent_reason")
    if not data.worry.strip():
        raise ActionError("Describe the worry about the child.", field="worry")


def create_subject(contact: Contact, subject: SubjectInput) -> ContactSubject:
    person = Person.objects.get(pk=subject.person_id) if subject.person_id else None
    return ContactSubject.objects.create(**_subject_fields(contact, subject, person))


def _subject_fields(
    contact: Contact, subject: SubjectInput, person: Person | None
) -> dict[str, Any]:
    return {
        "contact": contact,
        "role": subject.role,
        "person": person,
        "given_name": subject.given_name.strip(),
        "family_name": subject.family_name.strip(),
        "date_of_birth": subject.date_of_birth,
        "expected_date_of_birth": subject.expected_date_of_birth,
        "sex": subject.sex,
        "nhs_number": subject.nhs_number,
        "address": subject.address,
        "postcode": subject.postcode,
        "relationship_to_child": subject.relationship_to_child,
    }


def _create_subjects(
    contact: Contact, subjects: list[SubjectInput], matched_at: dt.datetime | None
) -> list[ContactSubject]:
    """Every subject of a new contact in one statement (and their linked people in one);
    `matched_at` is stamped on those not linked, whose candidates are found next."""
    linked = {s.person_id for s in subjects if s.person_id}
    people = Person.objects.in_bulk(linked) if linked else {}
    if linked - people.keys():
        raise Person.DoesNotExist("A subject names a person who is not in the index.")
    rows = []
    for subject in subjects:
        person = people[subject.person_id] if subject.person_id else None
        row = ContactSubject(**_subject_fields(contact, subject, person))
        row.matched_at = matched_at if person is None else None
        rows.append(row)
    return ContactSubject.objects.bulk_create(rows)


def receive_contact(
    data: ContactInput,
    *,
    channel: str,
    actor: Any = None,
    actor_label: str | None = None,
    received_at: dt.datetime | None = None,
    from_consultation: Consultation | None = None,
    match: bool = True,
) -> Contact:
    """Record a worry about one or more children, whichever route it came by.

    Starts the one-working-day decision clock. `actor` is the staff user (None for the
    public and for partner systems, which pass `actor_label`). Each subject not linked at
    intake is matched against the person index and its candidates kept with the contact, in
    the same transaction; `match=False` skips that for a caller that links every subject
    itself straight away (the synthetic-data generator, which knows who each child is).
    """
    received_at = received_at or timezone.now()
    _check_contact_input(data, received_at)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _create_contact(
                    data, channel, actor, actor_label, received_at, from_consultation, match
                )
        except IntegrityError as error:  # reference collision: try a new one
            if "reference" not in str(error).lower():
                raise
    raise ActionError("Could not allocate a reference. Please try again.")


def _create_contact(
    data: ContactInput,
    channel: str,
    actor: Any,
    actor_label: str | None,
    received_at: dt.datetime,
    from_consultation: Consultation | None,
    match: bool,
) -> Contact:
    contact = Contact.objects.create(
        reference=new_reference(),
        received_at=received_at,
        received_date=timezone.localdate(received_at),
        channel=channel,
        source=data.source,
        referrer_name=data.referrer_name,
        referrer_role=data.referrer_role,
        referrer_organisation=data.referrer_organisation,
        referrer_agency_id=data.referrer_agency_id,
        referrer_phone=data.referrer_phone,
        referrer_email=data.referrer_email,
        worry=data.worry,
        referrer_wants=data.referrer_wants,
        child_views=data.child_views,
        consent=data.consent,
        consent_reason=data.consent_reason,
        immediate_danger=data.immediate_danger,
        is_domestic_abuse=data.is_domestic_abuse,
        decision_due_at=end_of_next_working_day(received_at),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        from_consultation=from_consultation,
    )
    candidates: list[SubjectCandidate] = []
    for created in _create_subjects(contact, data.subjects, received_at if match else None):
        if created.person is not None:
            chronicle_contact(contact, created.person, actor)
        elif match:
            candidates += candidates_for(created, received_at)
    SubjectCandidate.objects.bulk_create(candidates)
    record_change(
        actor,
        contact,
        AuditEvent.Action.CREATE,
        actor_label=actor_label,
        contact_id=contact.pk,
        summary=f"Contact received by {contact.get_channel_display()}",
    )
    return contact


def chronicle_contact(contact: Contact, person: Person, actor: Any) -> None:
    add_event(
        person,
        Kind.CONTACT,
        f"Contact {contact.reference} from {contact.get_source_display()}",
        contact.received_at,
        detail=contact.worry[:2000],
        contact=contact,
        actor=actor,
    )


def receive_contact_once(
    data: ContactInput, *, agency: Any, key: str, body_hash: str, actor_label: str
) -> tuple[Contact, bool]:
    """Record a partner system's contact unless its Idempotency-Key was seen before.

    Returns the contact and whether it was created now. The key is stored in the same
    transaction as the contact, so a retry (or two copies arriving at once) never makes a
    second contact: the unique constraint lets one commit and the other replays it.
    A key reused with a different body is refused.
    """
    earlier = _earlier_use(agency, key)
    if earlier is None:
        try:
            with transaction.atomic():
                contact = receive_contact(data, channel=Channel.API, actor_label=actor_label)
                IdempotencyRecord.objects.create(
                    agency=agency,
                    scope="contacts",
                    key=key,
                    body_hash=body_hash,
                    contact=contact,
                )
            return contact, True
        except IntegrityError:
            earlier = _earlier_use(agency, key)
            if earlier is None:
                raise
    if earlier.body_hash != body_hash:
        raise ActionError(
            "Idempotency-Key was already used with a different request body",
            field="Idempotency-Key",
        )
    return earlier.contact, False


def _earlier_use(agency: Any, key: str) -> IdempotencyRecord | None:
    return (
        IdempotencyRecord.objects.select_related("contact")
        .filter(agency=agency, scope="contacts", key=key)
        .first()
    )


def record_consultation(user: Any, **fields: Any) -> Consultation:
    """A professional's "no names" consultation: counted, never a contact unless converted."""
    with transaction.atomic():
        consultation = Consultation.objects.create(
            recorded_by=user,
            received_at=fields.pop("received_at", None) or timezone.now(),
            **fields,
        )
        record_change(user, consultation, AuditEvent.Action.CREATE, summary="Consultation")
    return consultation


def admit_online_submission(
    client_hash: str, *, limit: int, now: dt.datetime | None = None
) -> bool:
    """Count a public form submission from one client; False once `limit` have come from it
    in the last hour (then nothing is counted, and the form is refused)."""
    now = now or timezone.now()
    OnlineClient.objects.get_or_create(client_hash=client_hash)  # unique: one row per client
    with transaction.atomic():
        # Count and add under the client's row lock: two posts cannot both see 9 and make 11.
        OnlineClient.objects.select_for_update().get(client_hash=client_hash)
        recent = OnlineSubmission.objects.filter(
            client_hash=client_hash, at__gte=now - dt.timedelta(hours=1)
        )
        if recent.count() >= limit:
            return False
        OnlineSubmission.objects.create(client_hash=client_hash, at=now)
    return True
