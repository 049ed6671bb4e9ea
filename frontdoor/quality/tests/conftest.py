import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from frontdoor.contacts.actions import (
    authorise_decision,
    create_person_for_subject,
    link_subject,
    record_decision,
    triage_contact,
)
from frontdoor.contacts.inputs import DecisionInput
from frontdoor.contacts.models import Contact, LevelOfNeed
from frontdoor.quality.models import AuditKind
from frontdoor.test import make_contact

ZONE = timezone.get_default_timezone()


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), ZONE)


def decided(
    worker: Any,
    manager: Any,
    day: dt.date,
    outcome: str = "information_advice",
    *,
    person: Any = None,
    rag: str = "amber",
    late: bool = False,
) -> Contact:
    """A contact received on `day` and decided (by `worker`, authorised by `manager`) that
    day, or three days later when `late`."""
    contact = make_contact(received_at=at(day, 9))
    subject = contact.child_subjects().get()
    if person is None:
        create_person_for_subject(subject, worker)
    else:
        link_subject(subject, person, worker)
    when = at(day + dt.timedelta(days=3 if late else 0), 11)
    triage_contact(contact, worker, rag=rag, level_of_need=LevelOfNeed.objects.get(rank=2), at=when)
    decision = record_decision(
        contact,
        worker,
        DecisionInput(
            outcome=outcome,
            rationale="Needs met by universal services.",
            worries="Amelia is hungry at school.",
            working_well="Mum asked for help.",
            needs_to_happen="School to keep checking in.",
            scaling=7,
            child_views_sought=True,
        ),
        at=when,
    )
    authorise_decision(decision, manager, agree=True, at=when + dt.timedelta(minutes=30))
    contact.refresh_from_db()
    return contact


@pytest.fixture
def worker(persona: Any) -> Any:
    return persona("social_worker")


@pytest.fixture
def manager(persona: Any) -> Any:
    return persona("team_manager")


@pytest.fixture
def auditor(persona: Any) -> Any:
    return persona("qa_auditor")


@pytest.fixture
def decision_kind(db: Any) -> AuditKind:
    return AuditKind.objects.get(slug="front-door-decision")
