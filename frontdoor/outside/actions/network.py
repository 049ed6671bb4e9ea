"""The network around children at risk: entities (places, vehicles, phones, accounts, peer
groups, schools), links from a child to a person or an entity, and MACE referrals of a
child or of a context (contextual safeguarding, domain.md §6)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError
from frontdoor.lib.identifiers import is_valid_postcode, normalise_postcode
from frontdoor.outside.actions.bookkeeping import actor, audit_only, log
from frontdoor.outside.codes import CONTEXT_KINDS, Confidence, EntityKind, LinkSource
from frontdoor.outside.models import ContextReferral, Entity, NetworkLink, ReturnInterview
from frontdoor.people.models import Person


def find_or_add_entity(
    kind: str,
    name: str,
    postcode: str = "",
    *,
    user: Any,
    detail: str = "",
    at: dt.datetime | None = None,
) -> Entity:
    """The entity of that kind, name and postcode, added if it is new."""
    name = " ".join(name.split())
    if kind not in EntityKind.values:
        raise ActionError("Choose what kind of thing this is.", field="kind")
    if not name:
        raise ActionError("Give its name (a place, number, account or group).", field="name")
    postcode = normalise_postcode(postcode) if postcode.strip() else ""
    if postcode and not is_valid_postcode(postcode):
        raise ActionError("Enter a real postcode, like BS23 1UJ.", field="postcode")
    with transaction.atomic():
        entity, created = Entity.objects.get_or_create(
            kind=kind,
            name__iexact=name,
            postcode=postcode,
            defaults={"name": name, "detail": detail, "created_at": at or timezone.now()},
        )
        if created:
            audit_only(
                user, entity, f"Added {entity.get_kind_display().lower()}: {entity}", created=True
            )
    return entity


def add_link(
    child: Person,
    *,
    source: str,
    seen_on: dt.date,
    confidence: str,
    user: Any,
    other: Person | None = None,
    entity: Entity | None = None,
    relation: str = "",
    is_of_concern: bool = False,
    interview: ReturnInterview | None = None,
    at: dt.datetime | None = None,
) -> NetworkLink:
    """Link a child to a person or an entity, saying where it came from, when and how sure."""
    now = at or timezone.now()
    if not child.is_child:
        raise ActionError("A link starts from a child.", field="child")
    if (other is None) == (entity is None):
        raise ActionError("Link the child to one person or one thing.", field="other")
    if other is not None and other.pk == child.pk:
        raise ActionError("A child cannot be linked to themselves.", field="other")
    if source not in LinkSource.values:
        raise ActionError("Choose where this link comes from.", field="source")
    if confidence not in Confidence.values:
        raise ActionError("Choose how sure the link is.", field="confidence")
    if seen_on > timezone.localdate(now):
        raise ActionError("The date cannot be in the future.", field="seen_on")
    with transaction.atomic():
        link = NetworkLink.objects.create(
            child=child,
            other=other,
            entity=entity,
            is_of_concern=is_of_concern,
            relation=relation[:120],
            source=source,
            seen_on=seen_on,
            confidence=confidence,
            interview=interview,
            recorded_by=actor(user),
            created_at=now,
        )
        audit_only(
            user,
            link,
            f"Linked to {link.target_name} ({relation or 'link'})",
            created=True,
            person_id=child.pk,
        )
    return link


def refer_to_mace(
    *,
    user: Any,
    reason: str,
    person: Person | None = None,
    entity: Entity | None = None,
    at: dt.datetime | None = None,
) -> ContextReferral:
    """Refer a child, or a context (a peer group, school, place or online space), to MACE."""
    now = at or timezone.now()
    if (person is None) == (entity is None):
        raise ActionError("Refer one child or one context.")
    if entity is not None and entity.kind not in CONTEXT_KINDS:
        raise ActionError("Only a place, peer group, school or online space is a context.")
    if not reason.strip():
        raise ActionError("Say why it is referred.", field="reason")
    with transaction.atomic():
        referral = ContextReferral.objects.create(
            person=person, entity=entity, reason=reason, referred_by=actor(user), referred_at=now
        )
        if person is not None:
            log(
                user,
                referral,
                person,
                Kind.ROTH_MEETING,
                "Referred to the MACE panel",
                now,
                created=True,
            )
        else:
            audit_only(user, referral, f"Context referred to MACE: {entity}", created=True)
    return referral
