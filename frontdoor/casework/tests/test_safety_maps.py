"""Signs of Safety maps: recorded on an assessment or conference, scores per participant, trend."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.accounts.models import Agency
from frontdoor.casework.actions import (
    authorise_assessment,
    close_cin_episode,
    record_initial_conference,
    record_s47_outcome,
    record_safety_map,
    record_scaling_scores,
    start_assessment,
)
from frontdoor.casework.caseload import score_trend
from frontdoor.casework.models import SafetyMap, ScalingScore
from frontdoor.casework.safety import MapText, ScoreInput
from frontdoor.casework.safety_models import Participant
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date

TEXT = MapText(
    harm_statement="Amelia came to school with bruises on her arms on 1 December.",
    danger_statements="School and social care are worried Amelia will be hurt again.",
    working_well="Grandmother visits daily and Amelia trusts her.",
    safety_goals="Amelia is safe at home and everyone can see it for 6 months.",
    next_steps="Family network meeting by 15 December (social worker).",
    child_words="“I feel safe at Nana's house.”",
    complicating_factors="Mother's partner is often drunk.",
)


@pytest.fixture
def assessment(make_episode, worker):
    episode = make_episode(D(2025, 12, 1))
    return start_assessment(episode, start_date=D(2025, 12, 2), user=worker)


def scores(worker: int = 3, family: int | None = 6, police: int | None = 2) -> list[ScoreInput]:
    found = [ScoreInput(Participant.WORKER, worker)]
    if family is not None:
        found.append(ScoreInput(Participant.FAMILY, family))
    if police is not None:
        found.append(ScoreInput(Participant.AGENCY, police, Agency.objects.get(slug="police")))
    return found


def test_a_map_on_an_assessment_keeps_every_column_and_the_childs_words(assessment, worker):
    safety_map = record_safety_map(
        assessment, mapped_on=D(2025, 12, 3), text=TEXT, scores=scores(), user=worker
    )
    safety_map.refresh_from_db()
    assert safety_map.assessment == assessment
    assert safety_map.episode == assessment.episode
    assert safety_map.child_words == "“I feel safe at Nana's house.”"
    assert safety_map.complicating_factors == "Mother's partner is often drunk."
    assert sorted(s.participant_name() for s in safety_map.scores.all()) == [
        "Family",
        "Police",
        "Social worker",
    ]
    assert all(s.scored_on == D(2025, 12, 3) for s in safety_map.scores.all())
    assert safety_map.occasion() == "Assessment started 2 December 2025"
    assert wrote_audit_and_chronology(safety_map, Kind.ASSESSMENT, "Signs of Safety map")


def test_a_map_needs_the_childs_own_words(assessment, worker):
    text = MapText(**{**vars(TEXT), "child_words": "  "})
    error = refused(
        record_safety_map,
        assessment,
        mapped_on=D(2025, 12, 3),
        text=text,
        scores=scores(),
        user=worker,
    )
    assert error.field == "child_words"
    assert "child's own words" in error.message
    assert not SafetyMap.objects.exists()


def test_a_map_needs_the_social_workers_score_and_scores_from_0_to_10(assessment, worker):
    without_worker = [ScoreInput(Participant.FAMILY, 5)]
    error = refused(
        record_safety_map,
        assessment,
        mapped_on=D(2025, 12, 3),
        text=TEXT,
        scores=without_worker,
        user=worker,
    )
    assert error.message == "Record the social worker's scaling score."
    error = refused(
        record_safety_map,
        assessment,
        mapped_on=D(2025, 12, 3),
        text=TEXT,
        scores=scores(family=11),
        user=worker,
    )
    assert error.message == "The family score must be a whole number from 0 to 10."
    assert not SafetyMap.objects.exists()
    assert not ScalingScore.objects.exists()


def test_a_map_cannot_be_dated_before_its_assessment_or_after_closure(assessment, worker):
    error = refused(
        record_safety_map,
        assessment,
        mapped_on=D(2025, 12, 1),
        text=TEXT,
        scores=scores(),
        user=worker,
    )
    assert "before the assessment started on 2 December 2025" in error.message


def test_the_database_refuses_a_score_out_of_range(assessment, worker):
    safety_map = record_safety_map(
        assessment, mapped_on=D(2025, 12, 3), text=TEXT, scores=scores(), user=worker
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ScalingScore.objects.create(
            safety_map=safety_map,
            participant=Participant.FAMILY,
            scored_on=D(2025, 12, 4),
            score=12,
            created_at=timezone.now(),
        )


def test_a_map_on_a_conference_and_later_scores_build_the_childs_trend(make_s47, worker):
    enquiry = make_s47(D(2025, 12, 5))
    record_s47_outcome(
        enquiry,
        completed_on=D(2025, 12, 10),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    conference = record_initial_conference(
        enquiry, held_on=D(2025, 12, 16), is_plan_required=True, user=worker
    )
    first = record_safety_map(
        start_assessment(enquiry.episode, start_date=D(2025, 12, 5), user=worker),
        mapped_on=D(2025, 12, 8),
        text=TEXT,
        scores=scores(worker=2, family=7, police=None),
        user=worker,
    )
    second = record_safety_map(
        conference, mapped_on=D(2025, 12, 16), text=TEXT, scores=scores(4, 6, 3), user=worker
    )
    assert second.occasion() == "Initial child protection conference on 16 December 2025"
    record_scaling_scores(
        first, scored_on=D(2026, 1, 9), scores=[ScoreInput(Participant.FAMILY, 8)], user=worker
    )
    trend = score_trend(enquiry.person)
    assert trend.participants == ["Family", "Social worker", "Police"]
    assert trend.rows == [
        (D(2025, 12, 8), [7, 2, None]),
        (D(2025, 12, 16), [6, 4, 3]),
        (D(2026, 1, 9), [8, None, None]),
    ]
    assert dict(trend.series())["Social worker"] == [(D(2025, 12, 8), 2), (D(2025, 12, 16), 4)]


def test_the_same_participant_cannot_score_twice_on_a_day(assessment, worker):
    safety_map = record_safety_map(
        assessment, mapped_on=D(2025, 12, 3), text=TEXT, scores=scores(), user=worker
    )
    error = refused(
        record_scaling_scores,
        safety_map,
        scored_on=D(2025, 12, 3),
        scores=[ScoreInput(Participant.FAMILY, 4)],
        user=worker,
    )
    assert error.message == "Family already gave a score on 3 December 2025."
    assert safety_map.scores.count() == 3


def test_no_scores_after_the_episode_closed(assessment, worker):
    safety_map = record_safety_map(
        assessment, mapped_on=D(2025, 12, 3), text=TEXT, scores=scores(), user=worker
    )
    authorise_assessment(
        assessment, authorised_on=D(2025, 12, 9), outcome="nfa", factors=["21"], user=worker
    )
    close_cin_episode(assessment.episode, closure_date=D(2025, 12, 10), reason="RC8", user=worker)
    error = refused(
        record_scaling_scores,
        safety_map,
        scored_on=D(2025, 12, 12),
        scores=[ScoreInput(Participant.FAMILY, 9)],
        user=worker,
    )
    assert error.message == "The scores cannot be after the episode closed on 10 December 2025."
