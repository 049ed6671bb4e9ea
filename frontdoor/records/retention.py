"""When each child's record is due for review, by the council's retention rules (ADR 0016).

Every kind of record the child has (adoption, looked after, care leaver, child protection,
CIN only, contacts only) gives a date from its rule; the latest governs, since the record
is kept while any rule still requires it. The review lists children whose date has passed
and says whether a legal hold stops their destruction.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import DateField, Max, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from frontdoor.casework.models import CINEpisode, CPPlan, LookedAfterEpisode
from frontdoor.contacts.models import ContactSubject
from frontdoor.earlyhelp.models import Member
from frontdoor.lib.dates import add_years
from frontdoor.outside.models import MissingEpisode
from frontdoor.people.models import Person
from frontdoor.records.models import DestroyedRecord, LegalHold, RetentionRule

ADOPTED = ("E11", "E12")
CARE_LEAVER_AGE = 16


@dataclass(frozen=True)
class Review:
    person: Person
    rule: RetentionRule
    review_date: dt.date
    hold: LegalHold | None

    @property
    def on_hold(self) -> bool:
        return self.hold is not None


def _latest(into: dict[int, dt.date], rows: Iterable[tuple[int, dt.date | None]]) -> None:
    for person_id, day in rows:
        if day is not None and (person_id not in into or day > into[person_id]):
            into[person_id] = day


def last_activity(ids: Iterable[int], today: dt.date | None = None) -> dict[int, dt.date]:
    """The latest day of work with each child: contacts, episodes, plans, care, early help,
    missing episodes (not the chronology, whose record-keeping entries are not contact). A
    record still open (an episode not closed) counts as work today."""
    ids = list(ids)
    now = Value(today or timezone.localdate(), output_field=DateField())
    found: dict[int, dt.date] = {}
    subjects = ContactSubject.objects.filter(person_id__in=ids).values("person_id")
    _latest(found, subjects.annotate(d=Max("contact__received_date")).values_list("person_id", "d"))
    sources: list[tuple[QuerySet[Any], str, str, str]] = [
        (
            CINEpisode.objects.filter(person_id__in=ids),
            "person_id",
            "referral_date",
            "closure_date",
        ),
        (
            LookedAfterEpisode.objects.filter(episode__person_id__in=ids),
            "episode__person_id",
            "start_date",
            "end_date",
        ),
        (
            CPPlan.objects.filter(episode__person_id__in=ids),
            "episode__person_id",
            "start_date",
            "end_date",
        ),
        (
            Member.objects.filter(person_id__in=ids),
            "person_id",
            "episode__start_date",
            "episode__closure_date",
        ),
        (MissingEpisode.objects.filter(person_id__in=ids), "person_id", "started_on", "ended_on"),
    ]
    for rows, person, start, end in sources:
        grouped = rows.values(person)
        _latest(found, grouped.annotate(d=Max(start)).values_list(person, "d"))
        latest_end = Max(Coalesce(end, now))
        _latest(found, grouped.annotate(d=latest_end).values_list(person, "d"))
    return found


def _kinds(people: dict[int, Person]) -> dict[int, dict[str, dt.date | None]]:
    """Which rules apply to each child, with the defining event's date (adoption)."""
    kinds: dict[int, dict[str, dt.date | None]] = defaultdict(dict)
    ids = list(people)
    for person_id in ids:
        kinds[person_id]["contact-only"] = None
    for person_id in CINEpisode.objects.filter(person_id__in=ids).values_list(
        "person_id", flat=True
    ):
        kinds[person_id]["cin-only"] = None
    for person_id in CPPlan.objects.filter(episode__person_id__in=ids).values_list(
        "episode__person_id", flat=True
    ):
        kinds[person_id]["child-protection"] = None
    rows = LookedAfterEpisode.objects.filter(episode__person_id__in=ids).values_list(
        "episode__person_id", "end_date", "reason_ceased"
    )
    for person_id, end, reason in rows:
        kinds[person_id]["looked-after"] = None
        born = people[person_id].date_of_birth
        if born is not None and (end is None or end >= add_years(born, CARE_LEAVER_AGE)):
            kinds[person_id]["care-leaver"] = None
        if reason in ADOPTED and end is not None:
            previous = kinds[person_id].get("adoption")
            kinds[person_id]["adoption"] = max(end, previous) if previous else end
    return kinds


def review_date(
    rule: RetentionRule, born: dt.date | None, last: dt.date | None, event: dt.date | None
) -> dt.date | None:
    anchor = {"birth": born or last, "last_activity": last, "event": event or last}[rule.anchor]
    if anchor is None:
        return None
    day = add_years(anchor, rule.years)
    if rule.until_age is not None and born is not None:
        day = max(day, add_years(born, rule.until_age))
    return day


def is_destroyed(person_id: int) -> bool:
    return DestroyedRecord.objects.filter(person_id=person_id).exists()


def reviews(people: Iterable[Person]) -> list[Review]:
    """Each child's governing rule and review date, with any legal hold in place."""
    chosen = {p.pk: p for p in people}
    rules = {rule.code: rule for rule in RetentionRule.objects.all()}
    last = last_activity(chosen)
    holds = {
        h.person_id: h
        for h in LegalHold.objects.filter(person_id__in=chosen, lifted_at__isnull=True).order_by(
            "placed_at"
        )
    }
    found = []
    for person_id, kinds in _kinds(chosen).items():
        person = chosen[person_id]
        dated = []
        for code, event in kinds.items():
            rule = rules.get(code)
            if rule is None:
                continue
            day = review_date(rule, person.date_of_birth, last.get(person_id), event)
            if day is not None:
                dated.append((day, -rule.priority, rule))
        if dated:
            day, _, rule = max(dated, key=lambda d: (d[0], d[1]))
            found.append(Review(person, rule, day, holds.get(person_id)))
    return sorted(found, key=lambda r: (r.review_date, r.person.pk))


def children_under_review() -> "list[Person]":
    return list(
        Person.objects.children()
        .not_merged()
        .exclude(pk__in=DestroyedRecord.objects.values("person_id"))
        .filter(~Q(given_name="", family_name="", date_of_birth__isnull=True))
    )


BATCH = 2000  # people per round of queries (SQLite allows some 32,000 parameters)


def due(on: dt.date) -> list[Review]:
    """Children whose review date has passed on `on` (those on legal hold included, marked)."""
    children = children_under_review()
    found: list[Review] = []
    for start in range(0, len(children), BATCH):
        found += [r for r in reviews(children[start : start + BATCH]) if r.review_date <= on]
    return sorted(found, key=lambda r: (r.review_date, r.person.pk))


def review_for(person: Person) -> Review | None:
    found = reviews([person])
    return found[0] if found else None
