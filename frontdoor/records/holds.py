"""Legal holds and destruction approvals: actions of an information governance officer."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event
from frontdoor.lib.errors import ActionError
from frontdoor.people.models import Person
from frontdoor.records.models import DestructionApproval, LegalHold
from frontdoor.records.retention import review_for


def _may(user: Any) -> None:
    if not access.works_in_information_governance(user):
        raise ActionError("Only information governance officers may do this.")


def place_hold(person: Person, *, reason: str, user: Any) -> LegalHold:
    _may(user)
    if not reason.strip():
        raise ActionError(
            "Enter why the record must be kept (for example, the inquiry).", field="reason"
        )
    with transaction.atomic():
        hold = LegalHold.objects.create(
            person=person, reason=reason.strip(), placed_by=user, placed_at=timezone.now()
        )
        record_change(
            user, hold, Event.Action.CREATE, person_id=person.pk, summary="Legal hold placed"
        )
    return hold


def lift_hold(hold: LegalHold, *, reason: str, user: Any) -> LegalHold:
    _may(user)
    if hold.lifted_at is not None:
        raise ActionError("This hold has already been lifted.")
    if not reason.strip():
        raise ActionError("Enter why the hold is lifted.", field="reason")
    with transaction.atomic():
        hold.lifted_at = timezone.now()
        hold.lifted_by = user
        hold.lift_reason = reason.strip()
        hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        record_change(user, hold, person_id=hold.person_id, summary="Legal hold lifted")
    return hold


def approve(
    person: Person, *, user: Any, note: str = "", today: dt.date | None = None
) -> DestructionApproval:
    """A named officer approves destroying a record the review shows as due."""
    _may(user)
    today = today or timezone.localdate()
    review = review_for(person)
    if review is None or review.review_date > today:
        raise ActionError("This record is not yet due for review.")
    if review.on_hold:
        raise ActionError("A legal hold is in place: the record must be kept.")
    with transaction.atomic():
        approval = DestructionApproval.objects.create(
            person=person,
            rule=review.rule,
            review_date=review.review_date,
            approved_by=user,
            approved_at=timezone.now(),
            note=note.strip(),
        )
        record_change(
            user, approval, Event.Action.CREATE, person_id=person.pk, summary="Destruction approved"
        )
    return approval
