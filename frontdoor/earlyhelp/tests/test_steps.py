"""Steps up and down: one decision by one named team manager, never silently overturned."""

import pytest

from frontdoor.casework.actions import (
    authorise_assessment,
    close_cin_episode,
    end_cin_plan,
    start_assessment,
    start_cin_plan,
)
from frontdoor.casework.models import CINEpisode
from frontdoor.casework.tests.conftest import at
from frontdoor.contacts.models import Contact
from frontdoor.earlyhelp.actions import decide_step, request_step_up
from frontdoor.earlyhelp.codes import Route, StepOutcome, StepRoute
from frontdoor.earlyhelp.models import Episode, StepDecision
from frontdoor.earlyhelp.tests.conftest import D, decide, refused

pytestmark = pytest.mark.django_db


def _ask(episode, practitioner):
    return request_step_up(
        episode,
        children=episode.children(),
        worries="Amelia told school that Mum's partner hits Mum.",
        tried="Six weeks of routines work and a parenting course.",
        user=practitioner,
    )


def test_a_step_up_reaches_the_front_door_queue_as_an_early_help_contact(family, practitioner):
    episode = family()
    step = _ask(episode, practitioner)
    contact = step.contact
    assert contact.source == "5D" and contact.is_open()
    assert contact in Contact.objects.awaiting_decision()
    assert [s.person for s in contact.child_subjects()] == episode.children()
    assert "Early help since" in step.summary and not step.is_decided


def test_the_managers_authorisation_decides_the_step_once_and_a_referral_opens_casework(
    family, practitioner, worker, persona
):
    episode = family()
    step = _ask(episode, practitioner)
    manager = persona("other_manager")
    decide(step.contact, worker, manager, "referral", comment="Domestic abuse: a social worker.")
    step.refresh_from_db()
    assert (step.outcome, step.decided_by, step.reason) == (
        StepOutcome.STEPPED_UP,
        manager,
        "Domestic abuse: a social worker.",
    )
    assert CINEpisode.objects.filter(person=episode.children()[0], referral_source="5D").exists()
    error = refused(decide_step, step, outcome=StepOutcome.STAYS, reason="No.", user=manager)
    assert "A change now is a new decision" in error.message


def test_a_step_decision_cannot_be_decided_by_the_person_who_asked(family, persona):
    episode = family()
    asker = persona("other_manager")  # a manager who asked may not decide their own request
    step = _ask(episode, asker)
    error = refused(decide_step, step, outcome="stepped_up", reason="Yes.", user=asker)
    assert error.message == "You asked for this step, so another team manager must decide it."
    step.refresh_from_db()
    assert not step.is_decided


def test_a_step_up_needs_the_managers_reason_for_the_family(family, practitioner, worker, manager):
    episode = family()
    step = _ask(episode, practitioner)
    error = refused(decide, step.contact, worker, manager, "referral")
    assert error.field == "comment"
    step.contact.refresh_from_db()
    assert step.contact.is_open()  # the authorisation was undone with it


def _assessed(make_episode, worker, manager):
    cin = make_episode(D(2025, 4, 1))
    assessment = start_assessment(cin, start_date=D(2025, 4, 2), user=worker)
    authorise_assessment(
        assessment,
        authorised_on=D(2025, 5, 1),
        outcome="early_help",
        factors=["4B"],
        user=manager,
    )
    return cin


def test_closing_rc9_steps_the_child_down_with_the_social_care_summary(
    make_episode, worker, manager
):
    cin = _assessed(make_episode, worker, manager)
    close_cin_episode(
        cin,
        closure_date=D(2025, 5, 6),
        reason="RC9",
        user=manager,
        note="Mum wants help with routines; no safeguarding worries now.",
        at=at(D(2025, 5, 6)),
    )
    episode = Episode.objects.get(members__person=cin.person)
    assert episode.route == Route.STEP_DOWN and episode.cin_episode == cin
    assert "Mental health: parent or carer" in episode.social_care_summary
    step = StepDecision.objects.get(cin_episode=cin)
    assert (step.route, step.decided_by) == (StepRoute.ASSESSMENT, manager)
    assert step.requested_at.date() == D(2025, 5, 1)


def test_rc9_by_a_social_worker_or_without_a_reason_is_refused_and_nothing_closes(
    make_episode, worker, manager
):
    cin = _assessed(make_episode, worker, manager)
    error = refused(
        close_cin_episode, cin, closure_date=D(2025, 5, 6), reason="RC9", user=worker, note="Ok."
    )
    assert "one decision by a team manager" in error.message
    cin.refresh_from_db()
    error = refused(close_cin_episode, cin, closure_date=D(2025, 5, 6), reason="RC9", user=manager)
    assert error.field == "note"
    cin.refresh_from_db()
    assert cin.is_open and not Episode.objects.exists()


def test_ending_a_cin_plan_to_early_help_steps_the_child_down(make_episode, worker, manager):
    cin = make_episode(D(2025, 4, 1))
    plan = start_cin_plan(cin, start_date=D(2025, 4, 10), user=worker)
    end_cin_plan(
        plan,
        end_date=D(2025, 9, 1),
        user=manager,
        to_early_help=True,
        note="Plan goals met; early help to keep going.",
    )
    step = StepDecision.objects.get(cin_episode=cin, route=StepRoute.CIN_PLAN)
    assert step.episode.is_open and step.episode.children() == [cin.person]
