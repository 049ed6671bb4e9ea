"""Every state change of a contact: intake, triage, linking subjects, decision, authorisation.

Each action opens its own transaction and writes its audit and chronology rows in it.
"""

import datetime as dt
import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import open_cin_episode
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts import hooks
from frontdoor.contacts.inputs import ContactInput, DecisionInput, SubjectInput
from frontdoor.contacts.models import (
    Channel,
    Consent,
    Consultation,
    Contact,
    ContactSubject,
    Decision,
    IdempotencyRecord,
    LevelOfNeed,
    Outcome,
    Rag,
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
    if data.consent == Consent.NOT_SOUGHT and not data.consent_reason.strip():
        raise ActionError("Say why consent was not sought.", field="consent_reason")
    if not data.worry.strip():
        raise ActionError("Describe the worry about the child.", field="worry")


def _create_subject(contact: Contact, subject: SubjectInput) -> ContactSubject:
    person = Person.objects.get(pk=subject.person_id) if subject.person_id else None
    return ContactSubject.objects.create(
        contact=contact,
        role=subject.role,
        person=person,
        given_name=subject.given_name.strip(),
        family_name=subject.family_name.strip(),
        date_of_birth=subject.date_of_birth,
        expected_date_of_birth=subject.expected_date_of_birth,
        sex=subject.sex,
        nhs_number=subject.nhs_number,
        address=subject.address,
        postcode=subject.postcode,
        relationship_to_child=subject.relationship_to_child,
    )


def receive_contact(
    data: ContactInput,
    *,
    channel: str,
    actor: Any = None,
    actor_label: str | None = None,
    received_at: dt.datetime | None = None,
    from_consultation: Consultation | None = None,
) -> Contact:
    """Record a worry about one or more children, whichever route it came by.

    Starts the one-working-day decision clock. `actor` is the staff user (None for the
    public and for partner systems, which pass `actor_label`).
    """
    received_at = received_at or timezone.now()
    _check_contact_input(data, received_at)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _create_contact(
                    data, channel, actor, actor_label, received_at, from_consultation
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
    for subject in data.subjects:
        created = _create_subject(contact, subject)
        if created.person is not None:
            _chronicle_contact(contact, created.person, actor)
    record_change(
        actor,
        contact,
        AuditEvent.Action.CREATE,
        actor_label=actor_label,
        contact_id=contact.pk,
        summary=f"Contact received by {contact.get_channel_display()}",
    )
    return contact


def _chronicle_contact(contact: Contact, person: Person, actor: Any) -> None:
    add_event(
        person,
        Kind.CONTACT,
        f"Contact {contact.reference} from {contact.get_source_display()}",
        contact.received_at,
        detail=contact.worry[:2000],
        contact=contact,
        actor=actor,
    )


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
            _chronicle_contact(subject.contact, person, subject.contact.created_by)
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


def triage_contact(
    contact: Contact,
    user: Any,
    *,
    rag: str,
    level_of_need: LevelOfNeed | None,
    note: str = "",
    at: dt.datetime | None = None,
) -> Contact:
    """Set (or change) the RAG rating and level of need. A change records who and why."""
    if not contact.is_open():
        raise ActionError("This contact has already been decided.")
    if rag not in Rag.values:
        raise ActionError("Choose a RAG rating.", field="rag")
    if contact.rag and contact.rag != rag and not note.strip():
        raise ActionError("Say why the RAG rating is changing.", field="note")
    with transaction.atomic():
        before = {"rag": contact.rag, "level_of_need": contact.level_of_need_id}
        contact.rag = rag
        contact.level_of_need = level_of_need
        contact.triage_note = note
        contact.triaged_by = user
        contact.triaged_at = at or timezone.now()
        if contact.status == Contact.Status.AWAITING_TRIAGE:
            contact.status = Contact.Status.AWAITING_DECISION
        contact.save()
        after = {"rag": rag, "level_of_need": getattr(level_of_need, "pk", None)}
        record_change(
            user,
            contact,
            contact_id=contact.pk,
            summary="Triaged",
            changes={"before": before, "after": after, "reason": note},
        )
        for person in contact.linked_children():
            add_event(
                person,
                Kind.TRIAGE,
                f"Triaged {contact.get_rag_display()}"
                + (f", {level_of_need}" if level_of_need else ""),
                contact.triaged_at,
                detail=note,
                contact=contact,
                actor=user,
            )
    return contact


def record_decision(
    contact: Contact, user: Any, data: DecisionInput, *, at: dt.datetime | None = None
) -> Decision:
    """A worker's recommended decision, sent to a team manager to authorise."""
    if not contact.is_open():
        raise ActionError("This contact has already been decided.")
    if contact.status == Contact.Status.AWAITING_AUTHORISATION:
        raise ActionError("A decision is already awaiting authorisation.")
    if not contact.rag:
        raise ActionError("Triage the contact (RAG rating) before recording a decision.")
    if contact.has_unlinked_children():
        raise ActionError(
            "Link every child to a record in the person index (or create one) before deciding."
        )
    if data.outcome not in Outcome.values:
        raise ActionError("Choose an outcome.", field="outcome")
    if not 0 <= data.scaling <= 10:
        raise ActionError("The scaling score is a whole number from 0 to 10.", field="scaling")
    now = at or timezone.now()
    with transaction.atomic():
        decision = Decision.objects.create(
            contact=contact,
            outcome=data.outcome,
            rationale=data.rationale,
            worries=data.worries,
            working_well=data.working_well,
            needs_to_happen=data.needs_to_happen,
            scaling=data.scaling,
            child_views_sought=data.child_views_sought,
            child_views_note=data.child_views_note,
            recorded_by=user,
            recorded_at=now,
        )
        contact.status = Contact.Status.AWAITING_AUTHORISATION
        contact.save(update_fields=["status"])
        record_change(
            user,
            decision,
            AuditEvent.Action.CREATE,
            contact_id=contact.pk,
            summary=f"Decision recommended: {decision.get_outcome_display()}",
        )
        for person in contact.linked_children():
            add_event(
                person,
                Kind.DECISION,
                f"Decision recommended: {decision.get_outcome_display()}",
                now,
                detail=data.rationale,
                contact=contact,
                actor=user,
            )
    return decision


def authorise_decision(
    decision: Decision,
    user: Any,
    *,
    agree: bool,
    comment: str = "",
    at: dt.datetime | None = None,
) -> Decision:
    """A team manager agrees (the decision takes effect) or disagrees (returned, with reasons).

    Disagreement is recorded on the decision, never overwritten: the worker records a new one.
    """
    if decision.status != Decision.Status.AWAITING_AUTHORISATION:
        raise ActionError("This decision is not awaiting authorisation.")
    if not access.can_authorise_decisions(user):
        raise ActionError("Only a team manager can authorise a decision.")
    if user.pk == decision.recorded_by_id:
        raise ActionError("You recorded this decision; another manager must authorise it.")
    if not agree and not comment.strip():
        raise ActionError("Say why you do not agree.", field="comment")
    now = at or timezone.now()
    with transaction.atomic():
        contact = Contact.objects.select_for_update().get(pk=decision.contact_id)
        decision.authorised_by = user
        decision.authorised_at = now
        decision.manager_comment = comment
        decision.status = Decision.Status.AUTHORISED if agree else Decision.Status.RETURNED
        decision.save()
        summary = (
            f"Decision authorised: {decision.get_outcome_display()}"
            if agree
            else "Decision not agreed by manager and returned"
        )
        record_change(
            user,
            decision,
            contact_id=contact.pk,
            summary=summary,
            changes={"agree": agree, "comment": comment},
        )
        for person in contact.linked_children():
            add_event(
                person,
                Kind.AUTHORISATION,
                summary,
                now,
                detail=comment,
                contact=contact,
                actor=user,
            )
        if agree and decision.outcome == Outcome.MASH_ENQUIRY:
            # domain.md 2.1: a MASH enquiry goes "back to the decision" once partners have
            # answered, so the contact stays open (and any enquiry keeps its partners asked).
            contact.status = Contact.Status.AWAITING_DECISION
            contact.save(update_fields=["status"])
        elif agree:
            _apply_outcome(contact, decision, user, now)
            hooks.decided(contact, user, now)  # e.g. the MASH closes its open enquiry
        else:
            contact.status = Contact.Status.AWAITING_DECISION
            contact.save(update_fields=["status"])
    return decision


def _apply_outcome(contact: Contact, decision: Decision, user: Any, now: dt.datetime) -> None:
    contact.outcome = decision.outcome
    contact.decided_at = now
    contact.status = Contact.Status.DECIDED
    if decision.outcome in Outcome.opening_episode():
        passed = 0
        children = contact.linked_children()
        for person in children:
            open_episode = CINEpisode.objects.currently_open().filter(person=person).first()
            if open_episode:
                # DfE: new information on an open case is not a referral.
                passed += 1
                add_event(
                    person,
                    Kind.REFERRAL,
                    "Contact passed to the allocated worker (case already open)",
                    now,
                    contact=contact,
                    actor=user,
                )
            else:
                open_cin_episode(
                    person,
                    contact=contact,
                    referral_date=contact.received_date,
                    source=contact.source,
                    user=user,
                )
        if children and passed == len(children):
            contact.status = Contact.Status.PASSED_TO_ALLOCATED_WORKER
    contact.save(update_fields=["outcome", "decided_at", "status"])


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


def add_subject(contact: Contact, subject: SubjectInput, user: Any) -> ContactSubject:
    """Add another child or adult to an open contact."""
    if not contact.is_open():
        raise ActionError("This contact has been decided; its subjects can no longer change.")
    if subject.date_of_birth and subject.date_of_birth > timezone.localdate():
        raise ActionError("Date of birth must be in the past.", field="date_of_birth")
    with transaction.atomic():
        created = _create_subject(contact, subject)
        record_change(
            user,
            contact,
            contact_id=contact.pk,
            summary=f"Added {created.get_role_display().lower()} to the contact",
        )
    return created


def save_level_of_need(user: Any, level: LevelOfNeed | None, **fields: Any) -> LevelOfNeed:
    """Add or change a step of the council's continuum of need (threshold document)."""
    rank = int(fields["rank"])
    clash = LevelOfNeed.objects.filter(rank=rank)
    if level is not None:
        clash = clash.exclude(pk=level.pk)
    if clash.exists():
        raise ActionError(f"Level {rank} already exists. Choose another number.", field="rank")
    with transaction.atomic():
        level = level or LevelOfNeed()
        before = {k: getattr(level, k) for k in fields}
        for key, value in fields.items():
            setattr(level, key, value)
        level.save()
        record_change(
            user,
            level,
            summary=f"Level of need {level.rank} saved",
            changes={"before": before, "after": fields},
        )
    return level


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
