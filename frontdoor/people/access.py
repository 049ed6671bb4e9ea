"""Which people a user may open (ADR 0005: one module per app, built from accounts.access).

Partners see no child's record until information is shared with their agency through the
MASH; staff see every record except those restricted to another team. A record someone may
not see is a 404, and it is never named on another record's page.
"""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.people.models import BreakGlass, DuplicatePair, Merge, Person, PersonQuerySet


def restriction_filter(user: Any, prefix: str = "") -> Q:
    """The people `user` may see as far as restriction to a team goes, reached through
    `prefix` ("subjects__person__") from another model."""
    if access.sees_every_restricted_record(user):
        return Q()
    restricted = Q(**{f"{prefix}restricted_to_team__isnull": True})
    if user.team_id:
        restricted |= Q(**{f"{prefix}restricted_to_team": user.team_id})
    opened = BreakGlass.objects.filter(user=user, expires_at__gt=timezone.now())
    return restricted | Q(**{f"{prefix}pk__in": opened.values("person_id")})


def may_break_glass(user: Any, person: Person) -> bool:
    """`person`'s record is restricted to another team, and `user` may open it by giving a
    reason (break-glass), which is logged and reported to auditors."""
    return (
        access.can_break_glass(user)
        and person.restricted_to_team_id is not None
        and not visible_to(user).filter(pk=person.pk).exists()
    )


def visible_to(user: Any) -> PersonQuerySet:
    """People whose record `user` may open."""
    if not access.is_staff_member(user):
        return Person.objects.none()
    return Person.objects.filter(restriction_filter(user))


def visible_ids(user: Any, ids: set[int]) -> set[int]:
    """Those of `ids` whose record `user` may open."""
    return set(visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def duplicate_pairs_visible_to(user: Any) -> Any:
    """Possible duplicates both of whose records `user` may open (a restricted record stays
    hidden, and so does its pair)."""
    visible = visible_to(user)
    return DuplicatePair.objects.filter(first__in=visible, second__in=visible)


def merges_visible_to(user: Any) -> Any:
    """Merges both of whose records `user` may open."""
    visible = visible_to(user)
    return Merge.objects.filter(survivor__in=visible, merged__in=visible)
