"""Which casework a user may open, and whose caseloads (ADR 0005).

An episode is visible when its child's record is (people.access); a team manager may open
the caseloads of the workers in their own team.
"""

from typing import Any

from frontdoor.accounts import access
from frontdoor.accounts.models import User
from frontdoor.casework.models import CINEpisode, CINEpisodeQuerySet, SafetyMap
from frontdoor.people import access as people_access


def episodes_visible_to(user: Any) -> CINEpisodeQuerySet:
    """CIN episodes of the children whose records `user` may open."""
    return CINEpisode.objects.filter(person__in=people_access.visible_to(user)).select_related(
        "person", "team", "allocated_worker"
    )


def safety_maps_visible_to(user: Any) -> Any:
    """Signs of Safety maps of the episodes `user` may open."""
    return SafetyMap.objects.filter(episode__in=episodes_visible_to(user))


def caseload_workers(user: Any) -> list[User]:
    """Whose caseloads a manager may open: the workers in their team who hold cases."""
    if not access.can_manage_team_caseloads(user):
        return []
    return list(
        access.staff_who_hold_cases().filter(team=user.team_id).order_by("first_name", "last_name")
    )
