"""The primary need of a CIN episode (DfE PrimaryNeedCode)."""

import datetime as dt

import pytest

from frontdoor.casework.actions import close_cin_episode, record_primary_need
from frontdoor.casework.tests.conftest import refused, wrote_audit_and_chronology
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 12, 1))


def test_the_primary_need_is_recorded_then_changed_on_the_chronology(episode, worker):
    record_primary_need(episode, need="N4", user=worker)
    record_primary_need(episode, need="N1", user=worker)
    episode.refresh_from_db()
    assert episode.primary_need == "N1"
    assert episode.get_primary_need_display() == "Abuse or neglect"
    assert wrote_audit_and_chronology(
        episode, Kind.EPISODE, "Primary need changed from N4 to N1: Abuse or neglect"
    )


@pytest.mark.parametrize(
    ("need", "message"),
    [("N10", "Choose the child's primary need (N0 to N9)."), ("", "Choose the child's")],
)
def test_an_unknown_code_is_refused_and_nothing_changes(episode, worker, need, message):
    error = refused(record_primary_need, episode, need=need, user=worker)
    assert str(error).startswith(message)
    assert error.field == "need"
    episode.refresh_from_db()
    assert episode.primary_need == ""


def test_a_closed_episode_keeps_its_primary_need(episode, worker):
    record_primary_need(episode, need="N5", user=worker)
    close_cin_episode(episode, closure_date=D(2025, 12, 2), reason="RC7", user=worker)
    error = refused(record_primary_need, episode, need="N1", user=worker)
    assert "closed" in str(error)
    episode.refresh_from_db()
    assert episode.primary_need == "N5"
