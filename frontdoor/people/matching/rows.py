"""Light rows standing in for people while they are scored, and the Person each becomes.

Building hundreds of model instances and their prefetched relations was most of the time a
search took; a row of plain values (`PersonRow`) is scored the same way, and only the people
shown become Person objects (`as_person()`), without another query.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from frontdoor.people.models import Alias, Household, Person, Residence


def as_date(value: Any) -> dt.date | None:
    """SQLite hands back dates from raw SQL as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class HouseholdRow:
    pk: int
    postcode: str
    line1: str  # the model compares addresses (online.person_records)


@dataclass
class ResidenceRow:
    pk: int
    household: HouseholdRow
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass
class AliasRow:
    pk: int
    given_name: str
    family_name: str
    note: str

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class _Related(list[Any]):
    """Stands in for a prefetched related manager: `.all()` is the list itself."""

    def all(self) -> "_Related":
        return self


PERSON_COLUMNS = (
    "pk",
    "kind",
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_date_of_birth",
    "sex",
    "nhs_number",
    "la_child_id",
    "merged_into_id",
)


@dataclass
class PersonRow:
    """The parts of a Person that scoring reads, without building a model instance.

    Building hundreds of model instances and their prefetched relations was most of the
    time a search took; a row of plain values is scored the same way.
    """

    pk: int
    kind: str
    given_name: str
    family_name: str
    date_of_birth: dt.date | None
    expected_date_of_birth: dt.date | None
    sex: str
    nhs_number: str
    la_child_id: str
    merged_into_id: int | None
    aliases: _Related = field(default_factory=_Related)
    residences: _Related = field(default_factory=_Related)
    residences_read: bool = False

    Kind = Person.Kind
    age_on = Person.age_on


def person_row(values: tuple[Any, ...]) -> PersonRow:
    fields: list[Any] = [*values[:4], as_date(values[4]), as_date(values[5]), *values[6:]]
    return PersonRow(*fields)


def as_person(row: PersonRow) -> Person:
    """The Person a scored row stands for, with its addresses and other names attached.

    Built from the values already read, without another query; fields not read are
    deferred (read from the database if used), so the instance is safe to use and save.
    """
    db = connection.alias
    person = Person.from_db(db, list(PERSON_COLUMNS_AS_FIELDS), _values(row))
    residences = []
    for r in sorted(row.residences, key=_newest_first, reverse=True):
        residence = Residence.from_db(
            db,
            ["id", "person_id", "household_id", "start_date", "end_date"],
            [r.pk, row.pk, r.household.pk, r.start_date, r.end_date],
        )
        residence.household = Household.from_db(  # values in the model's field order
            db,
            ["id", "line1", "postcode"],
            [r.household.pk, r.household.line1, r.household.postcode],
        )
        residences.append(residence)
    aliases = [
        Alias.from_db(
            db,
            ["id", "person_id", "given_name", "family_name", "note"],
            [a.pk, row.pk, a.given_name, a.family_name, a.note],
        )
        for a in row.aliases
    ]
    person._prefetched_objects_cache = {  # type: ignore[attr-defined]
        "residences": _cached(Residence.objects.filter(person_id=row.pk), residences),
        "aliases": _cached(Alias.objects.filter(person_id=row.pk), aliases),
    }
    return person


PERSON_COLUMNS_AS_FIELDS = ("id", *PERSON_COLUMNS[1:])
MERGED = PERSON_COLUMNS.index("merged_into_id")


def _values(row: PersonRow) -> list[Any]:
    return [getattr(row, name) for name in PERSON_COLUMNS]


def _newest_first(r: ResidenceRow) -> tuple[Any, ...]:
    return (r.start_date is not None, r.start_date or dt.date.min, r.pk)


def _cached(queryset: QuerySet[Any], objects: list[Any]) -> QuerySet[Any]:
    """A queryset that answers from `objects`, as a prefetch leaves it."""
    queryset._result_cache = objects
    queryset._prefetch_done = True  # type: ignore[attr-defined]
    return queryset
