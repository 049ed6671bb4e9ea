"""Every state change of a CIN episode."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError


def open_cin_episode(
    person: Any,
    *,
    contact: Any,
    referral_date: dt.date,
    source: str,
    user: Any,
    referral_nfa: bool = False,
    at: dt.datetime | None = None,
) -> CINEpisode:
    """Open a child in need episode: the referral (DfE CINreferralDate and ReferralSource)."""
    if CINEpisode.objects.currently_open().filter(person=person).exists():
        raise ActionError(f"{person.full_name} already has an open episode.")
    try:
        with transaction.atomic():
            episode = CINEpisode.objects.create(
                person=person,
                contact=contact,
                referral_date=referral_date,
                referral_source=source,
                referral_nfa=referral_nfa,
            )
    except IntegrityError as error:  # a concurrent referral opened one first
        raise ActionError(f"{person.full_name} already has an open episode.") from error
    record_change(
        user,
        episode,
        AuditEvent.Action.CREATE,
        person_id=person.pk,
        contact_id=getattr(contact, "pk", None),
        summary="Referral: CIN episode opened",
    )
    add_event(
        person,
        Kind.REFERRAL,
        "Referral to children's social care: episode opened",
        at or (contact.decided_at if contact and contact.decided_at else contact.received_at),
        contact=contact,
        actor=user,
    )
    return episode
