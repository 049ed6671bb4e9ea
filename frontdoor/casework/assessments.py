"""Single assessments: start, child seen, factors, authorisation (the 45-working-day clock)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.casework.clocks import assessment_due
from frontdoor.casework.codes import AssessmentFactor, AssessmentOutcome
from frontdoor.casework.models import Assessment, CINEpisode
from frontdoor.casework.rules import (
    actor,
    check_choice,
    check_not_before,
    check_within_episode,
    locked,
    log,
)
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError
from frontdoor.lib.workdays import working_days_between


def start_assessment(
    episode: CINEpisode, *, start_date: dt.date, user: Any, at: dt.datetime | None = None
) -> Assessment:
    """Start a single assessment; it is due 45 working days after the referral."""
    with transaction.atomic():
        episode = locked(episode)
        check_within_episode(episode, start_date, "The assessment", "start_date")
        if episode.referral_nfa:
            raise ActionError(
                "This referral was closed with no further action, so it has no assessment."
            )
        if episode.assessments.still_open().exists():
            raise ActionError(
                f"{episode.person.full_name} already has an assessment in progress. "
                "Authorise it before starting another."
            )
        assessment = Assessment.objects.create(
            episode=episode,
            start_date=start_date,
            due_date=assessment_due(episode.referral_date),
            started_by=actor(user),
            created_at=timezone.now(),
        )
        log(
            user,
            assessment,
            episode,
            Kind.ASSESSMENT,
            "Single assessment started",
            start_date,
            created=True,
            detail=f"Due by {govuk_date(assessment.due_date)} (45 working days from the referral).",
            at=at,
        )
    return assessment


def _check_open(assessment: Assessment) -> None:
    if not assessment.is_open():
        raise ActionError("This assessment has been authorised and can no longer change.")


def record_child_seen(
    assessment: Assessment,
    *,
    seen_on: dt.date,
    is_seen_alone: bool,
    user: Any,
    at: dt.datetime | None = None,
) -> Assessment:
    """Record the date the child was seen during the assessment, and whether alone."""
    _check_open(assessment)
    with transaction.atomic():
        episode = locked(assessment.episode)
        check_within_episode(episode, seen_on, "The date the child was seen", "seen_on")
        assessment.child_seen_on = seen_on
        assessment.is_seen_alone = is_seen_alone
        assessment.save(update_fields=["child_seen_on", "is_seen_alone"])
        alone = "seen alone" if is_seen_alone else "not seen alone"
        log(user, assessment, episode, Kind.ASSESSMENT, f"Child seen ({alone})", seen_on, at=at)
    return assessment


def _clean_factors(factors: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(factors))
    for code in cleaned:
        check_choice(
            code, AssessmentFactor, f"“{code}” is not a DfE assessment factor code.", "factors"
        )
    if AssessmentFactor.NO_FACTORS in cleaned and len(cleaned) > 1:
        raise ActionError(
            "“No factors identified” (21) cannot be recorded with other factors.", field="factors"
        )
    return cleaned


def record_assessment_factors(
    assessment: Assessment, *, factors: list[str], user: Any, at: dt.datetime | None = None
) -> Assessment:
    """Record the factors identified at assessment (DfE codes, e.g. 3B, 16A, or 21 alone)."""
    _check_open(assessment)
    cleaned = _clean_factors(factors)
    with transaction.atomic():
        assessment.factors = cleaned
        assessment.save(update_fields=["factors"])
        log(
            user,
            assessment,
            assessment.episode,
            Kind.ASSESSMENT,
            "Factors identified at assessment recorded",
            timezone.localdate(),
            detail=", ".join(cleaned),
            at=at,
        )
    return assessment


def authorise_assessment(
    assessment: Assessment,
    *,
    authorised_on: dt.date,
    outcome: str,
    user: Any,
    factors: list[str] | None = None,
    at: dt.datetime | None = None,
) -> Assessment:
    """Authorise (complete) an assessment with its outcome (DfE AssessmentAuthorisationDate)."""
    _check_open(assessment)
    check_choice(outcome, AssessmentOutcome, "Choose the outcome of the assessment.", "outcome")
    chosen = _clean_factors(factors) if factors is not None else list(assessment.factors)
    if not chosen:
        raise ActionError(
            "Record the factors identified at assessment (or 21, no factors identified) "
            "before authorising it.",
            field="factors",
        )
    check_not_before(
        authorised_on,
        assessment.start_date,
        f"The assessment cannot be authorised before it started on "
        f"{govuk_date(assessment.start_date)}.",
        "authorised_on",
    )
    with transaction.atomic():
        episode = locked(assessment.episode)
        check_within_episode(episode, authorised_on, "The authorisation", "authorised_on")
        updated = Assessment.objects.filter(pk=assessment.pk, authorised_on__isnull=True).update(
            authorised_on=authorised_on, outcome=outcome, factors=chosen, authorised_by=actor(user)
        )
        if not updated:  # authorised by someone else since it was read
            raise ActionError("This assessment has already been authorised.")
        assessment.refresh_from_db()
        if assessment.is_within_timescale():
            timing = "within 45 working days"
        else:
            late = working_days_between(assessment.due_date, authorised_on)
            timing = f"{late} working days after its due date"
        log(
            user,
            assessment,
            episode,
            Kind.ASSESSMENT,
            f"Assessment authorised: {AssessmentOutcome(outcome).label}",
            authorised_on,
            detail=f"Authorised {timing}. Factors: {', '.join(chosen)}.",
            at=at,
        )
    return assessment
