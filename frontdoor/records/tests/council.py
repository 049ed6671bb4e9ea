"""Three children built through the actions, for the retention and subject access tests.

- Zebedee Quillfeather (born 2000): a contact with his sister Zara in 2019 and one about him
  alone, a CIN episode from June to September 2019 (in the 2020 CIN census), another name,
  a relationship with his mother, a missing episode in July, a duplicate-review pair,
  access-log rows. CIN only, so his
  review date (18 + 3 years inactive) passed in 2022.
- Bartholomew Ashdown-Vale (born 2000): the same history, and a legal hold.
- Cressida Penhaligon (born 2015): a CIN episode from June 2025: not due until 2033.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from frontdoor.audit.log import record_view
from frontdoor.casework import actions as casework
from frontdoor.contacts.actions import create_person_for_subject, link_subject
from frontdoor.contacts.inputs import SubjectInput
from frontdoor.earlyhelp.actions import close_episode, open_or_join_episode, record_taf_meeting
from frontdoor.outside.actions import record_return, report_missing_episode
from frontdoor.people.actions import add_alias, add_relationship, create_person
from frontdoor.people.models import DuplicatePair, Person
from frontdoor.test import make_contact, make_persona

LONDON = ZoneInfo("Europe/London")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


@dataclass
class Council:
    due: Person
    sister: Person
    held: Person
    young: Person
    mother: Person


def _child(given: str, family: str, born: dt.date, nhs: str, **extra: Any) -> SubjectInput:
    return SubjectInput(
        role="child",
        given_name=given,
        family_name=family,
        date_of_birth=born,
        nhs_number=nhs,
        sex="M",
        postcode="BS23 1UJ",
        **extra,
    )


def _history(worker: Any, given: str, family: str, born: dt.date, nhs: str, year: int) -> Person:
    """A contact about the child and a sibling, a second contact, a CIN episode."""
    sister_input = _child(f"{given[:3]}ara", family, dt.date(2002, 7, 1), "")
    first = make_contact(
        received_at=at(dt.date(year, 5, 2), 9),
        subjects=[_child(given, family, born, nhs), sister_input],
        worry=f"{given} {family} and his sister were left alone; {given} was hungry.",
        referrer_name="Mrs Hollyhock",
        referrer_phone="01934 555 0101",
    )
    subject = first.subjects.get(given_name=given)
    person = create_person_for_subject(subject, worker)
    Person.objects.filter(pk=person.pk).update(upn="A" + nhs.rjust(12, "0"))
    sister = create_person_for_subject(
        first.subjects.get(given_name=sister_input.given_name), worker
    )
    add_relationship(person, sister, "sibling", worker)
    second = make_contact(
        received_at=at(dt.date(year, 6, 1), 9),
        subjects=[_child(given, family, born, nhs)],
        worry=f"{given} told his teacher he is frightened of his stepfather.",
        source="2A",
    )
    link_subject(second.subjects.get(), person, worker)
    episode = casework.open_cin_episode(
        person,
        contact=second,
        referral_date=dt.date(year, 6, 1),
        source="2A",
        user=worker,
        at=at(dt.date(year, 6, 1)),
    )
    casework.close_cin_episode(
        episode, closure_date=dt.date(year, 9, 30), reason="RC8", user=worker
    )
    since = at(dt.date(year, 7, 4), 22)
    missing = report_missing_episode(
        person,
        kind="missing",
        missing_from="home",
        missing_since=since,
        reported_at=since,
        police_reference=f"PR-{nhs[-4:]}",
        circumstances=f"{given} left after an argument; last seen with Dean Rowe.",
        user=worker,
        at=since,
    )
    back = since + dt.timedelta(days=1)
    record_return(missing, returned_at=back, user=worker, at=back)
    add_alias(
        person, worker, given_name=given, family_name=f"{family}-Old", note="Previous surname"
    )
    record_view(worker, person, person_id=person.pk, summary=f"Viewed {given} {family}'s record")
    return person


def _early_help(child: Person, sister: Person) -> None:
    """Early help for both children in 2020, closed that year; its notes name them both."""
    practitioner = make_persona("early_help")
    start = dt.date(2020, 1, 6)
    episode, _ = open_or_join_episode(
        [child, sister],
        route="request",
        reason="School worried about attendance.",
        user=practitioner,
        start_date=start,
        at=at(start),
    )
    record_taf_meeting(
        episode,
        held_on=dt.date(2020, 2, 3),
        agencies=[],
        family_attended=True,
        child_attended=True,
        notes="Zebedee and Zebara came with their mum; Zebedee said school is better.",
        scores={},
        user=practitioner,
        at=at(dt.date(2020, 2, 3)),
    )
    close_episode(
        episode,
        closure_date=dt.date(2020, 6, 30),
        reason="needs_met",
        results={},
        achieved=[],
        note="Attendance is good.",
        user=practitioner,
        at=at(dt.date(2020, 6, 30)),
    )


def build(worker: Any) -> Council:
    due = _history(worker, "Zebedee", "Quillfeather", dt.date(2000, 2, 3), "9434765919", 2019)
    held = _history(worker, "Bartholomew", "Ashdown-Vale", dt.date(2000, 3, 4), "9434765870", 2019)
    young = _history(worker, "Cressida", "Penhaligon", dt.date(2015, 1, 1), "9434765862", 2025)
    mother = create_person(
        worker,
        kind="adult",
        given_name="Marigold",
        family_name="Quillfeather",
        date_of_birth=dt.date(1975, 1, 1),
    )
    add_relationship(due, mother, "parent", worker)
    _early_help(due, Person.objects.get(given_name="Zebara"))
    sister = Person.objects.get(given_name="Zebara")
    first, second = sorted([due.pk, sister.pk])
    DuplicatePair.objects.create(
        first_id=first,
        second_id=second,
        probability=0.61,
        evidence={"reasons": ["Same surname and address: Zebedee Quillfeather"]},
        found_at=at(dt.date(2020, 1, 1)),
    )
    return Council(due=due, sister=sister, held=held, young=young, mother=mother)
