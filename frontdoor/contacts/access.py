"""Which contacts, decisions and handover items a user may open (ADR 0005).

Partners see only the contacts their own agency sent; staff see every contact except those
about a child whose record is restricted to another team.
"""

from typing import Any

from django.db.models import Q

from frontdoor.accounts import access
from frontdoor.contacts.models import Contact as Contact
from frontdoor.contacts.models import ContactQuerySet, Decision, HandoverItem, SubjectCandidate
from frontdoor.people import access as people_access


def visible_to(user: Any) -> ContactQuerySet:
    """Contacts `user` may open: partners only their own agency's; staff all but restricted."""
    if access.is_partner(user):
        if not user.agency_id:
            return Contact.objects.none()
        return visible_to_agency(user.agency_id)
    if not access.is_staff_member(user):
        return Contact.objects.none()
    if access.sees_every_restricted_record(user):
        return Contact.objects.all()
    hidden = Q(subjects__person__restricted_to_team__isnull=False)
    if user.team_id:
        hidden &= ~Q(subjects__person__restricted_to_team=user.team_id)
    return Contact.objects.exclude(hidden)


def visible_to_agency(agency: Any) -> ContactQuerySet:
    """Contacts a partner agency (its staff, or its system through the API) may read back:
    those it sent."""
    return Contact.objects.filter(referrer_agency=agency)


def visible_ids(user: Any, ids: set[int]) -> set[int]:
    """Those of `ids` that `user` may open (to link to them, or not, from another page)."""
    return set(visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def candidates_visible_to(user: Any) -> Any:
    """People suggested at intake as a contact's subject, on contacts `user` may open, and
    only those people whose records `user` may open (the others are never named)."""
    return SubjectCandidate.objects.filter(
        subject__contact__in=visible_to(user), person__in=people_access.visible_to(user)
    ).select_related("person")


def decisions_awaiting_authorisation_for(user: Any) -> "Any":
    """Decisions waiting for a manager, on contacts `user` may open."""
    return Decision.objects.filter(
        status=Decision.Status.AWAITING_AUTHORISATION, contact__in=visible_to(user)
    )


def handover_items_visible_to(user: Any) -> "Any":
    """Out-of-hours handover items: front-door staff, on contacts they may open."""
    if not access.works_at_front_door(user):
        return HandoverItem.objects.none()
    return HandoverItem.objects.filter(contact__in=visible_to(user))
