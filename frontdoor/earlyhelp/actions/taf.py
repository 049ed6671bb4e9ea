"""The team around the family: its members, its meetings and reviews, the family plan."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.earlyhelp.codes import Heading
from frontdoor.earlyhelp.models import Episode, PlanOutcome, ReviewScore, TafMeeting, TafMember
from frontdoor.earlyhelp.rules import (
    actor,
    check_open,
    check_text,
    check_within,
    locked,
    log,
    moment,
)
from frontdoor.lib.errors import ActionError


@dataclass(frozen=True)
class OutcomeInput:
    heading: str
    description: str
    owner: str
    due_on: dt.date


def add_taf_member(
    episode: Episode, *, member: Any, on: dt.date, user: Any, at: dt.datetime | None = None
) -> TafMember:
    """Add a practitioner to the team around the family (a partner then sees the family)."""
    check_open(episode)
    if not (access.can_lead_early_help(member) or access.is_staff_member(member)):
        raise ActionError("Choose a practitioner with an account.", field="member")
    try:
        with transaction.atomic():
            added = TafMember.objects.create(episode=episode, user=member, added_on=on)
            summary = f"{member.display_name} joined the team around the family"
            log(user, added, episode.children(), summary, moment(on, at), created=True)
    except IntegrityError as error:
        raise ActionError(
            f"{member.display_name} is already in the team.", field="member"
        ) from error
    return added


def add_plan_outcomes(
    episode: Episode,
    outcomes: list[OutcomeInput],
    *,
    on: dt.date,
    user: Any,
    at: dt.datetime | None = None,
) -> list[PlanOutcome]:
    """Add outcomes to the family plan, agreed `on` a day: what will be different, whose
    job, by when. The reviews after that day score them."""
    if not outcomes:
        raise ActionError("Add at least one outcome.", field="description_1")
    for n, outcome in enumerate(outcomes, start=1):
        if outcome.heading not in Heading.values:
            raise ActionError("Choose a heading for the outcome.", field=f"heading_{n}")
        check_text(outcome.description, "Say what will be different.", f"description_{n}")
        check_text(outcome.owner, "Say whose job it is.", f"owner_{n}")
    with transaction.atomic():
        episode = locked(episode)
        check_open(episode)
        now = timezone.now()
        check_within(episode, on, "The day the plan was agreed", "on")
        for n, outcome in enumerate(outcomes, start=1):
            if outcome.due_on < on:
                raise ActionError("The date it is due cannot be before today.", field=f"due_on_{n}")
            check_within(episode, outcome.due_on, "The date it is due", f"due_on_{n}")
        made = PlanOutcome.objects.bulk_create(
            PlanOutcome(
                episode=episode,
                heading=o.heading,
                description=o.description.strip(),
                owner=o.owner.strip(),
                due_on=o.due_on,
                added_on=on,
                created_by=actor(user),
                created_at=now,
            )
            for o in outcomes
        )
        detail = "; ".join(f"{o.description} ({o.owner})" for o in outcomes)
        summary = f"Family plan: {len(outcomes)} outcome{'s' if len(outcomes) > 1 else ''} added"
        log(user, episode, episode.children(), summary, moment(on, at), detail=detail)
    return made


def record_taf_meeting(
    episode: Episode,
    *,
    held_on: dt.date,
    agencies: list[Any],
    family_attended: bool,
    child_attended: bool,
    notes: str,
    scores: dict[int, int],
    user: Any,
    at: dt.datetime | None = None,
) -> TafMeeting:
    """Record a team around the family meeting. Once the family plan has outcomes (agreed by
    that day), a meeting is a review: it scores the progress of every open outcome (0 to 10)."""
    with transaction.atomic():
        episode = locked(episode)
        check_open(episode)
        check_within(episode, held_on, "The meeting", "held_on")
        if held_on > timezone.localdate(at or timezone.now()):
            raise ActionError("The meeting cannot be in the future.", field="held_on")
        open_outcomes = list(episode.outcomes.still_open().filter(added_on__lte=held_on))
        is_review = bool(open_outcomes)
        for outcome in open_outcomes:
            score = scores.get(outcome.pk)
            if score is None or not 0 <= score <= 10:
                raise ActionError(
                    f"Score the progress of “{outcome.description}” from 0 to 10.",
                    field=f"score_{outcome.pk}",
                )
        meeting = TafMeeting.objects.create(
            episode=episode,
            held_on=held_on,
            is_review=is_review,
            family_attended=family_attended,
            child_attended=child_attended,
            notes=notes.strip(),
            recorded_by=actor(user),
            created_at=timezone.now(),
        )
        if agencies:
            meeting.agencies.set(agencies)
        ReviewScore.objects.bulk_create(
            ReviewScore(meeting=meeting, outcome=o, score=scores[o.pk]) for o in open_outcomes
        )
        came = ", ".join(a.name for a in agencies) or "no partner agency"
        what = "Team around the family review" if is_review else "Team around the family meeting"
        log(
            user,
            meeting,
            episode.children(),
            what,
            moment(held_on, at),
            created=True,
            detail=f"Attended: {came}.",
        )
    return meeting
