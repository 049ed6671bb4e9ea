"""Allocation of an open episode to a team and a worker."""

import datetime as dt

import pytest

from frontdoor.accounts.models import Team
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import allocate_episode, close_cin_episode
from frontdoor.casework.tests.conftest import refused
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.chronology.models import Kind

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(make_episode):
    return make_episode(D(2025, 12, 1))


def test_an_episode_is_allocated_to_a_team_and_a_worker_on_the_chronology(episode, worker, persona):
    manager = persona("team_manager")
    allocate_episode(episode, team=worker.team, worker=worker, user=manager)
    episode.refresh_from_db()
    assert (episode.team, episode.allocated_worker) == (worker.team, worker)
    assert AuditEvent.objects.filter(
        record_type="cinepisode", record_id=str(episode.pk), user=manager, action="update"
    ).exists()
    event = ChronologyEvent.objects.get(kind=Kind.EPISODE, person=episode.person)
    assert event.summary == "Allocated to Front Door (Social Worker Persona)"


def test_a_worker_from_another_team_or_role_cannot_be_allocated(episode, worker, persona):
    manager = persona("team_manager")
    error = refused(
        allocate_episode,
        episode,
        team=worker.team,
        worker=persona("other_team_worker"),
        user=manager,
    )
    assert error.message == "Other Team Worker Persona is not in Front Door."
    assert error.field == "worker"
    error = refused(
        allocate_episode, episode, team=worker.team, worker=persona("analyst"), user=manager
    )
    assert "cannot hold cases" in error.message
    episode.refresh_from_db()
    assert episode.team is None and episode.allocated_worker is None


def test_a_closed_episode_cannot_be_allocated(episode, worker):
    close_cin_episode(episode, closure_date=D(2025, 12, 2), reason="RC7", user=worker)
    team = Team.objects.create(name="Assessment Team")
    error = refused(allocate_episode, episode, team=team, worker=None, user=worker)
    assert error.message == "This episode is closed, so it cannot be allocated."
