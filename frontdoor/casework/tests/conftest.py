import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdoor.accounts.models import Agency
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.casework.actions import open_cin_episode
from frontdoor.casework.models import CINEpisode, S47Enquiry
from frontdoor.chronology.models import Event as ChronologyEvent
from frontdoor.contacts.actions import create_person_for_subject, link_subject, triage_contact
from frontdoor.lib.errors import ActionError
from frontdoor.mash.strategy import (
    SOCIAL_CARE,
    AttendanceInput,
    convene_strategy_discussion,
    record_strategy_discussion,
)
from frontdoor.test import make_contact

LONDON = ZoneInfo("Europe/London")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def refused(call: Callable[..., Any], *args: Any, **kwargs: Any) -> ActionError:
    with pytest.raises(ActionError) as raised:
        call(*args, **kwargs)
    return raised.value


def wrote_audit_and_chronology(record: Any, kind: str, summary_start: str) -> bool:
    """The action left an audit row for `record` and a chronology event of `kind`."""
    audit = AuditEvent.objects.filter(
        record_type=record._meta.model_name, record_id=str(record.pk)
    ).exists()
    event = ChronologyEvent.objects.filter(kind=kind, summary__startswith=summary_start).exists()
    return audit and event


@pytest.fixture
def worker(persona: Any) -> Any:
    return persona("social_worker")


@pytest.fixture
def make_episode(worker: Any) -> Callable[[dt.date], CINEpisode]:
    """make_episode(referral_date): a child referred that day, with an open CIN episode."""

    def make(referral_date: dt.date) -> CINEpisode:
        contact = make_contact(received_at=at(referral_date, 9))
        person = create_person_for_subject(contact.child_subjects().get(), worker)
        return open_cin_episode(
            person,
            contact=contact,
            referral_date=referral_date,
            source="1A",
            user=worker,
            at=at(referral_date),
        )

    return make


@pytest.fixture
def make_s47(worker: Any) -> Callable[..., S47Enquiry]:
    """make_s47(day, person=None): a red contact that day (about `person`, or a new child),
    a strategy discussion, and the s47 it starts."""

    def make(day: dt.date, person: Any = None) -> S47Enquiry:
        police = Agency.objects.get(slug="police")
        health = Agency.objects.get(slug="health")
        contact = make_contact(received_at=at(day, 8))
        subject = contact.child_subjects().get()
        if person is None:
            create_person_for_subject(subject, worker)
        else:
            link_subject(subject, person, worker)
        triage_contact(contact, worker, rag="red", level_of_need=None, at=at(day, 9))
        discussion = convene_strategy_discussion(
            contact, worker, held_at=at(day, 11), agencies=[police, health], at=at(day, 9)
        )
        record_strategy_discussion(
            discussion,
            worker,
            attendance={
                SOCIAL_CARE: AttendanceInput("attended", "Sam Social Worker"),
                "police": AttendanceInput("attended", "DC Patel"),
                "health": AttendanceInput("attended", "Nurse Jones"),
            },
            information_shared="Police: two domestic incidents.",
            outcome="s47",
            rationale="Bruising: reasonable cause to suspect significant harm.",
            chair_name="Tess Manager",
            at=at(day, 12),
        )
        return S47Enquiry.objects.get(strategy_discussion=discussion)

    return make
