"""Opening a family's early help (or joining it), choosing its lead professional, closing it."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.earlyhelp.codes import (
    DEFAULT_SERVICES,
    ClosureReason,
    Heading,
    OutcomeResult,
    Route,
)
from frontdoor.earlyhelp.models import (
    AchievedHeading,
    Episode,
    Member,
    PlanOutcome,
    Service,
    children_names,
)
from frontdoor.earlyhelp.rules import actor, check_open, check_text, locked, log, moment
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


def _default_service() -> Service:
    """The first service offered (the council's list, or its defaults if it has none)."""
    if not Service.objects.exists():
        for name, order in DEFAULT_SERVICES:
            Service.objects.get_or_create(name=name, defaults={"order": order})
    service = Service.objects.filter(is_active=True).order_by("order", "name").first()
    if service is None:
        raise ActionError("Add an early-help service in the settings first.")
    return service


def open_or_join_episode(
    children: list[Any],
    *,
    route: str,
    reason: str,
    user: Any,
    start_date: dt.date,
    service: Service | None = None,
    lead_professional: Any = None,
    contact: Any = None,
    cin_episode: Any = None,
    social_care_summary: str = "",
    at: dt.datetime | None = None,
) -> tuple[Episode, bool]:
    """Open a family's early-help episode, or hand the children to the one already open.

    One child has at most one open episode: if any of `children` is in an open episode, the
    others join it (a sibling joins the family's episode) and it is returned with False.
    `route` says how the family came (codes.Route). Call inside the deciding action's
    transaction (a front-door decision, a step-down) so both commit together.
    """
    if not children:
        raise ActionError("Name at least one child for early help.", field="children")
    if route not in Route.values:
        raise ActionError("Say how the family came to early help.", field="route")
    if lead_professional is not None and not access.can_lead_early_help(lead_professional):
        raise ActionError("Choose a family support worker or a partner practitioner.")
    when = at or moment(start_date, None)
    try:
        with transaction.atomic():
            held = Member.objects.currently_open().filter(person__in=children)
            joined = held.select_related("episode").first()
            if joined is not None:
                episode = joined.episode
                _join(
                    episode,
                    [c for c in children if c.pk not in held.values_list("person_id", flat=True)],
                    start_date,
                    user,
                    when,
                )
                if social_care_summary and not episode.social_care_summary:
                    Episode.objects.filter(pk=episode.pk).update(
                        social_care_summary=social_care_summary
                    )
                return episode, False
            episode = Episode.objects.create(
                service=service or _default_service(),
                lead_professional=lead_professional,
                start_date=start_date,
                reason=check_text(reason, "Say why the family needs early help.", "reason"),
                route=route,
                contact=contact,
                cin_episode=cin_episode,
                social_care_summary=social_care_summary,
                review_weeks=settings.FRONTDOOR_EARLY_HELP_REVIEW_WEEKS,
                created_by=actor(user),
                created_at=timezone.now(),
            )
            Member.objects.bulk_create(
                Member(episode=episode, person=child, joined_on=start_date) for child in children
            )
            log(
                user,
                episode,
                children,
                f"Early help started: {Route(route).label}",
                when,
                created=True,
                detail=episode.reason,
                contact=contact,
            )
    except IntegrityError as error:  # another decision opened one for a child meanwhile
        raise ActionError(
            f"{children_names(children)} already has an open early-help episode."
        ) from error
    return episode, True


def _join(
    episode: Episode, children: list[Any], day: dt.date, user: Any, when: dt.datetime
) -> None:
    if not children:
        return
    check_open(episode)
    joined_on = max(day, episode.start_date)
    Member.objects.bulk_create(
        Member(episode=episode, person=child, joined_on=joined_on) for child in children
    )
    log(user, episode, children, "Joined the family's early help", when)


def add_children(
    episode: Episode, children: list[Any], *, on: dt.date, user: Any, at: dt.datetime | None = None
) -> Episode:
    """A sibling joins the family's open episode (one open episode per child)."""
    check_open(episode)
    if Member.objects.currently_open().filter(person__in=children).exists():
        raise ActionError("A child already in early help cannot join a second episode.")
    try:
        with transaction.atomic():
            _join(episode, children, on, user, moment(on, at))
    except IntegrityError as error:
        raise ActionError("A child already in early help cannot join a second episode.") from error
    return episode


def allocate_lead_professional(
    episode: Episode, *, lead: Any, user: Any, at: dt.datetime | None = None
) -> Episode:
    """Choose the family's lead professional (a team manager's decision)."""
    check_open(episode)
    if not access.can_allocate_early_help(user):
        raise ActionError("Only a team manager can choose the lead professional.")
    if not access.can_lead_early_help(lead):
        raise ActionError(
            "Choose a family support worker or a named partner practitioner.", field="lead"
        )
    with transaction.atomic():
        episode = locked(episode)
        episode.lead_professional = lead
        episode.save(update_fields=["lead_professional"])
        when = at or timezone.now()
        log(user, episode, episode.children(), f"Lead professional: {lead.display_name}", when)
    return episode


def close_episode(
    episode: Episode,
    *,
    closure_date: dt.date,
    reason: str,
    results: dict[int, str],
    achieved: list[str],
    note: str,
    user: Any,
    at: dt.datetime | None = None,
) -> Episode:
    """Close a family's early help with its reason and the outcomes achieved by heading.

    Every open outcome of the family plan needs its result (`results`, by outcome id):
    closing ends nothing silently.
    """
    check_open(episode)
    if reason not in ClosureReason.values:
        raise ActionError("Choose why early help is ending.", field="reason")
    if any(h not in Heading.values for h in achieved):
        raise ActionError("Choose headings from the list.", field="achieved")
    if closure_date < episode.start_date:
        raise ActionError(
            f"Early help cannot end before it started on {govuk_date(episode.start_date)}.",
            field="closure_date",
        )
    with transaction.atomic():
        episode = locked(episode)
        check_open(episode)
        _check_latest(episode, closure_date)
        _close_outcomes(episode, results, closure_date)
        AchievedHeading.objects.bulk_create(
            AchievedHeading(episode=episode, heading=h) for h in dict.fromkeys(achieved)
        )
        children = episode.children()
        episode.members.filter(left_on__isnull=True).update(left_on=closure_date)
        episode.closure_date = closure_date
        episode.closure_reason = reason
        episode.closure_note = note.strip()
        episode.save(update_fields=["closure_date", "closure_reason", "closure_note"])
        log(
            user,
            episode,
            children,
            f"Early help ended: {ClosureReason(reason).label}",
            moment(closure_date, at),
            detail=note,
        )
    return episode


def _check_latest(episode: Episode, closure_date: dt.date) -> None:
    Max = models.Max
    assessed = episode.assessments.aggregate(a=Max("started_on"), b=Max("completed_on"))
    latest = [episode.meetings.aggregate(d=Max("held_on"))["d"], *assessed.values()]
    last = max((d for d in latest if d), default=None)
    if last is not None and closure_date < last:
        raise ActionError(
            f"Early help cannot end before its last recorded work on {govuk_date(last)}.",
            field="closure_date",
        )
    if episode.assessments.still_open().exists():
        raise ActionError(
            "Complete the Family Strengths and Needs assessment before closing.",
            field="closure_date",
        )


def _close_outcomes(episode: Episode, results: dict[int, str], closure_date: dt.date) -> None:
    still_open = list(episode.outcomes.still_open())
    missing = [o for o in still_open if results.get(o.pk) not in OutcomeResult.values]
    if missing:
        names = "; ".join(f"“{o.description}”" for o in missing)
        raise ActionError(
            f"Say what happened to each outcome of the family plan still open: {names}.",
            field="outcomes",
        )
    for outcome in still_open:
        PlanOutcome.objects.filter(pk=outcome.pk).update(
            result=results[outcome.pk], closed_on=closure_date
        )
