"""A family's early-help episode: opened by a front-door decision, one open episode a child."""

import pytest
from django.db import IntegrityError, transaction

from frontdoor.chronology.models import Event, Kind
from frontdoor.earlyhelp.actions import add_children, open_or_join_episode
from frontdoor.earlyhelp.codes import Direction, Route, StepOutcome, StepRoute
from frontdoor.earlyhelp.models import Member, StepDecision
from frontdoor.earlyhelp.tests.conftest import D, refused
from frontdoor.people.models import Person

pytestmark = pytest.mark.django_db


def test_a_front_door_decision_of_early_help_opens_an_episode_in_the_same_action(family, manager):
    episode = family()
    amelia = episode.children()[0]
    assert episode.is_open and episode.route == Route.FRONT_DOOR
    assert episode.contact is not None and episode.contact.outcome == "early_help"
    step = StepDecision.objects.get(episode=episode)
    assert (step.direction, step.route, step.outcome) == (
        Direction.DOWN,
        StepRoute.FRONT_DOOR,
        StepOutcome.STEPPED_DOWN,
    )
    assert step.decided_by == manager and step.is_decided
    assert Event.objects.filter(person=amelia, kind=Kind.EARLY_HELP).exists()


def test_no_child_is_in_two_open_early_help_episodes(family, practitioner):
    episode = family(siblings=1)
    amelia = episode.children()[0]
    ben = Person.objects.get(given_name="Ben")
    again, opened = open_or_join_episode(
        [amelia, ben],
        route=Route.REQUEST,
        reason="More help.",
        user=practitioner,
        start_date=D(2025, 6, 1),
    )
    assert again == episode and opened is False  # Ben joined Amelia's episode
    assert {p.given_name for p in episode.children()} == {"Amelia", "Ben"}
    error = refused(add_children, episode, [ben], on=D(2025, 6, 2), user=practitioner)
    assert "cannot join a second episode" in error.message
    with pytest.raises(IntegrityError), transaction.atomic():
        other, _ = open_or_join_episode(
            [Person.objects.get(given_name="Amelia")],
            route=Route.REQUEST,
            reason="x",
            user=practitioner,
            start_date=D(2025, 6, 1),
        )
        Member.objects.create(episode=other, person=ben, joined_on=D(2025, 6, 3))
    assert Member.objects.currently_open().filter(person=ben).count() == 1
