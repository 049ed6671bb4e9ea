"""Which people to score: a capped pool gathered through indexed keys only.

Each look-up below is one indexed range (NHS number, LA child ID, date of birth, surname
keys, alias keys, forename with birth year, postcode), capped at PER_LOOKUP rows; they run
as one UNION ALL statement and the pool takes them most selective first until it is full,
so a search never reads the whole index, however large.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from frontdoor.people.matching.names import variants
from frontdoor.people.matching.query import Query, swapped_day_and_month
from frontdoor.people.models import Alias, Household, Person, Residence
from frontdoor.people.search_keys import fold, phonetic, surname_parts

PER_LOOKUP = 50
POOL_SIZE = 160

PERSON = Person._meta.db_table
ALIAS = Alias._meta.db_table
RESIDENCE = Residence._meta.db_table
HOUSEHOLD = Household._meta.db_table

# One look-up: a condition on the person table (plain SQL, so that a search costs one
# statement rather than a dozen ORM queries to build, compile and run), and its parameters.
Lookup = tuple[str, list[Any]]


def _in(column: str, values: Iterable[Any]) -> Lookup:
    values = list(values)
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def _and(*parts: Lookup | None) -> Lookup:
    kept = [p for p in parts if p is not None]
    return " AND ".join(f"({sql})" for sql, _ in kept), [v for _, params in kept for v in params]


def _born(window: tuple[dt.date, dt.date] | None) -> Lookup | None:
    return ("date_of_birth BETWEEN %s AND %s", list(window)) if window else None


def _identifier_lookups(query: Query) -> Iterator[Lookup]:
    if len(query.nhs_number) == 10:
        yield "nhs_number = %s", [query.nhs_number]
    if query.la_child_id:
        yield "la_child_id = %s", [query.la_child_id]
    if query.date_of_birth:
        days = [query.date_of_birth, swapped_day_and_month(query.date_of_birth)]
        yield _in("date_of_birth", [d for d in days if d])


def _surnames(query: Query) -> list[str]:
    return [n for n in (query.family_name, query.name) if n]


def _forenames(query: Query) -> set[str]:
    return {v for n in (query.given_name, query.name) if n for v in variants(n.split()[0])}


def _via_alias(condition: Lookup) -> Lookup:
    sql, params = condition
    return f"id IN (SELECT person_id FROM {ALIAS} WHERE {sql})", params


def _name_lookups(query: Query) -> Iterator[Lookup]:
    born = _born(query.birth_window())
    forenames = sorted(_forenames(query))
    for surname in _surnames(query):
        folded = fold(surname)
        codes = sorted({phonetic(part) for part in surname_parts(surname)} - {""})
        if forenames and folded:
            yield _and(("search_family_name = %s", [folded]), _in("search_given_name", forenames))
        start = _first_letters(query)
        if start and folded:  # a misspelt forename keeps its first letters more often than not
            yield _and(
                ("search_family_name = %s", [folded]), _prefix("search_given_name", start, 1)
            )
        for code in codes:
            yield _and(("family_name_phonetic = %s", [code]), born)
            yield _and(("family_name_last_phonetic = %s", [code]), born)
        yield _via_alias(
            (
                "search_family_name = %s OR " + _in("family_name_phonetic", codes)[0],
                [folded, *codes],
            )
            if codes
            else ("search_family_name = %s", [folded])
        )
        if query.given_name and not query.name:  # forename and surname the other way round
            yield (
                "search_given_name = %s AND search_family_name = %s",
                [
                    folded,
                    fold(query.given_name),
                ],
            )
        yield "search_family_name = %s", [folded]
        prefix = _prefix("search_family_name", folded[:3])
        if prefix:
            yield _and(prefix, born)
    if forenames and (born or not query.family_name):
        yield _and(_in("search_given_name", forenames), born)
        yield _via_alias(_in("search_given_name", forenames))


def _first_letters(query: Query) -> str:
    given = query.given_name.split()[0] if query.given_name.split() else ""
    return fold(given)[:2]


def _prefix(column: str, start: str, shortest: int = 3) -> Lookup | None:
    """Names starting with `start`, as a range so that an ordinary index serves it."""
    if not start or len(start) < shortest:
        return None
    return f"{column} >= %s AND {column} < %s", [start, start[:-1] + chr(ord(start[-1]) + 1)]


def _address_lookups(query: Query) -> Iterator[Lookup]:
    if query.postcode:
        yield (
            f"id IN (SELECT r.person_id FROM {RESIDENCE} r JOIN {HOUSEHOLD} h"
            " ON h.id = r.household_id WHERE h.postcode = %s)",
            [query.postcode],
        )


def lookups(query: Query) -> Iterator[Lookup]:
    """The indexed look-ups for `query`, most selective first."""
    yield from _identifier_lookups(query)
    yield from _name_lookups(query)
    yield from _address_lookups(query)


def _pool_ids(query: Query) -> list[int]:
    """Ids from every look-up (each capped at PER_LOOKUP) in one statement, in look-up order."""
    branches = [(sql, params) for sql, params in lookups(query) if sql]
    if not branches:
        return []
    union = " UNION ALL ".join(
        f"SELECT * FROM (SELECT {n} AS branch, id FROM {PERSON} WHERE {sql} LIMIT {PER_LOOKUP})"
        f" AS b{n}"
        for n, (sql, _) in enumerate(branches)
    )
    with connection.cursor() as cursor:
        cursor.execute(union, [v for _, params in branches for v in params])
        found = sorted(cursor.fetchall())
    ids: dict[int, None] = {}
    for _, pk in found:
        ids.setdefault(pk)
        if len(ids) >= POOL_SIZE:
            break
    return list(ids)


def _date(value: Any) -> dt.date | None:
    """SQLite hands back dates from raw SQL as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class _Household:
    pk: int
    postcode: str


@dataclass
class _Residence:
    pk: int
    household: _Household
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass
class _Alias:
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

    Kind = Person.Kind
    age_on = Person.age_on


def candidate_pool(people: QuerySet[Person], query: Query) -> list[PersonRow]:
    """Up to POOL_SIZE people from `people` found through `query`'s keys, ready to score.

    The look-ups run on the whole index and only their few hundred results are then
    filtered to `people` (the records the user may see) and to records not merged away:
    those conditions match nearly every row, and a planner that used their indexes would
    read the whole table.
    """
    ids = _pool_ids(query)
    if ids and people.query.has_filters():  # only the records the user may see
        ids = list(people.filter(pk__in=ids).order_by().values_list("pk", flat=True))
    if not ids:
        return []
    # One statement for the people and their addresses, one for their other names.
    marks = ", ".join(["%s"] * len(ids))
    columns = ", ".join(f"p.{c}" for c in ("id", *PERSON_COLUMNS[1:]))
    rows: dict[int, PersonRow] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, r.id, h.id, h.postcode, r.start_date, r.end_date"
            f" FROM {PERSON} p LEFT JOIN {RESIDENCE} r ON r.person_id = p.id"
            f" LEFT JOIN {HOUSEHOLD} h ON h.id = r.household_id"
            f" WHERE p.id IN ({marks}) AND p.merged_into_id IS NULL",
            ids,
        )
        for values in cursor.fetchall():
            person = values[: len(PERSON_COLUMNS)]
            row = rows.get(person[0])
            if row is None:
                fields: list[Any] = [*person[:4], _date(person[4]), _date(person[5])]
                row = rows[person[0]] = PersonRow(*fields, *person[6:])
            residence, household, postcode, start, end = values[len(PERSON_COLUMNS) :]
            if residence is not None:
                row.residences.append(
                    _Residence(residence, _Household(household, postcode), _date(start), _date(end))
                )
        if not rows:
            return []
        cursor.execute(
            f"SELECT person_id, id, given_name, family_name, note FROM {ALIAS}"
            f" WHERE person_id IN ({', '.join(['%s'] * len(rows))})",
            list(rows),
        )
        for person_id, *alias in cursor.fetchall():
            rows[person_id].aliases.append(_Alias(*alias))
    return list(rows.values())


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
        residence.household = Household.from_db(
            db, ["id", "postcode"], [r.household.pk, r.household.postcode]
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


def _values(row: PersonRow) -> list[Any]:
    return [getattr(row, name) for name in PERSON_COLUMNS]


def _newest_first(r: _Residence) -> tuple[Any, ...]:
    return (r.start_date is not None, r.start_date or dt.date.min, r.pk)


def _cached(queryset: QuerySet[Any], objects: list[Any]) -> QuerySet[Any]:
    """A queryset that answers from `objects`, as a prefetch leaves it."""
    queryset._result_cache = objects
    queryset._prefetch_done = True  # type: ignore[attr-defined]
    return queryset
