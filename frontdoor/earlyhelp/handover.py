"""Where social care and the front door hand families to early help, in their transactions.

Registered from `EarlyhelpConfig.ready()` (ADR 0006): contacts.hooks (a decision takes
effect) and casework.hooks (an episode closes, a CIN plan ends). Each runs inside the lower
app's action, so the decision and what follows from it commit together or not at all: a
refusal here (`ActionError`) undoes the closure or the authorisation too.
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.casework import hooks as casework_hooks
from frontdoor.casework.models import CINEpisode, ReasonForClosure
from frontdoor.contacts import hooks as contact_hooks
from frontdoor.contacts.codes import Channel, Outcome, ReferralSource
from frontdoor.contacts.models import Contact, Decision
from frontdoor.earlyhelp.actions import decide_step, open_or_join_episode, record_step_down
from frontdoor.earlyhelp.codes import Direction, Route, StepOutcome, StepRoute
from frontdoor.earlyhelp.models import Episode, StepDecision
from frontdoor.earlyhelp.rules import check_text, moment
from frontdoor.earlyhelp.summary import early_help_history, social_care_summary
from frontdoor.lib.errors import ActionError

ONLINE = {Channel.ONLINE_PROFESSIONAL, Channel.ONLINE_PUBLIC}
NOTE_NEEDED = "Say why the family is stepping down to early help: their letter explains it."


def _open_episodes(children: list[Any]) -> list[Episode]:
    return list(
        Episode.objects.filter(
            members__person__in=children, members__left_on__isnull=True
        ).distinct()
    )


def after_decision(contact: Contact, user: Any, at: dt.datetime) -> None:
    """A front-door decision took effect: decide a step-up request it carried; record a
    referral of a family in early help as a step-up; open early help for "early help"."""
    stepped_up = contact.outcome in Outcome.opening_episode()
    asked = contact.source == ReferralSource.LA_EARLY_HELP  # where step-up requests come from
    if not (stepped_up or asked or contact.outcome == Outcome.EARLY_HELP):
        return
    children = contact.linked_children()
    decision = (
        contact.decisions.filter(status=Decision.Status.AUTHORISED)
        .order_by("-authorised_at", "-pk")
        .first()
    )
    if not children or decision is None:
        return
    request = (
        StepDecision.objects.filter(contact=contact, direction=Direction.UP).first()
        if asked
        else None
    )
    if request is not None:
        outcome = StepOutcome.STEPPED_UP if stepped_up else StepOutcome.STAYS
        decide_step(request, outcome=outcome, reason=decision.manager_comment, user=user, at=at)
        return
    reason = decision.manager_comment.strip() or decision.rationale
    recorded_by = decision.recorded_by if decision.recorded_by_id != user.pk else None
    if stepped_up:
        in_early_help = _open_episodes(children)
        if in_early_help:
            step = StepDecision.objects.create(
                direction=Direction.UP,
                route=StepRoute.FRONT_DOOR,
                outcome=StepOutcome.STEPPED_UP,
                episode=in_early_help[0],
                contact=contact,
                requested_by=recorded_by,
                requested_at=contact.received_at,
                summary=early_help_history(in_early_help[0]),
                decided_by=user,
                decided_at=at,
                reason=reason,
            )
            step.children.set(children)
    elif contact.outcome == Outcome.EARLY_HELP:
        route = Route.REQUEST if contact.channel in ONLINE else Route.FRONT_DOOR
        episode, _ = open_or_join_episode(
            children,
            route=route,
            reason=decision.rationale,
            user=user,
            start_date=timezone.localdate(at),
            contact=contact,
            at=at,
        )
        record_step_down(
            route=StepRoute.FRONT_DOOR,
            episode=episode,
            children=children,
            user=user,
            reason=reason,
            summary=f"{contact.worry}\n\nWhat needs to happen: {decision.needs_to_happen}",
            requested_at=contact.received_at,
            decided_at=at,
            requested_by=recorded_by,
            contact=contact,
        )


def _step_down(
    cin_episode: CINEpisode, route: str, user: Any, at: dt.datetime, note: str, asked: dt.datetime
) -> None:
    note = check_text(note, NOTE_NEEDED, "note")
    summary = social_care_summary(cin_episode, note)
    if not access.can_decide_steps(user):
        raise ActionError(
            "A step-down to early help is one decision by a team manager: ask a team manager "
            "to record it.",
            field="reason" if route == StepRoute.ASSESSMENT else "to_early_help",
        )
    episode, _ = open_or_join_episode(
        [cin_episode.person],
        route=Route.STEP_DOWN,
        reason=note,
        user=user,
        start_date=timezone.localdate(at),
        cin_episode=cin_episode,
        social_care_summary=summary,
        at=at,
    )
    record_step_down(
        route=route,
        episode=episode,
        children=[cin_episode.person],
        user=user,
        reason=note,
        summary=summary,
        requested_at=min(asked, at),
        decided_at=at,
        cin_episode=cin_episode,
    )


def after_closure(episode: CINEpisode, *, user: Any, at: dt.datetime, note: str) -> None:
    """RC9 (closed after assessment, referred to early help) steps the child down."""
    if episode.reason_for_closure != ReasonForClosure.RC9:
        return
    authorised = (
        episode.assessments.filter(authorised_on__isnull=False).order_by("-authorised_on").first()
    )
    asked = (
        moment(authorised.authorised_on, None) if authorised and authorised.authorised_on else at
    )
    _step_down(episode, StepRoute.ASSESSMENT, user, at, note, asked)


def after_plan_ended(
    plan: Any, *, user: Any, at: dt.datetime, note: str, to_early_help: bool
) -> None:
    """A child in need plan ended to early help steps the child down."""
    if to_early_help:
        _step_down(plan.episode, StepRoute.CIN_PLAN, user, at, note, at)


def register() -> None:
    contact_hooks.register_on_decided("earlyhelp:after-decision", after_decision)
    casework_hooks.register_on_closed("earlyhelp:step-down", after_closure)
    casework_hooks.register_on_plan_ended("earlyhelp:step-down", after_plan_ended)
