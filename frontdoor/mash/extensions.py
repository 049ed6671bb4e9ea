"""Deciding a partner's request for more time on a MASH check (the staff side).

A partner asks with `actions.request_more_time`; the clock keeps running until a MASH
manager or social worker grants it (with a new due time) or refuses it (with a reason the
partner sees). Each action opens its own transaction and writes audit and chronology rows.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.chronology.actions import add_contact_event
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_datetime
from frontdoor.lib.errors import ActionError
from frontdoor.mash.models import AgencyCheck, ExtensionRequest


def _locked_pending(request: ExtensionRequest) -> tuple[ExtensionRequest, AgencyCheck]:
    # Lock both: a grant racing an answer (or a second decision) must see the latest state.
    check = (
        AgencyCheck.objects.select_for_update()
        .select_related("agency", "enquiry__contact")
        .get(pk=request.check_request_id)
    )
    request = ExtensionRequest.objects.select_for_update().get(pk=request.pk)
    if request.decision != ExtensionRequest.Decision.PENDING:
        raise ActionError("This request for more time has already been decided.")
    if not check.is_open():
        raise ActionError("The check is no longer waiting for an answer.")
    return request, check


def _chronicle(check: AgencyCheck, summary: str, at: dt.datetime, user: Any, detail: str) -> None:
    add_contact_event(check.enquiry.contact, Kind.MASH, summary, at, detail=detail, actor=user)


def grant_more_time(
    request: ExtensionRequest,
    user: Any,
    *,
    new_due_at: dt.datetime,
    at: dt.datetime | None = None,
) -> ExtensionRequest:
    """Agree to more time: the check's clock is re-set to `new_due_at`."""
    now = at or timezone.now()
    if timezone.is_naive(new_due_at):
        raise ActionError("Give the new due time with its time zone.", field="new_due_date")
    with transaction.atomic():
        request, check = _locked_pending(request)
        if new_due_at <= check.due_at:
            raise ActionError(
                "The new due time must be later than the current one "
                f"({govuk_datetime(check.due_at)}).",
                field="new_due_date",
            )
        if new_due_at <= now:
            raise ActionError("The new due time must be in the future.", field="new_due_date")
        before = check.due_at
        check.due_at = new_due_at
        # No longer overdue: if the new time lapses too, that is a new lapse and is notified.
        check.is_overdue = False
        check.overdue_notified_at = None
        check.save(update_fields=["due_at", "is_overdue", "overdue_notified_at"])
        request.decision = ExtensionRequest.Decision.GRANTED
        request.decided_by = user
        request.decided_at = now
        request.previous_due_at = before
        request.granted_due_at = new_due_at
        request.save()
        summary = f"More time granted to {check.agency.name} for the MASH check"
        changes = {"before": before.isoformat(), "after": new_due_at.isoformat()}
        record_change(user, request, contact_id=check.enquiry.contact_id, summary=summary)
        record_change(
            user,
            check,
            contact_id=check.enquiry.contact_id,
            summary=f"Check for {check.agency.name} re-timed: more time granted",
            changes=changes,
        )
        _chronicle(check, summary, now, user, f"Now due {govuk_datetime(new_due_at)}.")
    return request


def refuse_more_time(
    request: ExtensionRequest, user: Any, *, reason: str, at: dt.datetime | None = None
) -> ExtensionRequest:
    """Refuse more time, saying why (the partner sees the reason); the clock is unchanged."""
    if not reason.strip():
        raise ActionError("Say why more time is refused.", field="reason")
    now = at or timezone.now()
    with transaction.atomic():
        request, check = _locked_pending(request)
        request.decision = ExtensionRequest.Decision.REFUSED
        request.decided_by = user
        request.decided_at = now
        request.decision_reason = reason.strip()
        request.save()
        summary = f"More time refused to {check.agency.name} for the MASH check"
        record_change(
            user,
            request,
            contact_id=check.enquiry.contact_id,
            summary=summary,
            changes={"reason": request.decision_reason},
        )
        _chronicle(check, summary, now, user, request.decision_reason)
    return request
