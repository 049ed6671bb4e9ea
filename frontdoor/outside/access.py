"""Who may see what of risk outside the home (ADR 0005; this app's ADR).

- The ROTH team and MASH managers (`works_on_risk_outside_home`) see every missing episode,
  screening, link and meeting of the children whose records they may open (people.access:
  a record restricted to another team stays hidden).
- A family wellbeing support worker sees the episodes whose return home interview is
  allocated to them.
- A partner sees the episodes their agency reported, and the ROTH record of a person only
  after a recorded decision to share it with their agency (`SharingDecision`).
- Other staff who may open a child's record see the child's missing episodes on the
  casework page and the chronology (the looked-after "missing from placement" record was
  casework's), not the interviews' content, screenings or the network.
"""

from typing import Any

from django.db.models import Q, QuerySet

from frontdoor.accounts import access
from frontdoor.accounts.models import Agency
from frontdoor.outside.models import (
    MissingEpisode,
    MissingEpisodeQuerySet,
    NetworkLink,
    Screening,
    SharingDecision,
)
from frontdoor.outside.network_models import NetworkLinkQuerySet
from frontdoor.outside.screening_models import ScreeningQuerySet
from frontdoor.people import access as people_access
from frontdoor.people.models import Person, PersonQuerySet


def shared_people(agency_id: int | None) -> QuerySet[Any]:
    """Ids of the people whose ROTH record was shared with the agency."""
    return SharingDecision.objects.with_agency(agency_id).values("person_id")


def people_visible_to(user: Any) -> PersonQuerySet:
    """People whose ROTH record (episodes, screenings, network) `user` may open."""
    if access.works_on_risk_outside_home(user):
        return people_access.visible_to(user)
    if access.is_partner(user):
        return Person.objects.filter(pk__in=shared_people(user.agency_id))
    return Person.objects.none()


def episodes_visible_to(user: Any) -> MissingEpisodeQuerySet:
    """Missing episodes `user` may open on the ROTH pages."""
    episodes = MissingEpisode.objects.select_related("person", "reported_by_agency")
    if access.works_on_risk_outside_home(user):
        return episodes.filter(person__in=people_access.visible_to(user))
    if access.can_hold_return_interviews(user):
        return episodes.filter(interview__allocated_to=user)
    if access.is_partner(user):
        return episodes.filter(
            Q(reported_by_agency=user.agency_id) | Q(person__in=shared_people(user.agency_id))
        )
    return episodes.none()


def episodes_for_agency(agency: Agency) -> MissingEpisodeQuerySet:
    """What a partner agency's system may read: the episodes it reported."""
    return MissingEpisode.objects.filter(reported_by_agency=agency)


def episodes_on_child_record(user: Any, person: Person) -> MissingEpisodeQuerySet:
    """The child's episodes as the casework page and record page list them: for anyone who
    may open the child's record (people.access)."""
    if not people_access.visible_to(user).filter(pk=person.pk).exists():
        return MissingEpisode.objects.none()
    return MissingEpisode.objects.filter(person=person)


def can_record(user: Any) -> bool:
    """May record episodes, screenings, links and meetings (the ROTH team)."""
    return access.works_on_risk_outside_home(user)


def can_record_interview(user: Any, episode: MissingEpisode) -> bool:
    """The ROTH team, or the worker the interview is allocated to."""
    if access.works_on_risk_outside_home(user):
        return True
    interview = getattr(episode, "interview", None)
    return bool(
        access.can_hold_return_interviews(user)
        and interview is not None
        and interview.allocated_to_id == user.pk
    )


def sees_interview_content(user: Any, episode: MissingEpisode) -> bool:
    """What the child said is for the ROTH team, the interviewer and partners it was shared
    with, not for every reader of the episode."""
    if can_record_interview(user, episode):
        return True
    return bool(
        access.is_partner(user)
        and SharingDecision.objects.with_agency(user.agency_id)
        .filter(person=episode.person_id)
        .exists()
    )


def screenings_visible_to(user: Any) -> ScreeningQuerySet:
    return Screening.objects.filter(person__in=people_visible_to(user))


def links_visible_to(user: Any) -> NetworkLinkQuerySet:
    """Links whose child (and other person, if any) `user` may open."""
    people = people_visible_to(user)
    return NetworkLink.objects.filter(child__in=people).filter(
        Q(other__isnull=True) | Q(other__in=people)
    )
