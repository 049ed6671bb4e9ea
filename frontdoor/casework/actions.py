"""Every state change of a CIN episode: opening, closing, and the start of a section 47.

The rest of casework has its own modules, one per concept (re-exported here so callers can
import every casework action from one place):
assessments.py, protection.py (s47 outcome, ICPC, CP plan, reviews, core group, visits),
plans.py (CIN plans), looked_after.py.
"""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework import hooks
from frontdoor.casework.clocks import icpc_due
from frontdoor.casework.codes import PrimaryNeed
from frontdoor.casework.models import CINEpisode, ReasonForClosure, S47Enquiry
from frontdoor.casework.rules import (
    latest_activity,
    locked,
    log,
    open_work,
    recorded_work,
    work_beyond_assessment,
)
from frontdoor.chronology.actions import add_event
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError

# Closure reasons meaning "closed after assessment" (RC8 no further action, RC9 early help).
AFTER_ASSESSMENT = (ReasonForClosure.RC8, ReasonForClosure.RC9)


def open_cin_episode(
    person: Any,
    *,
    contact: Any,
    referral_date: dt.date,
    source: str,
    user: Any,
    referral_nfa: bool = False,
    at: dt.datetime | None = None,
) -> CINEpisode:
    """Open a child in need episode: the referral (DfE CINreferralDate and ReferralSource)."""
    if CINEpisode.objects.currently_open().filter(person=person).exists():
        raise ActionError(f"{person.full_name} already has an open episode.")
    try:
        with transaction.atomic():
            episode = CINEpisode.objects.create(
                person=person,
                contact=contact,
                referral_date=referral_date,
                referral_source=source,
                referral_nfa=referral_nfa,
            )
            record_change(
                user,
                episode,
                AuditEvent.Action.CREATE,
                person_id=person.pk,
                contact_id=getattr(contact, "pk", None),
                summary="Referral: CIN episode opened",
            )
            add_event(
                person,
                Kind.REFERRAL,
                "Referral to children's social care: episode opened",
                at or (contact.decided_at or contact.received_at),
                contact=contact,
                actor=user,
            )
    except IntegrityError as error:  # a concurrent referral opened one first
        raise ActionError(f"{person.full_name} already has an open episode.") from error
    return episode


def close_cin_episode(
    episode: CINEpisode,
    *,
    closure_date: dt.date,
    reason: str,
    user: Any,
    referral_nfa: bool = False,
    at: dt.datetime | None = None,
    note: str = "",
) -> CINEpisode:
    """Close a child in need episode with its DfE reason (RC1 to RC9).

    `referral_nfa` marks a referral that led to no further action (DfE: excluded from the
    children in need count). `note` is the reason for the decision in plain words; the apps
    registered in `casework.hooks` run in the same transaction (RC9 steps the family down to
    early help, and its letter quotes the note).
    """
    if reason not in ReasonForClosure.values:
        raise ActionError("Choose a reason for closure (RC1 to RC9).", field="reason")
    if episode.closure_date is not None:
        raise ActionError("This episode is already closed.")
    if closure_date < episode.referral_date:
        raise ActionError(
            "The closure date cannot be before the referral date.", field="closure_date"
        )
    with transaction.atomic():
        still_open = open_work(episode)
        if still_open:
            raise ActionError(
                "This episode cannot close while work is still open. First end "
                + " and ".join(still_open)
                + ".",
                field="closure_date",
            )
        work = recorded_work(episode) if referral_nfa else []
        if work:
            raise ActionError(
                "A referral with no further action has no assessment or plan, and this "
                f"episode has {' and '.join(work)}. Choose another reason for closure.",
                field="reason",
            )
        beyond = work_beyond_assessment(episode) if reason in AFTER_ASSESSMENT else []
        if beyond:
            raise ActionError(
                f"{reason} means the case closed after an assessment alone, and this episode "
                f"has {' and '.join(beyond)}. Choose another reason for closure, such as RC7.",
                field="reason",
            )
        last = latest_activity(episode)
        if last is not None and closure_date < last:
            raise ActionError(
                f"The closure date cannot be before the last recorded activity on "
                f"{govuk_date(last)}.",
                field="closure_date",
            )
        closed = CINEpisode.objects.filter(pk=episode.pk, closure_date__isnull=True).update(
            closure_date=closure_date, reason_for_closure=reason, referral_nfa=referral_nfa
        )
        if not closed:  # closed by someone else since it was read
            raise ActionError("This episode is already closed.")
        episode.closure_date = closure_date
        episode.reason_for_closure = reason
        episode.referral_nfa = referral_nfa
        record_change(
            user,
            episode,
            person_id=episode.person_id,
            summary=f"CIN episode closed ({reason})",
        )
        label = ReasonForClosure(reason).label
        when = at or timezone.make_aware(dt.datetime.combine(closure_date, dt.time(16, 0)))
        add_event(
            episode.person,
            Kind.EPISODE,
            f"Child in need episode closed: {label} ({reason})",
            when,
            detail=note,
            actor=user,
        )
        hooks.closed(episode, user=user, at=when, note=note)
    return episode


def record_primary_need(
    episode: CINEpisode,
    *,
    need: str,
    user: Any,
    at: dt.datetime | None = None,
) -> CINEpisode:
    """Record (or change) the main reason the child needs social care (DfE PrimaryNeedCode).

    Required for every referral that is not NFA; usually set at referral and reviewed when
    the assessment is authorised.
    """
    if need not in PrimaryNeed.values:
        raise ActionError("Choose the child's primary need (N0 to N9).", field="need")
    with transaction.atomic():
        episode = locked(episode)
        if not episode.is_open:
            raise ActionError("This episode is closed, so its primary need cannot change.")
        if episode.primary_need == need:
            raise ActionError(f"The primary need is already {need}.", field="need")
        before = episode.primary_need
        episode.primary_need = need
        episode.save(update_fields=["primary_need"])
        change = f"changed from {before} to {need}" if before else f"recorded as {need}"
        log(
            user,
            episode,
            episode,
            Kind.EPISODE,
            f"Primary need {change}: {PrimaryNeed(need).label}",
            timezone.localdate(at) if at else timezone.localdate(),
            at=at or timezone.now(),
        )
    return episode


def start_s47_enquiry(
    person: Any,
    *,
    strategy_discussion: Any,
    user: Any,
    start_date: dt.date | None = None,
    at: dt.datetime | None = None,
) -> S47Enquiry:
    """Start a section 47 enquiry for a child, as a strategy discussion decided.

    DfE CIN census: the s47 start date is the date of the strategy discussion that
    initiated it (so the ICPC's 15-working-day clock runs from it). An s47 happens within a
    CIN episode: the child's open one, or one opened now as the referral (the contact's
    decision to hold a strategy discussion is a referral, Outcome.opening_episode()).
    Call inside the strategy discussion's transaction so both commit together.
    """
    held = timezone.localtime(strategy_discussion.held_at)
    start = start_date or held.date()
    now = at or timezone.now()
    contact = strategy_discussion.contact
    with transaction.atomic():
        episode = CINEpisode.objects.currently_open().filter(person=person).first()
        if episode is None:
            episode = open_cin_episode(
                person,
                contact=contact,
                referral_date=min(contact.received_date, start),
                source=contact.source,
                user=user,
                at=held,
            )
        if start < episode.referral_date:
            raise ActionError(
                f"The section 47 enquiry for {person.full_name} cannot start before the "
                f"referral on {govuk_date(episode.referral_date)}."
            )
        if S47Enquiry.objects.filter(
            person=person, strategy_discussion=strategy_discussion
        ).exists():
            raise ActionError(f"A section 47 enquiry has already started for {person.full_name}.")
        enquiry = S47Enquiry.objects.create(
            person=person,
            episode=episode,
            strategy_discussion=strategy_discussion,
            start_date=start,
            icpc_due_date=icpc_due(start),
            started_by=user if getattr(user, "is_authenticated", False) else None,
            created_at=now,
        )
        record_change(
            user,
            enquiry,
            AuditEvent.Action.CREATE,
            person_id=person.pk,
            contact_id=contact.pk,
            summary=f"Section 47 enquiry started on {govuk_date(start)}",
        )
        add_event(
            person,
            Kind.S47,
            "Section 47 enquiry started after a strategy discussion",
            held,
            detail=f"Start date {govuk_date(start)}.",
            contact=contact,
            actor=user,
        )
    return enquiry


# Re-exported so every casework action can be imported from here.
from frontdoor.casework.allocation import allocate_episode  # noqa: E402
from frontdoor.casework.assessments import (  # noqa: E402
    authorise_assessment,
    record_assessment_factors,
    record_child_seen,
    start_assessment,
)
from frontdoor.casework.looked_after import (  # noqa: E402
    change_looked_after_episode,
    end_looked_after_episode,
    start_looked_after_episode,
)
from frontdoor.casework.plans import (  # noqa: E402
    end_cin_plan,
    record_cin_plan_review,
    start_cin_plan,
)
from frontdoor.casework.protection import (  # noqa: E402
    change_category_of_abuse,
    end_cp_plan,
    record_core_group_meeting,
    record_cp_review,
    record_further_strategy_discussion,
    record_initial_conference,
    record_s47_outcome,
    record_statutory_visit,
    start_cp_plan,
)
from frontdoor.casework.safety import record_safety_map, record_scaling_scores  # noqa: E402

__all__ = [
    "allocate_episode",
    "authorise_assessment",
    "change_category_of_abuse",
    "change_looked_after_episode",
    "close_cin_episode",
    "end_cin_plan",
    "end_cp_plan",
    "end_looked_after_episode",
    "open_cin_episode",
    "record_assessment_factors",
    "record_child_seen",
    "record_cin_plan_review",
    "record_core_group_meeting",
    "record_cp_review",
    "record_further_strategy_discussion",
    "record_initial_conference",
    "record_primary_need",
    "record_s47_outcome",
    "record_safety_map",
    "record_scaling_scores",
    "record_statutory_visit",
    "start_assessment",
    "start_cin_plan",
    "start_cp_plan",
    "start_looked_after_episode",
    "start_s47_enquiry",
]
