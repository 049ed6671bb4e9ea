"""Which casework a user may open, and whose caseloads (ADR 0005).

An episode is visible when its child's record is (people.access); it may be changed only by
its allocated worker, the team that holds it or a team manager (`can_change`); a team manager
may open the caseloads of the workers in their own team.
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


def can_change(user: Any, episode: CINEpisode) -> bool:
    """May record on this episode (accounts.access.can_change_case: allocation or team)."""
    return access.can_change_case(
        user, worker_id=episode.allocated_worker_id, team_id=episode.team_id
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
