"""Looked-after episodes: legal status, placement, changes (X1), ceasing, absences."""

import datetime as dt

import pytest

from frontdoor.casework.actions import (
    change_looked_after_episode,
    end_looked_after_episode,
    record_care_absence,
    start_looked_after_episode,
)
from frontdoor.casework.models import LookedAfterEpisode
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

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


def test_missing_and_absent_episodes_are_counted_for_annex_a(care, worker):
    absence = record_care_absence(
        care, kind="missing", started_on=D(2025, 6, 1), ended_on=D(2025, 6, 2), user=worker
    )
    record_care_absence(care, kind="missing", started_on=D(2025, 7, 1), user=worker)
    record_care_absence(care, kind="absent", started_on=D(2025, 7, 5), user=worker)
    assert care.absences_between("missing", D(2025, 4, 1), D(2026, 3, 31)) == 2
    assert care.absences_between("absent", D(2025, 4, 1), D(2026, 3, 31)) == 1
    assert wrote_audit_and_chronology(absence, Kind.EPISODE, "Looked-after child missing")
    error = refused(
        record_care_absence, care, kind="missing", started_on=D(2025, 5, 1), user=worker
    )
    assert error.message == "This cannot be before the child became looked after on 2 May 2025."
