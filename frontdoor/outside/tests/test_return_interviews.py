"""Return home interviews: by someone independent, with push and pull factors, places and
adults that join the child's network."""

import pytest

from frontdoor.casework.actions import allocate_episode, open_cin_episode
from frontdoor.chronology.models import Event, Kind
from frontdoor.contacts.actions import create_person_for_subject
from frontdoor.outside import actions
from frontdoor.outside.models import MissingEpisode, NetworkLink, PushPullFactor
from frontdoor.outside.tests.conftest import D, at, refused
from frontdoor.test import make_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def returned(child, missing):
    return missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))


def test_the_allocated_social_worker_cannot_be_allocated_or_hold_the_interview(missing, persona):
    worker, manager = persona("social_worker"), persona("team_manager")
    contact = make_contact(received_at=at(D(2026, 1, 5), 9))
    child = create_person_for_subject(contact.child_subjects().get(), worker)
    episode = open_cin_episode(
        child, contact=contact, referral_date=D(2026, 1, 5), source="2A", user=worker
    )
    allocate_episode(episode, team=worker.team, worker=worker, user=manager)
    returned = missing(child, at(D(2026, 3, 5), 20), back=at(D(2026, 3, 6), 18))
    error = refused(
        actions.allocate_return_interview, returned, worker=worker, user=persona("roth_worker")
    )
    assert "must be held by someone independent" in error.message
    data = actions.InterviewInput(
        offered_at=at(D(2026, 3, 7)), outcome="declined", interviewer=worker
    )
    error = refused(actions.record_return_interview, returned, data, user=worker)
    assert "must be held by someone independent" in error.message
    returned.refresh_from_db()
    assert returned.is_return_interview_offered is None


def test_an_interview_by_a_family_wellbeing_worker_links_places_and_adults(
    returned, child, persona, roth
):
    support = persona("early_help")
    actions.allocate_return_interview(returned, worker=support, user=roth)
    factors = list(PushPullFactor.objects.filter(code__in=["conflict_home", "adult_of_concern"]))
    data = actions.InterviewInput(
        offered_at=at(D(2026, 3, 7), 9),
        outcome="accepted",
        interviewer=support,
        held_at=at(D(2026, 3, 7), 15),
        factors=factors,
        child_said="I stayed at Dean's flat.",
        places=[("Grove Park", "BS23 1AA")],
        new_adults=[("Dean", "Rowe")],
    )
    interview = actions.record_return_interview(returned, data, user=support)
    episode = MissingEpisode.objects.get(pk=returned.pk)
    assert (episode.is_return_interview_offered, episode.is_return_interview_accepted) == (
        True,
        True,
    )
    assert set(interview.factors.values_list("code", flat=True)) == {
        "conflict_home",
        "adult_of_concern",
    }
    links = NetworkLink.objects.filter(child=child, interview=interview)
    assert {link.target_name for link in links} == {"Grove Park (BS23 1AA)", "Dean Rowe"}
    assert links.get(other__isnull=False).is_of_concern
    assert Event.objects.filter(person=child, kind=Kind.RETURN_INTERVIEW).exists()


def test_an_accepted_interview_must_say_what_the_child_said(returned, roth):
    data = actions.InterviewInput(
        offered_at=at(D(2026, 3, 7), 9),
        outcome="accepted",
        interviewer=roth,
        held_at=at(D(2026, 3, 7), 10),
    )
    assert refused(actions.record_return_interview, returned, data, user=roth).field == "child_said"


def test_an_offer_before_the_return_is_refused(returned, roth):
    data = actions.InterviewInput(
        offered_at=at(D(2026, 3, 6), 9), outcome="declined", interviewer=roth
    )
    assert refused(actions.record_return_interview, returned, data, user=roth).field == "offered_at"
    assert MissingEpisode.objects.get(pk=returned.pk).is_return_interview_offered is None
