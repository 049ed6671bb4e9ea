"""Subject access requests: log, extend, gather, decide each entry, complete (ADR 0016).
Each action is one transaction with its access-log rows; the gathered records themselves
are only ever read."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.audit.log import record_change, record_event, record_view
from frontdoor.audit.models import Event
from frontdoor.lib.dates import add_months
from frontdoor.lib.errors import ActionError
from frontdoor.people.models import Person
from frontdoor.records.gathering import gather, record_ids
from frontdoor.records.models import Decision, SarItem, SubjectAccessRequest

EXTENSION_MONTHS = 2
# In England a child is usually treated as able to make their own request from about 12
# (domain.md §10): a parent's request for an older child needs the child's view.
COMPETENT_AGE = 12


def _may(user: Any) -> None:
    if not access.works_in_information_governance(user):
        raise ActionError(
            "Only information governance officers may handle subject access requests."
        )


def may_ask_for_themself(request: SubjectAccessRequest, today: dt.date) -> bool:
    """A parent asked for a child old enough to ask (or refuse) for themself."""
    if request.requester != "parent" or not request.person.is_child:
        return False
    age = request.person.age_on(today)
    return age is not None and age >= COMPETENT_AGE


def log_request(
    person: Person, *, requester: str, requester_name: str, received_on: dt.date, user: Any
) -> SubjectAccessRequest:
    """A request received: due one calendar month after the day it arrived."""
    _may(user)
    with transaction.atomic():
        request = SubjectAccessRequest.objects.create(
            person=person,
            requester=requester,
            requester_name=requester_name,
            received_on=received_on,
            due_on=add_months(received_on, 1),
            created_by=user,
            created_at=timezone.now(),
        )
        record_change(
            user,
            request,
            Event.Action.CREATE,
            person_id=person.pk,
            summary="Subject access request logged",
        )
    return request


def extend(request: SubjectAccessRequest, *, reason: str, user: Any) -> SubjectAccessRequest:
    """Two more months for a complex request, once, with the reason recorded."""
    _may(user)
    if request.extended_to is not None:
        raise ActionError("This request has already been extended.", field="reason")
    if request.status == SubjectAccessRequest.Status.COMPLETED:
        raise ActionError("This request is complete.", field="reason")
    if not reason.strip():
        raise ActionError("Enter why the request needs more time.", field="reason")
    with transaction.atomic():
        request.extended_to = add_months(request.due_on, EXTENSION_MONTHS)
        request.extension_reason = reason.strip()
        request.save(update_fields=["extended_to", "extension_reason"])
        record_change(
            user, request, person_id=request.person_id, summary="Subject access request extended"
        )
    return request


def gather_for(request: SubjectAccessRequest, *, user: Any) -> int:
    """Copy everything held about the person into the request, ready for review. Gathering
    again (new records since) replaces what was gathered, and the decisions with it."""
    _may(user)
    if request.status == SubjectAccessRequest.Status.COMPLETED:
        raise ActionError("This request is complete: its disclosure has been made.")
    with transaction.atomic():
        request.items.all().delete()
        entries = gather(record_ids(request.person))
        SarItem.objects.bulk_create(
            SarItem(
                request=request,
                position=position,
                source_key=source.key,
                source_label=source.label,
                ref=entry.ref,
                title=entry.title[:200],
                when=entry.when,
                fields=[list(pair) for pair in entry.fields],
                third_parties=entry.third_parties,
                partner_fields=entry.partner_fields,
            )
            for position, (source, entry) in enumerate(entries, start=1)
        )
        request.status = SubjectAccessRequest.Status.GATHERED
        request.gathered_at = timezone.now()
        request.save(update_fields=["status", "gathered_at"])
        record_view(
            user,
            request.person,
            person_id=request.person_id,
            summary=f"Gathered for a subject access request ({len(entries)} entries)",
        )
    return len(entries)


def decide(item: SarItem, *, decision: str, reason: str, user: Any) -> SarItem:
    """Release, redact or withhold one entry, with the reason (required to redact or withhold)."""
    _may(user)
    if item.request.status == SubjectAccessRequest.Status.COMPLETED:
        raise ActionError("This request is complete: its disclosure has been made.")
    if decision not in {Decision.RELEASE, Decision.REDACT, Decision.WITHHOLD}:
        raise ActionError(
            "Choose whether to release, redact or withhold this entry.", field="decision"
        )
    if decision == Decision.REDACT and not item.is_flagged:
        raise ActionError("This entry names no third party to redact.", field="decision")
    if decision != Decision.RELEASE and not reason.strip():
        raise ActionError("Enter the reason for this decision.", field="reason")
    with transaction.atomic():
        item.decision = decision
        item.reason = reason.strip()
        item.decided_by = user
        item.decided_at = timezone.now()
        item.save(update_fields=["decision", "reason", "decided_by", "decided_at"])
        record_change(
            user,
            item.request,
            person_id=item.request.person_id,
            summary=f"Subject access entry {item.position}: {item.get_decision_display()}",
        )
    return item


def redact_undecided(request: SubjectAccessRequest, *, reason: str, user: Any) -> int:
    """Redact, with one reason, every flagged entry not yet decided (the third parties have
    not consented): the reviewer's decision for the rest once the exceptions are decided."""
    _may(user)
    if request.status == SubjectAccessRequest.Status.COMPLETED:
        raise ActionError("This request is complete: its disclosure has been made.")
    if not reason.strip():
        raise ActionError("Enter the reason for redacting these entries.", field="reason")
    waiting = undecided(request)
    with transaction.atomic():
        now = timezone.now()
        for item in waiting:
            item.decision = Decision.REDACT
            item.reason = reason.strip()
            item.decided_by = user
            item.decided_at = now
        SarItem.objects.bulk_update(waiting, ["decision", "reason", "decided_by", "decided_at"])
        record_change(
            user,
            request,
            person_id=request.person_id,
            summary=f"Subject access: {len(waiting)} entries redacted together",
        )
    return len(waiting)


def undecided(request: SubjectAccessRequest) -> list[SarItem]:
    return [
        item
        for item in request.items.all()
        if item.is_flagged and item.decision == Decision.PENDING
    ]


def complete(request: SubjectAccessRequest, *, user: Any) -> SubjectAccessRequest:
    """The disclosure is made: every flagged entry decided. Logged as an export."""
    _may(user)
    if request.status == SubjectAccessRequest.Status.RECEIVED:
        raise ActionError("Gather the records before completing the request.")
    waiting = undecided(request)
    if waiting:
        raise ActionError(f"{len(waiting)} entries naming a third party still need a decision.")
    with transaction.atomic():
        if request.status != SubjectAccessRequest.Status.COMPLETED:
            request.status = SubjectAccessRequest.Status.COMPLETED
            request.completed_at = timezone.now()
            request.save(update_fields=["status", "completed_at"])
        record_event(
            Event.Action.EXPORT,
            request,
            user=user,
            person_id=request.person_id,
            summary="Subject access disclosure produced (PDF)",
        )
    return request
