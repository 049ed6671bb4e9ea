"""Triage, the worker's recommended decision and the manager's authorisation.

A decision takes effect only when a different team manager authorises it; what follows from
it (an episode opened, the MASH enquiry closed) commits in the same transaction.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import open_cin_episode
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts import hooks
from frontdoor.contacts.inputs import DecisionInput
from frontdoor.contacts.models import Contact, Decision, LevelOfNeed, Outcome, Rag
from frontdoor.lib.errors import ActionError


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
