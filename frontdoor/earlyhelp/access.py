"""Which families' early help a user may open and work on (ADR 0005).

Staff see every family's early help except where a child's record is restricted to another
team (social-care restrictions stay in force). A partner's practitioner sees only the
families they lead or are in the team around. A record a user may not see is a 404.
"""

from typing import Any

from django.db.models import Q

from frontdoor.accounts import access
from frontdoor.earlyhelp.models import Episode, EpisodeQuerySet, Member, StepDecision
from frontdoor.people import access as people_access


def visible_to(user: Any) -> EpisodeQuerySet:
    """Early-help episodes `user` may open."""
    if access.is_partner(user):
        mine = Q(lead_professional=user) | Q(taf_members__user=user)
        found = Episode.objects.filter(pk__in=Episode.objects.filter(mine).values("pk"))
    elif access.is_staff_member(user):
        found = Episode.objects.all()
    else:
        return Episode.objects.none()
    if access.sees_every_restricted_record(user):
        return found
    hidden = Member.objects.exclude(people_access.restriction_filter(user, "person__"))
    return found.exclude(pk__in=hidden.values("episode_id"))


def can_work_on(user: Any, episode: Episode) -> bool:
    """May record work on this family's early help: practitioners and managers, and the
    partner practitioner who leads it or is in its team."""
    if access.can_record_early_help(user):
        return True
    if not access.is_partner(user):
        return False
    return episode.lead_professional_id == user.pk or episode.taf_members.filter(user=user).exists()


def step_decisions_visible_to(user: Any) -> Any:
    """Step decisions about the families `user` may open."""
    return StepDecision.objects.filter(episode__in=visible_to(user))


def opens_child_records(user: Any) -> bool:
    """Whether pages may link a child's name to their record (partners cannot open it)."""
    return access.is_staff_member(user)
