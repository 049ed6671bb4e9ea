"""Add events to a child's chronology, inside the calling action's transaction."""

import datetime as dt
from typing import Any

from frontdoor.chronology.models import Event


def add_event(
    person: Any,
    kind: str,
    summary: str,
    occurred_at: dt.datetime,
    *,
    detail: str = "",
    contact: Any = None,
    actor: Any = None,
    about: Any = None,
) -> Event:
    """Append one event to `person`'s chronology; `about` is another person it names."""
    return Event.objects.create(
        person=person,
        kind=kind,
        summary=summary[:300],
        detail=detail,
        occurred_at=occurred_at,
        contact=contact,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        about=about,
    )


def add_contact_event(
    contact: Any,
    kind: str,
    summary: str,
    occurred_at: dt.datetime,
    *,
    detail: str = "",
    actor: Any = None,
) -> list[Event]:
    """Append one event about `contact` to the chronology of each of its linked children."""
    return [
        add_event(person, kind, summary, occurred_at, detail=detail, contact=contact, actor=actor)
        for person in contact.linked_children()
    ]
