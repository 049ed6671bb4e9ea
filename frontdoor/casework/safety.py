"""Signs of Safety maps: record a map on an assessment or conference, and later scaling scores.

Western Australia's practice rules make every element of the map mandatory (domain.md §7);
here the complicating factors may be empty, the rest may not, and the child's own words are
always recorded (for a baby, what their presentation and behaviour tell us).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.casework.models import (
    Assessment,
    CINEpisode,
    CPReview,
    InitialConference,
    SafetyMap,
    ScalingScore,
)
from frontdoor.casework.rules import (
    actor,
    check_not_before,
    check_within_episode,
    locked,
    log,
)
from frontdoor.casework.safety_models import HIGHEST_SCORE, LOWEST_SCORE, Participant
from frontdoor.chronology.models import Kind
from frontdoor.lib.dates import govuk_date
from frontdoor.lib.errors import ActionError

Occasion = Assessment | InitialConference | CPReview


@dataclass(frozen=True)
class MapText:
    harm_statement: str
    danger_statements: str
    working_well: str
    safety_goals: str
    next_steps: str
    child_words: str
    complicating_factors: str = ""


@dataclass(frozen=True)
class ScoreInput:
    participant: str
    score: int
    agency: Agency | None = None


REQUIRED_TEXT = [
    ("harm_statement", "Write the harm statement: what has happened to the child."),
    ("danger_statements", "Write the danger statements: who is worried, and about what."),
    ("working_well", "Record what is working well: existing strengths and safety."),
    ("safety_goals", "Write the safety goals, one for each danger statement."),
    ("next_steps", "Record the next steps."),
    (
        "child_words",
        "Record the child's own words. For a baby or a child who does not speak, describe "
        "what their presentation and behaviour tell you.",
    ),
]


def _occasion_episode_and_date(occasion: Occasion) -> tuple[CINEpisode, dt.date, str]:
    if isinstance(occasion, Assessment):
        return occasion.episode, occasion.start_date, "the assessment started"
    if isinstance(occasion, InitialConference):
        return occasion.episode, occasion.held_on, "the conference was held"
    return occasion.plan.episode, occasion.held_on, "the review conference was held"


def _check_scores(scores: list[ScoreInput], *, need_worker: bool) -> None:
    if not scores:
        raise ActionError("Record at least one scaling score.", field="worker_score")
    seen: set[tuple[str, int | None]] = set()
    for entry in scores:
        who = entry.agency.name if entry.agency else Participant(entry.participant).label.lower()
        if entry.participant not in Participant.values:
            raise ActionError("Choose who gave the score.")
        if (entry.participant == Participant.AGENCY) != (entry.agency is not None):
            raise ActionError("A score from an agency names the agency.")
        if not LOWEST_SCORE <= entry.score <= HIGHEST_SCORE:
            raise ActionError(
                f"The {who} score must be a whole number from 0 to 10.",
                field=f"{entry.agency.slug}_score"
                if entry.agency
                else f"{entry.participant}_score",
            )
        key = (entry.participant, entry.agency.pk if entry.agency else None)
        if key in seen:
            raise ActionError(f"There is more than one score from the {who}.")
        seen.add(key)
    if need_worker and (Participant.WORKER, None) not in seen:
        raise ActionError("Record the social worker's scaling score.", field="worker_score")


def _create_scores(
    safety_map: SafetyMap, scores: list[ScoreInput], scored_on: dt.date, user: Any
) -> list[ScalingScore]:
    now = timezone.now()
    return [
        ScalingScore.objects.create(
            safety_map=safety_map,
            participant=entry.participant,
            agency=entry.agency,
            scored_on=scored_on,
            score=entry.score,
            recorded_by=actor(user),
            created_at=now,
        )
        for entry in scores
    ]


def _score_text(scores: list[ScoreInput]) -> str:
    return "; ".join(
        f"{s.agency.name if s.agency else Participant(s.participant).label} {s.score}"
        for s in scores
    )


def record_safety_map(
    occasion: Occasion,
    *,
    mapped_on: dt.date,
    text: MapText,
    scores: list[ScoreInput],
    user: Any,
    at: dt.datetime | None = None,
) -> SafetyMap:
    """Record a Signs of Safety map with its scaling scores (the social worker's at least)."""
    episode, earliest, what = _occasion_episode_and_date(occasion)
    for field, message in REQUIRED_TEXT:
        if not getattr(text, field).strip():
            raise ActionError(message, field=field)
    check_not_before(
        mapped_on,
        earliest,
        f"The map cannot be dated before {what} on {govuk_date(earliest)}.",
        "mapped_on",
    )
    _check_scores(scores, need_worker=True)
    with transaction.atomic():
        episode = locked(episode)
        check_within_episode(episode, mapped_on, "The map", "mapped_on")
        safety_map = SafetyMap.objects.create(
            episode=episode,
            assessment=occasion if isinstance(occasion, Assessment) else None,
            initial_conference=occasion if isinstance(occasion, InitialConference) else None,
            cp_review=occasion if isinstance(occasion, CPReview) else None,
            mapped_on=mapped_on,
            recorded_by=actor(user),
            created_at=timezone.now(),
            **{name: value.strip() for name, value in vars(text).items()},
        )
        _create_scores(safety_map, scores, mapped_on, user)
        log(
            user,
            safety_map,
            episode,
            Kind.ASSESSMENT,
            f"Signs of Safety map: {safety_map.occasion()}",
            mapped_on,
            created=True,
            detail=f"Scaling scores: {_score_text(scores)}.",
            at=at,
        )
    return safety_map


def record_scaling_scores(
    safety_map: SafetyMap,
    *,
    scored_on: dt.date,
    scores: list[ScoreInput],
    user: Any,
    at: dt.datetime | None = None,
) -> list[ScalingScore]:
    """Add later dated scaling scores to a map (the family scores again at a visit, ...)."""
    _check_scores(scores, need_worker=False)
    check_not_before(
        scored_on,
        safety_map.mapped_on,
        f"Scores cannot be dated before the map on {govuk_date(safety_map.mapped_on)}.",
        "scored_on",
    )
    with transaction.atomic():
        episode = locked(safety_map.episode)
        check_within_episode(episode, scored_on, "The scores", "scored_on")
        for entry in scores:
            if safety_map.scores.filter(
                participant=entry.participant, agency=entry.agency, scored_on=scored_on
            ).exists():
                who = entry.agency.name if entry.agency else Participant(entry.participant).label
                raise ActionError(f"{who} already gave a score on {govuk_date(scored_on)}.")
        created = _create_scores(safety_map, scores, scored_on, user)
        log(
            user,
            safety_map,
            episode,
            Kind.ASSESSMENT,
            "Signs of Safety scaling scores recorded",
            scored_on,
            detail=f"{_score_text(scores)}.",
            at=at,
        )
    return created
