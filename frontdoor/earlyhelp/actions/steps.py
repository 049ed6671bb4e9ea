"""Steps between early help and children's social care: one decision by one named manager.

- A step-up: the lead professional asks for social care with one form (`request_step_up`);
  it reaches the front door as a contact from "LA - early help" (5D) with the family's
  early-help history. The team manager who authorises that contact's decision decides the
  step (`decide_step`, run inside `authorise_decision()` through contacts.hooks).
- A step-down: closing an episode after assessment with RC9, ending a CIN plan to early
  help, or a front-door decision of early help opens (or joins) the family's early-help
  episode in the same transaction, and records that decision (`record_step_down`).

A decision is never changed: deciding twice, or deciding one's own request, is refused; a
later change is a new, separate decision.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import access
from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.contacts.actions import receive_contact
from frontdoor.contacts.codes import Channel, Consent, ReferralSource
from frontdoor.contacts.inputs import ContactInput, SubjectInput
from frontdoor.earlyhelp.codes import Direction, StepOutcome, StepRoute
from frontdoor.earlyhelp.models import Episode, StepDecision, children_names
from frontdoor.earlyhelp.rules import check_open, check_text
from frontdoor.earlyhelp.summary import early_help_history
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError


def _chronicle(
    step: StepDecision,
    children: list[Any],
    summary: str,
    when: dt.datetime,
    user: Any,
    detail: str = "",
) -> None:
    for person in children:
        record_change(
            user,
            step,
            AuditEvent.Action.UPDATE,
            person_id=person.pk,
            summary=summary,
            contact_id=step.contact_id,
        )
        add_event(person, Kind.STEP, summary, when, detail=detail, contact=step.contact, actor=user)


def _subject(person: Any) -> SubjectInput:
    return SubjectInput(
        role="child",
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        sex=person.sex,
        nhs_number=person.nhs_number,
        person_id=person.pk,
    )


def request_step_up(
    episode: Episode,
    *,
    children: list[Any],
    worries: str,
    tried: str,
    user: Any,
    at: dt.datetime | None = None,
) -> StepDecision:
    """The lead professional asks for children's social care, with one form.

    The request reaches the front door queue as a contact from "LA - early help" (5D) about
    the chosen children, carrying the family's early-help history; a team manager decides it.
    """
    check_open(episode)
    worries = check_text(worries, "Say what you are worried about now.", "worries")
    tried = check_text(tried, "Say what early help has tried.", "tried")
    current = {p.pk for p in episode.children()}
    if not children or any(c.pk not in current for c in children):
        raise ActionError("Choose the children in this family to step up.", field="children")
    if episode.step_decisions.awaiting().exists():
        raise ActionError("A step-up for this family is already waiting for a decision.")
    now = at or timezone.now()
    history = early_help_history(episode)
    lead = episode.lead_professional or user
    with transaction.atomic():
        contact = receive_contact(
            ContactInput(
                source=ReferralSource.LA_EARLY_HELP,
                worry=f"Step-up from early help. {worries}\n\nWhat early help has tried: {tried}",
                consent=Consent.GIVEN,
                subjects=[_subject(child) for child in children],
                referrer_name=lead.display_name,
                referrer_role="Lead professional, early help",
                referrer_organisation=str(episode.service),
                referrer_agency_id=getattr(lead, "agency_id", None),
                referrer_wants="Children's social care to work with the family.",
            ),
            channel=Channel.ONLINE_PROFESSIONAL,
            actor=user,
            received_at=now,
            match=False,
        )
        step = StepDecision.objects.create(
            direction=Direction.UP,
            route=StepRoute.REQUEST,
            episode=episode,
            contact=contact,
            requested_by=user,
            requested_at=now,
            request_reason=worries,
            tried=tried,
            summary=history,
        )
        step.children.set(children)
        _chronicle(
            step, children, "Step-up to children's social care asked for", now, user, detail=worries
        )
    return step


def decide_step(
    step: StepDecision, *, outcome: str, reason: str, user: Any, at: dt.datetime | None = None
) -> StepDecision:
    """Record the one decision on a step-up request, by one named team manager.

    Refused if already decided (a change is a new decision), if `user` asked for it, or if
    `user` is not a team manager.
    """
    if step.is_decided:
        who = step.decided_by.display_name if step.decided_by else "a team manager"
        when = govuk_date(step.decided_at.date()) if step.decided_at else ""
        raise ActionError(
            f"This step was decided by {who} on {when}. A change now is a new decision."
        )
    if user is not None and user.pk == step.requested_by_id:
        raise ActionError("You asked for this step, so another team manager must decide it.")
    if not access.can_decide_steps(user):
        raise ActionError("Only a team manager can decide a step up or down.")
    if outcome not in StepOutcome.values:
        raise ActionError("Choose what was decided.", field="outcome")
    reason = check_text(reason, "Say why: the family's letter explains it.", "comment")
    now = at or timezone.now()
    with transaction.atomic():
        decided = StepDecision.objects.filter(pk=step.pk, decided_at__isnull=True).update(
            decided_by=user, decided_at=now, outcome=outcome, reason=reason
        )
        if not decided:  # decided by someone else since it was read
            raise ActionError("This step has already been decided. A change now is a new decision.")
        step.refresh_from_db()
        summary = f"Step decided by {user.display_name}: {StepOutcome(outcome).label}"
        _chronicle(step, list(step.children.all()), summary, now, user, detail=reason)
    return step


def record_step_down(
    *,
    route: str,
    episode: Episode,
    children: list[Any],
    user: Any,
    reason: str,
    summary: str,
    requested_at: dt.datetime,
    decided_at: dt.datetime,
    requested_by: Any = None,
    contact: Any = None,
    cin_episode: Any = None,
) -> StepDecision:
    """Record a decision that handed a family to early help (decided as it was recorded)."""
    if not access.can_decide_steps(user):
        raise ActionError(
            "A step-down to early help is one decision by a team manager: ask a team manager "
            "to record it.",
            field="reason",
        )
    if requested_by is not None and requested_by.pk == user.pk:
        requested_by = None  # the manager recommended and decided it: one person, one decision
    with transaction.atomic():
        step = StepDecision.objects.create(
            direction=Direction.DOWN,
            route=route,
            outcome=StepOutcome.STEPPED_DOWN,
            episode=episode,
            contact=contact,
            cin_episode=cin_episode,
            requested_by=requested_by,
            requested_at=requested_at,
            summary=summary,
            decided_by=user,
            decided_at=decided_at,
            reason=reason,
        )
        step.children.set(children)
        text = f"Stepped down to early help: decided by {user.display_name}"
        _chronicle(step, children, text, decided_at, user, detail=reason)
    return step


def family_of(step: StepDecision) -> str:
    return children_names(list(step.children.all()))
