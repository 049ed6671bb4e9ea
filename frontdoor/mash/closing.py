"""Closing a contact's MASH enquiry once its decision is authorised.

Registered with `contacts.hooks` from MashConfig.ready(): `contacts.actions.authorise_decision`
calls it inside its transaction, so the decision and the closed enquiry commit together. No
partner is left answering a question the front door has already decided (issue 3: an answer
to a closed check is refused).
"""

import datetime as dt
from typing import Any

from django.db import transaction

from frontdoor.audit.log import record_change
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.mash.models import AgencyCheck, ExtensionRequest, MashEnquiry

CLOSED_REFUSAL = "The MASH enquiry was closed when the decision was authorised."


def close_open_enquiries(contact: Any, user: Any, *, at: dt.datetime) -> list[MashEnquiry]:
    """Close the contact's open MASH enquiry and every check still waiting for an answer.

    Pending requests for more time are refused with the reason, so the partner sees why.
    """
    closed = []
    with transaction.atomic():
        enquiries = MashEnquiry.objects.select_for_update().filter(
            contact=contact, status=MashEnquiry.Status.OPEN
        )
        for enquiry in enquiries:
            closed.append(_close(enquiry, user, at))
    return closed


def _close(enquiry: MashEnquiry, user: Any, at: dt.datetime) -> MashEnquiry:
    open_checks = list(
        AgencyCheck.objects.select_for_update()
        .filter(enquiry=enquiry, status=AgencyCheck.Status.OPEN)
        .select_related("agency")
    )
    for check in open_checks:
        check.status = AgencyCheck.Status.CLOSED
        check.save(update_fields=["status"])
        record_change(
            user,
            check,
            contact_id=enquiry.contact_id,
            summary=f"Check for {check.agency.name} closed unanswered: the enquiry was decided",
        )
    ExtensionRequest.objects.filter(
        check_request__enquiry=enquiry, decision=ExtensionRequest.Decision.PENDING
    ).update(
        decision=ExtensionRequest.Decision.REFUSED,
        decided_by=user,
        decided_at=at,
        decision_reason=CLOSED_REFUSAL,
    )
    enquiry.status = MashEnquiry.Status.CLOSED
    enquiry.save(update_fields=["status"])
    names = ", ".join(check.agency.name for check in open_checks)
    summary = "MASH enquiry closed after the decision was authorised" + (
        f"; checks closed unanswered: {names}" if names else ""
    )
    record_change(user, enquiry, contact_id=enquiry.contact_id, summary=summary)
    contact = enquiry.contact
    for subject in contact.child_subjects().select_related("person"):
        if subject.person:
            add_event(subject.person, Kind.MASH, summary, at, contact=contact, actor=user)
    return enquiry
