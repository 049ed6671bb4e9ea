"""A small fixed council for the CIN census tests, built through the casework actions.

Collection year 2025 (1 April 2024 to 31 March 2025):
- GOLD1, Amelia: referral, assessment with factors, s47, ICPC, CP plan with two reviews (the
  second ends it), a CIN plan, closure (RC7).
- GOLD2, an unborn baby: a referral with no further action, closed the same day.
- GOLD3, Oliver: an earlier episode closed in 2023 (not in the return); a new referral,
  assessment with factor 21, a CIN plan still open on 31 March; the plan's end and the
  closure in May 2025 happen after the ReferenceDate, so the return shows both as open.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdoor.accounts.models import Agency
from frontdoor.casework import actions as casework
from frontdoor.casework.models import CINEpisode, S47Enquiry
from frontdoor.contacts.actions import create_person_for_subject, link_subject, triage_contact
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.mash.strategy import (
    SOCIAL_CARE,
    AttendanceInput,
    convene_strategy_discussion,
    record_strategy_discussion,
)
from frontdoor.people.actions import update_person
from frontdoor.people.models import Person
from frontdoor.returns.cin_census.collection import collect, make_header
from frontdoor.returns.cin_census.records import Census, CensusPeriod
from frontdoor.test import make_contact

LONDON = ZoneInfo("Europe/London")
D = dt.date
GOLDEN_CREATED_AT = dt.datetime(2025, 4, 2, 9, 0, 0)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def refer(
    worker: Any, day: dt.date, child: SubjectInput, source: str, *, person: Person | None = None
) -> CINEpisode:
    """A contact that day about `child` (a new person unless `person`), and its referral."""
    contact = make_contact(received_at=at(day, 9), subjects=[child], source=source)
    subject = contact.child_subjects().get()
    if person is None:
        person = create_person_for_subject(subject, worker)
    else:
        link_subject(subject, person, worker)
    return casework.open_cin_episode(
        person, contact=contact, referral_date=day, source=source, user=worker, at=at(day)
    )


def start_s47(worker: Any, day: dt.date, person: Person) -> S47Enquiry:
    """A red contact about `person`, a strategy discussion that day, and the s47 it starts."""
    police = Agency.objects.get(slug="police")
    health = Agency.objects.get(slug="health")
    child = SubjectInput(role="child", given_name=person.given_name, family_name=person.family_name)
    contact = make_contact(received_at=at(day, 8), subjects=[child], source="6")
    link_subject(contact.child_subjects().get(), person, worker)
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


def set_primary_need(episode: CINEpisode, code: str, user: Any) -> None:
    casework.record_primary_need(episode, need=code, user=user, at=at(episode.referral_date, 16))


@dataclass
class Golden:
    amelia: Person
    baby: Person
    oliver: Person


def _amelia(worker: Any) -> Person:
    child = SubjectInput(
        role="child",
        given_name="Amelia",
        family_name="Okafor",
        date_of_birth=D(2016, 5, 10),
        sex="F",
        postcode="BS23 1UJ",
    )
    episode = refer(worker, D(2024, 6, 3), child, "2A")
    person = episode.person
    update_person(
        person,
        worker,
        la_child_id="GOLD1",
        upn="K201123417001",
        ethnicity="WBRI",
        disabilities=["NONE"],
    )
    set_primary_need(episode, "N1", worker)
    assessment = casework.start_assessment(episode, start_date=D(2024, 6, 3), user=worker)
    casework.record_assessment_factors(assessment, factors=["3A", "4B"], user=worker)
    enquiry = start_s47(worker, D(2024, 6, 5), person)
    casework.record_s47_outcome(
        enquiry,
        completed_on=D(2024, 6, 20),
        is_substantiated=True,
        is_icpc_required=True,
        user=worker,
    )
    casework.record_initial_conference(
        enquiry, held_on=D(2024, 6, 24), is_plan_required=True, user=worker
    )
    casework.authorise_assessment(
        assessment, authorised_on=D(2024, 7, 15), outcome="strategy", user=worker
    )
    plan = casework.start_cp_plan(episode, start_date=D(2024, 6, 24), category="NEG", user=worker)
    casework.record_cp_review(plan, held_on=D(2024, 9, 16), category="EMO", user=worker)
    casework.record_cp_review(
        plan,
        held_on=D(2025, 1, 20),
        is_plan_continued=False,
        end_reason="cin_plan",
        user=worker,
    )
    cin_plan = casework.start_cin_plan(episode, start_date=D(2025, 1, 20), user=worker)
    casework.end_cin_plan(cin_plan, end_date=D(2025, 2, 14), user=worker)
    casework.close_cin_episode(episode, closure_date=D(2025, 2, 14), reason="RC7", user=worker)
    return person


def _baby(worker: Any) -> Person:
    child = SubjectInput(
        role="child",
        family_name="Hughes",
        expected_date_of_birth=D(2025, 1, 15),
        postcode="BS23 1UJ",
    )
    episode = refer(worker, D(2024, 10, 1), child, "3B")
    update_person(episode.person, worker, la_child_id="GOLD2")
    casework.close_cin_episode(
        episode, closure_date=D(2024, 10, 1), reason="RC7", referral_nfa=True, user=worker
    )
    return episode.person


def _oliver(worker: Any, la_child_id: str = "GOLD3") -> Person:
    child = SubjectInput(
        role="child",
        given_name="Oliver",
        family_name="Brown",
        date_of_birth=D(2012, 9, 14),
        sex="M",
        postcode="BS23 1UJ",
    )
    earlier = refer(worker, D(2023, 1, 10), child, "1A")
    person = earlier.person
    update_person(
        person, worker, la_child_id=la_child_id, ethnicity="MWBC", disabilities=["AUT", "COMM"]
    )
    set_primary_need(earlier, "N4", worker)
    casework.close_cin_episode(earlier, closure_date=D(2023, 3, 1), reason="RC7", user=worker)

    episode = refer(worker, D(2025, 1, 6), child, "3A", person=person)
    set_primary_need(episode, "N5", worker)
    assessment = casework.start_assessment(episode, start_date=D(2025, 1, 7), user=worker)
    casework.authorise_assessment(
        assessment, authorised_on=D(2025, 2, 20), outcome="cin_plan", factors=["21"], user=worker
    )
    plan = casework.start_cin_plan(episode, start_date=D(2025, 2, 24), user=worker)
    casework.record_cin_plan_review(plan, held_on=D(2025, 3, 24), user=worker)
    # After the ReferenceDate: not in the 2025 return.
    casework.end_cin_plan(plan, end_date=D(2025, 5, 1), user=worker)
    casework.close_cin_episode(episode, closure_date=D(2025, 5, 2), reason="RC7", user=worker)
    return person


@pytest.fixture
def worker(persona: Any) -> Any:
    return persona("social_worker")


def build_golden(worker: Any) -> Golden:
    return Golden(_amelia(worker), _baby(worker), _oliver(worker))


@pytest.fixture
def golden(worker: Any) -> Golden:
    return build_golden(worker)


def golden_census(year: int = 2025) -> Census:
    period = CensusPeriod(year)
    header = make_header(period, created_at=GOLDEN_CREATED_AT)
    header.release = "0.1.0"  # pinned, so a version bump does not change the golden file
    return collect(period, header)
