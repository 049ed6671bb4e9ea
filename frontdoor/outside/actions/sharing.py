"""Recorded decisions to share a person's ROTH record with a partner agency (DfE
information sharing advice: record the decision and the reasons, domain.md §5)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import actor
from frontdoor.outside.models import SharingDecision
from frontdoor.people.models import Person


def record_sharing_decision(
    person: Person,
    *,
    agency: Any,
    is_shared: bool,
    reason: str,
    user: Any,
    at: dt.datetime | None = None,
) -> SharingDecision:
    """Share (or decide not to share) a person's ROTH record with one partner agency."""
    if not reason.strip():
        raise ActionError("Say why the record is, or is not, shared.", field="reason")
    with transaction.atomic():
        decision = SharingDecision.objects.create(
            person=person,
            agency=agency,
            is_shared=is_shared,
            reason=reason,
            decided_by=actor(user),
            decided_at=at or timezone.now(),
        )
        record_change(
            user,
            decision,
            AuditEvent.Action.CREATE,
            person_id=person.pk,
            summary=f"ROTH record {'shared' if is_shared else 'not shared'} with {agency.name}",
        )
    return decision
