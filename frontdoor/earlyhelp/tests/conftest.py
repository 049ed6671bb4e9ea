import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from frontdoor.casework.tests.conftest import at, make_episode, refused  # noqa: F401
from frontdoor.contacts.actions import (
    authorise_decision,
    create_person_for_subject,
    record_decision,
    triage_contact,
)
from frontdoor.contacts.inputs import DecisionInput, SubjectInput
from frontdoor.contacts.models import LevelOfNeed
from frontdoor.earlyhelp.models import Episode
from frontdoor.people.actions import add_relationship
from frontdoor.people.models import Relationship
from frontdoor.test import make_contact

D = dt.date


def decide(contact: Any, worker: Any, manager: Any, outcome: str, comment: str = "") -> Any:
    """Triage, recommend and authorise a contact's decision."""
    triage_contact(contact, worker, rag="amber", level_of_need=LevelOfNeed.objects.get(rank=2))
    decision = record_decision(
        contact,
        worker,
        DecisionInput(
            outcome=outcome,
            rationale="Needs at level 2: the family wants help with routines and school.",
            worries="Amelia misses school.",
            working_well="Mum is keen to get help.",
            needs_to_happen="A family support worker.",
            scaling=7,
            child_views_sought=True,
        ),
    )
    return authorise_decision(decision, manager, agree=True, comment=comment)


@pytest.fixture
def worker(persona: Any) -> Any:
    return persona("social_worker")


@pytest.fixture
def manager(persona: Any) -> Any:
    return persona("team_manager")


@pytest.fixture
def practitioner(persona: Any) -> Any:
    return persona("early_help")


@pytest.fixture
def family(worker: Any, manager: Any) -> Callable[..., Episode]:
    """family(siblings=0): Amelia (and her brothers and sisters in the index), referred to
    the front door and decided "early help": the family's open episode."""

    def make(siblings: int = 0) -> Episode:
        names = ["Ben", "Cara", "Dev"][:siblings]
        subjects = [
            SubjectInput(
                role="child",
                given_name="Amelia",
                family_name="Okafor",
                date_of_birth=D(2016, 5, 10),
                sex="F",
            )
        ]
        contact = make_contact(subjects=subjects)
        amelia = create_person_for_subject(contact.child_subjects().get(), worker)
        for n, name in enumerate(names):
            other = make_contact(
                subjects=[
                    SubjectInput(
                        role="child",
                        given_name=name,
                        family_name="Okafor",
                        date_of_birth=D(2018 + n, 1, 1),
                        sex="M",
                    )
                ]
            )
            sibling = create_person_for_subject(other.child_subjects().get(), worker)
            add_relationship(amelia, sibling, Relationship.Kind.SIBLING, worker)
        decide(contact, worker, manager, "early_help")
        return Episode.objects.get(members__person=amelia)

    return make
