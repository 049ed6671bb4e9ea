"""Out-of-hours handover: what the emergency duty team needs the day team to do.

A contact taken out of hours (channel `out_of_hours`) carries handover items. Each stays on
the morning handover list until someone in the day team accepts it, so nothing the night
worker started is lost between shifts (issue 3, item 7). Every action opens its own
transaction and writes its audit and chronology rows in it.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_contact_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.actions import receive_contact
from frontdoor.contacts.codes import Channel
from frontdoor.contacts.inputs import ContactInput
from frontdoor.contacts.models import Consultation, Contact, HandoverItem
from frontdoor.lib.errors import ActionError

MAX_TEXT = 5000


@dataclass(frozen=True)
class HandoverInput:
    needs_doing: str
    done_overnight: str = ""


def _check_items(contact: Contact, items: Sequence[HandoverInput]) -> None:
    if contact.channel != Channel.OUT_OF_HOURS:
        raise ActionError("Handover actions are only for contacts taken out of hours.")
    if not items:
        raise ActionError("Say what the day team needs to do.", field="handover_needs_doing")
    for item in items:
        if not item.needs_doing.strip():
            raise ActionError("Say what the day team needs to do.", field="handover_needs_doing")
        if len(item.needs_doing) > MAX_TEXT or len(item.done_overnight) > MAX_TEXT:
            raise ActionError(
                f"Keep each handover action under {MAX_TEXT} characters.",
                field="handover_needs_doing",
            )


def _chronicle(contact: Contact, summary: str, at: dt.datetime, actor: Any, detail: str) -> None:
    add_contact_event(contact, Kind.HANDOVER, summary, at, detail=detail, actor=actor)


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def record_handover_items(
    contact: Contact,
    user: Any,
    items: Sequence[HandoverInput],
    *,
    at: dt.datetime | None = None,
) -> list[HandoverItem]:
    """Record what the day team needs to do about an out-of-hours contact."""
    _check_items(contact, items)
    now = at or timezone.now()
    created = []
    with transaction.atomic():
        for item in items:
            handover = HandoverItem.objects.create(
                contact=contact,
                needs_doing=item.needs_doing.strip(),
                done_overnight=item.done_overnight.strip(),
                recorded_by=_actor(user),
                recorded_at=now,
            )
            record_change(
                user,
                handover,
                AuditEvent.Action.CREATE,
                actor_label=None if _actor(user) else "emergency duty",
                contact_id=contact.pk,
                summary="Out-of-hours handover action recorded",
                changes={"needs_doing": handover.needs_doing},
            )
            _chronicle(
                contact,
                "Out-of-hours handover: " + handover.needs_doing,
                now,
                _actor(user),
                handover.done_overnight,
            )
            created.append(handover)
    return created


def add_handover_item(
    contact: Contact,
    user: Any,
    *,
    needs_doing: str,
    done_overnight: str = "",
    at: dt.datetime | None = None,
) -> HandoverItem:
    """Add one more handover action to an out-of-hours contact."""
    item = HandoverInput(needs_doing=needs_doing, done_overnight=done_overnight)
    return record_handover_items(contact, user, [item], at=at)[0]


def receive_out_of_hours_contact(
    data: ContactInput,
    items: Sequence[HandoverInput],
    *,
    actor: Any,
    received_at: dt.datetime | None = None,
    from_consultation: Consultation | None = None,
) -> Contact:
    """Record an out-of-hours contact and its handover actions together (one transaction)."""
    if not items or not all(item.needs_doing.strip() for item in items):
        raise ActionError("Say what the day team needs to do.", field="handover_needs_doing")
    received_at = received_at or timezone.now()
    with transaction.atomic():
        contact = receive_contact(
            data,
            channel=Channel.OUT_OF_HOURS,
            actor=actor,
            received_at=received_at,
            from_consultation=from_consultation,
        )
        record_handover_items(contact, actor, items, at=received_at)
    return contact


def accept_handover_item(
    item: HandoverItem, user: Any, *, at: dt.datetime | None = None
) -> HandoverItem:
    """Someone in the day team takes on a handover action: it leaves the morning list."""
    if not getattr(user, "is_authenticated", False):
        raise ActionError("A named member of the day team must accept the handover.")
    now = at or timezone.now()
    with transaction.atomic():
        # Lock: two day workers pressing Accept together must not both take it on.
        item = HandoverItem.objects.select_for_update().get(pk=item.pk)
        if item.accepted_at is not None:
            raise ActionError("Someone in the day team has already accepted this handover.")
        if item.recorded_by_id == user.pk:
            raise ActionError("You recorded this handover; someone in the day team must accept it.")
        if now < item.recorded_at:
            raise ActionError("A handover cannot be accepted before it was recorded.")
        item.accepted_by = user
        item.accepted_at = now
        item.save(update_fields=["accepted_by", "accepted_at"])
        contact = Contact.objects.get(pk=item.contact_id)
        record_change(
            user,
            item,
            contact_id=contact.pk,
            summary="Out-of-hours handover accepted by the day team",
            changes={"needs_doing": item.needs_doing},
        )
        _chronicle(
            contact,
            f"Handover accepted by {user.display_name}: {item.needs_doing}",
            now,
            user,
            "",
        )
    return item


def complete_handover_item(
    item: HandoverItem, user: Any, *, note: str = "", at: dt.datetime | None = None
) -> HandoverItem:
    """Mark a handover action done (accepting it too, if nobody had yet)."""
    if not getattr(user, "is_authenticated", False):
        raise ActionError("A named member of the day team must mark the handover done.")
    now = at or timezone.now()
    with transaction.atomic():
        item = HandoverItem.objects.select_for_update().get(pk=item.pk)
        if item.done_at is not None:
            raise ActionError("This handover action is already done.")
        if item.accepted_at is None:
            item = accept_handover_item(item, user, at=now)
        item.done_by = user
        item.done_at = now
        item.done_note = note.strip()
        item.save(update_fields=["done_by", "done_at", "done_note"])
        contact = Contact.objects.get(pk=item.contact_id)
        record_change(
            user,
            item,
            contact_id=contact.pk,
            summary="Out-of-hours handover action done",
            changes={"needs_doing": item.needs_doing, "note": item.done_note},
        )
        _chronicle(contact, f"Handover action done: {item.needs_doing}", now, user, note)
    return item
