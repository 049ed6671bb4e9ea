"""Return home interviews: allocated by the ROTH team to a named worker (often a family
wellbeing support worker, 003_…txt), offered within 72 hours of the return, and recorded
with what the child said, the push and pull factors, and where they went and with whom.

The interviewer must be independent: the child's allocated social worker may neither be
allocated the interview nor hold it (2014 statutory guidance, domain.md §6).
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.casework.models import CINEpisode
from frontdoor.chronology.models import Kind
from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import log
from frontdoor.outside.actions.network import add_link, find_or_add_entity
from frontdoor.outside.codes import Confidence, EntityKind, InterviewOutcome, LinkSource
from frontdoor.outside.models import MissingEpisode, PushPullFactor, ReturnInterview
from frontdoor.people.actions import create_person
from frontdoor.people.models import Person


@dataclass
class InterviewInput:
    """What a return home interview records (the form and the generator fill one)."""

    offered_at: dt.datetime
    outcome: str
    interviewer: Any
    held_at: dt.datetime | None = None
    factors: list[PushPullFactor] = field(default_factory=list)
    child_said: str = ""
    where_went: str = ""
    with_whom: str = ""
    actions_agreed: str = ""
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, postcode)
    adults: list[Person] = field(default_factory=list)  # adults of concern in the index
    new_adults: list[tuple[str, str]] = field(default_factory=list)  # (given, family) to add


def _check_independent(episode: MissingEpisode, worker: Any) -> None:
    allocated = CINEpisode.objects.filter(
        person=episode.person_id, closure_date__isnull=True, allocated_worker=worker
    ).exists()
    if allocated:
        raise ActionError(
            f"{worker.get_full_name() or worker.username} is the child's allocated social "
            "worker: the return home interview must be held by someone independent.",
            field="interviewer",
        )
    if not access.can_hold_return_interviews(worker):
        raise ActionError(
            "Choose a ROTH or family wellbeing worker to hold the interview.", field="interviewer"
        )


def _interview(episode: MissingEpisode) -> ReturnInterview:
    interview, _ = ReturnInterview.objects.select_for_update().get_or_create(episode=episode)
    return interview


def allocate_return_interview(
    episode: MissingEpisode, *, worker: Any, user: Any, at: dt.datetime | None = None
) -> ReturnInterview:
    """Allocate the interview to a named, independent worker."""
    now = at or timezone.now()
    if not episode.has_returned:
        raise ActionError("Record the child's return before allocating the interview.")
    _check_independent(episode, worker)
    with transaction.atomic():
        interview = _interview(episode)
        interview.allocated_to, interview.allocated_at = worker, now
        interview.save(update_fields=["allocated_to", "allocated_at"])
        log(
            user,
            interview,
            episode.person,
            Kind.RETURN_INTERVIEW,
            f"Return home interview allocated to {worker.get_full_name() or worker.username}",
            now,
        )
    return interview


def record_interview_offer(
    episode: MissingEpisode, *, offered_at: dt.datetime, user: Any, at: dt.datetime | None = None
) -> ReturnInterview:
    """The interview was offered (stops the 72-hour clock); its outcome may follow later."""
    now = at or timezone.now()
    if not episode.has_returned:
        raise ActionError("Record the child's return before offering the interview.")
    if episode.returned_at is not None and offered_at < episode.returned_at:
        raise ActionError("The offer cannot be before the child's return.", field="offered_at")
    if offered_at > now:
        raise ActionError("The offer cannot be in the future.", field="offered_at")
    with transaction.atomic():
        interview = _interview(episode)
        if interview.offered_at is not None:
            raise ActionError("The interview has already been offered.")
        interview.offered_at = offered_at
        interview.save(update_fields=["offered_at"])
        MissingEpisode.objects.filter(pk=episode.pk).update(is_return_interview_offered=True)
        log(
            user,
            interview,
            episode.person,
            Kind.RETURN_INTERVIEW,
            "Return home interview offered",
            offered_at,
        )
    return interview


def _check_interview(episode: MissingEpisode, data: InterviewInput, now: dt.datetime) -> None:
    if not episode.has_returned or episode.returned_at is None:
        raise ActionError("Record the child's return before the interview.")
    if data.outcome not in InterviewOutcome.values:
        raise ActionError("Choose whether the child accepted the interview.", field="outcome")
    if data.offered_at < episode.returned_at:  # the returned_at of a migrated record is midday
        raise ActionError("The offer cannot be before the child's return.", field="offered_at")
    if data.offered_at > now:
        raise ActionError("The offer cannot be in the future.", field="offered_at")
    if data.outcome == InterviewOutcome.ACCEPTED:
        if data.held_at is None or data.held_at < data.offered_at or data.held_at > now:
            raise ActionError(
                "Give when the interview was held: after the offer, not in the future.",
                field="held_at",
            )
        if not data.child_said.strip():
            raise ActionError("Record what the child said.", field="child_said")
    _check_independent(episode, data.interviewer)


def record_return_interview(
    episode: MissingEpisode, data: InterviewInput, *, user: Any, at: dt.datetime | None = None
) -> ReturnInterview:
    """Record the offer and its outcome; an accepted interview adds its places and adults
    to the child's network, each link sourced to this interview."""
    now = at or timezone.now()
    _check_interview(episode, data, now)
    accepted = data.outcome == InterviewOutcome.ACCEPTED
    with transaction.atomic():
        interview = _interview(episode)
        if interview.recorded_at is not None:
            raise ActionError("This return home interview has already been recorded.")
        interview.allocated_to = interview.allocated_to or data.interviewer
        interview.interviewer = data.interviewer
        interview.offered_at, interview.outcome = data.offered_at, data.outcome
        interview.held_at = data.held_at if accepted else None
        interview.child_said, interview.where_went = data.child_said, data.where_went[:300]
        interview.with_whom, interview.actions_agreed = data.with_whom[:300], data.actions_agreed
        interview.recorded_at = now
        interview.save()
        interview.factors.set(data.factors)
        MissingEpisode.objects.filter(pk=episode.pk).update(
            is_return_interview_offered=True, is_return_interview_accepted=accepted
        )
        seen_on = timezone.localdate(data.held_at or data.offered_at)
        for name, postcode in data.places if accepted else []:
            place = find_or_add_entity(EntityKind.PLACE, name, postcode, user=user, at=now)
            add_link(
                episode.person,
                entity=place,
                relation="went to",
                source=LinkSource.INTERVIEW,
                seen_on=seen_on,
                confidence=Confidence.PROBABLE,
                user=user,
                interview=interview,
                at=now,
            )
        added = [
            create_person(user, kind=Person.Kind.ADULT, given_name=given, family_name=family)
            for given, family in (data.new_adults if accepted else [])
        ]
        for adult in [*data.adults, *added] if accepted else []:
            add_link(
                episode.person,
                other=adult,
                relation="was with",
                source=LinkSource.INTERVIEW,
                seen_on=seen_on,
                confidence=Confidence.PROBABLE,
                user=user,
                interview=interview,
                is_of_concern=True,
                at=now,
            )
        log(
            user,
            interview,
            episode.person,
            Kind.RETURN_INTERVIEW,
            f"Return home interview offered: {InterviewOutcome(data.outcome).label.lower()}",
            data.held_at or data.offered_at,
        )
    return interview
