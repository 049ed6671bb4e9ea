"""Looked-after episodes: legal status, placement, changes (X1), ceasing, missing from care."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.casework.actions import (
    change_looked_after_episode,
    end_looked_after_episode,
    start_looked_after_episode,
)
from frontdoor.casework.models import LookedAfterEpisode
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind
from frontdoor.outside.actions import report_missing_episode
from frontdoor.outside.models import MissingEpisode

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 4, 1))


@pytest.fixture
def care(episode, worker):
    return start_looked_after_episode(
        episode, start_date=D(2025, 5, 2), legal_status="V2", placement_type="U6", user=worker
    )


def test_becoming_looked_after(care):
    assert list(LookedAfterEpisode.objects.open_on(D(2025, 5, 2)).period_starts()) == [care]
    assert wrote_audit_and_chronology(care, Kind.EPISODE, "Became looked after")


def test_legal_status_is_a_dfe_code(episode, worker):
    error = refused(
        start_looked_after_episode,
        episode,
        start_date=D(2025, 5, 2),
        legal_status="Z9",
        placement_type="U6",
        user=worker,
    )
    assert error.message == "Choose the legal status (for example V2, C1, C2 or E1)."


def test_a_child_is_looked_after_once_at_a_time(care, episode, worker):
    error = refused(
        start_looked_after_episode,
        episode,
        start_date=D(2025, 6, 2),
        legal_status="C1",
        placement_type="U6",
        user=worker,
    )
    assert error.message.endswith("is already looked after.")


def test_a_new_legal_status_ends_the_episode_and_starts_the_next(care, worker):
    following = change_looked_after_episode(care, on=D(2025, 7, 1), legal_status="C1", user=worker)
    care.refresh_from_db()
    assert (care.end_date, care.reason_ceased) == (D(2025, 7, 1), "X1")
    assert (following.legal_status, following.placement_type) == ("C1", "U6")
    assert not following.is_new_period
    assert LookedAfterEpisode.objects.open_on(D(2025, 7, 1)).get() == following
    assert not LookedAfterEpisode.objects.ceased_between(D(2025, 4, 1), D(2026, 3, 31)).exists()
    assert wrote_audit_and_chronology(following, Kind.EPISODE, "Looked after: now Interim")


def test_ceasing_to_be_looked_after(care, worker):
    end_looked_after_episode(care, end_date=D(2025, 9, 1), reason="E4A", user=worker)
    care.refresh_from_db()
    assert care.reason_ceased == "E4A"
    assert wrote_audit_and_chronology(care, Kind.EPISODE, "Ceased to be looked after")
    assert LookedAfterEpisode.objects.ceased_between(D(2025, 4, 1), D(2026, 3, 31)).get() == care


def test_ceasing_cannot_be_before_the_start(care, worker):
    error = refused(
        end_looked_after_episode, care, end_date=D(2025, 5, 1), reason="E4A", user=worker
    )
    assert error.message == "The episode cannot end before it started on 2 May 2025."


def test_missing_and_away_from_placement_are_missing_episodes_tied_to_the_care(care, worker):
    """The looked-after "missing from placement" record is risk outside the home's missing
    episode (issue 15), tied to the period of care Annex A List 8 counts it in."""
    child = care.episode.person

    def report(day: dt.date, kind: str = "missing") -> MissingEpisode:
        since = timezone.make_aware(dt.datetime.combine(day, dt.time(21)))
        return report_missing_episode(
            child, kind=kind, missing_from="placement", missing_since=since, user=worker
        )

    first = report(D(2025, 6, 1))
    report(D(2025, 7, 1))
    report(D(2025, 7, 5), kind="away")
    from_care = MissingEpisode.objects.from_care().started_between(D(2025, 4, 1), D(2026, 3, 31))
    assert from_care.filter(kind="missing", looked_after_episode=care).count() == 2
    assert from_care.filter(kind="away", looked_after_episode=care).count() == 1
    assert wrote_audit_and_chronology(first, Kind.MISSING, "Missing from placement")
    error = refused(report, D(2025, 5, 1))
    assert error.message == (
        f"{child.full_name} was not looked after on 1 May 2025: choose where they went "
        "missing from."
    )
