"""Which people to score: a capped pool gathered through indexed keys only.

Each look-up below is one indexed range (NHS number, LA child ID, date of birth, surname
keys, alias keys, forename with birth year, postcode), capped at PER_LOOKUP rows; they run
as one UNION ALL statement and the pool takes them most selective first until it is full,
so a search never reads the whole index, however large.
"""

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from frontdoor.lib.dates import add_years
from frontdoor.people.matching.names import variants
from frontdoor.people.matching.query import Query, swapped_day_and_month
from frontdoor.people.models import Alias, Household, Person, Residence
from frontdoor.people.search_keys import fold, phonetic, surname_parts

PER_LOOKUP = 40
POOL_SIZE = 100
NEAR_DAYS = 3

PERSON = Person._meta.db_table
ALIAS = Alias._meta.db_table
RESIDENCE = Residence._meta.db_table
HOUSEHOLD = Household._meta.db_table

# One look-up: a condition on the person table (plain SQL, so that a search costs one
# statement rather than a dozen ORM queries to build, compile and run), and its parameters.
Lookup = tuple[str, list[Any]]


def _in(column: str, values: Iterable[Any]) -> Lookup:
    """`column` is one of `values` (on PostgreSQL one array parameter, however many values)."""
    values = list(values)
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [values]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Run one statement; on PostgreSQL with its values sent beside the text.

    Django's PostgreSQL cursor writes every value into the statement's text, which for a
    search of twenty look-ups cost more time than running them. Not prepared: a plan made
    for one name is a poor plan for another.
    """
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    import psycopg

    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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


def _days(query: Query) -> Lookup | None:
    """The date of birth given, or with day and month swapped."""
    if not query.date_of_birth:
        return None
    days = [query.date_of_birth, swapped_day_and_month(query.date_of_birth)]
    return _in("date_of_birth", [d for d in days if d])


def _near(query: Query) -> Lookup | None:
    """A few days either side of the date of birth given, or the same birthday a year out."""
    born = query.date_of_birth
    if not born:
        return None
    years, year_params = _in("date_of_birth", [add_years(born, n) for n in (-1, 1)])
    return (
        f"date_of_birth BETWEEN %s AND %s OR {years}",
        [born - dt.timedelta(days=NEAR_DAYS), born + dt.timedelta(days=NEAR_DAYS), *year_params],
    )


def _surnames(query: Query) -> list[str]:
    return [n for n in (query.family_name, query.name) if n]


def _surname_keys(query: Query) -> list[tuple[str, list[str]]]:
    """Each surname given, folded, with the sounds of its parts ("Smith-Jones": SM0, JNS)."""
    keys = []
    for surname in _surnames(query):
        folded = fold(surname)
        if folded:
            codes = sorted({phonetic(part) for part in surname_parts(surname)} - {""})
            keys.append((folded, codes))
    return keys


def _forenames(query: Query) -> set[str]:
    return {v for n in (query.given_name, query.name) if n for v in variants(n.split()[0])}


def _via_alias(condition: Lookup) -> Lookup:
    sql, params = condition
    return f"id IN (SELECT person_id FROM {ALIAS} WHERE {sql})", params


def _birth_lookups(query: Query) -> Iterator[Lookup]:
    """A name (or its sound, or a forename's first letter) with the date of birth given.

    A few rows each at any scale, so they come first: with hundreds of children born on
    any one day, and hundreds of Ethan Martins, only both together pick out one child.
    """
    days, near = _days(query), _near(query)
    if not days or not near:
        return
    forenames = sorted(_forenames(query))
    surnames = _surname_keys(query)
    for folded, codes in surnames:
        yield _and(("search_family_name = %s", [folded]), days)
        for code in codes:
            yield _and(("family_name_phonetic = %s", [code]), days)
            yield _and(("family_name_last_phonetic = %s", [code]), days)
    if forenames:  # a changed surname
        yield _and(_in("search_given_name", forenames), days)
    for folded, codes in surnames:
        yield _and(("search_family_name = %s", [folded]), near)
        for code in codes:
            yield _and(("family_name_phonetic = %s", [code]), near)
    if forenames:
        yield _and(_in("search_given_name", forenames), near)
    for folded, _ in surnames:  # a surname misspelt after its first letter
        yield _and(days, _prefix("search_family_name", folded[:1], 1))
    start = _first_letters(query)
    if start:  # a changed surname and a misspelt forename
        yield _and(days, _prefix("search_given_name", start[:1], 1))


def _age_year(query: Query) -> Lookup | None:
    """Born in the year of life that the age given means (on the day of the search)."""
    if query.age is None:
        return None
    last = add_years(query.as_of, -query.age)
    return "date_of_birth BETWEEN %s AND %s", [
        add_years(last, -1) + dt.timedelta(days=1),
        last,
    ]


def _name_lookups(query: Query) -> Iterator[Lookup]:
    born = _born(query.birth_window())
    forenames = sorted(_forenames(query))
    start = _first_letters(query)
    for folded, _ in _surname_keys(query):
        if forenames:
            yield _and(
                ("search_family_name = %s", [folded]), _in("search_given_name", forenames), born
            )
            # A surname misspelt after its first letters ("Butle" for Butler).
            yield _and(
                _in("search_given_name", forenames), _prefix("search_family_name", folded[:3]), born
            )
        if start:  # a misspelt forename keeps its first letters more often than not
            yield _and(
                ("search_family_name = %s", [folded]), _prefix("search_given_name", start, 1), born
            )
        # With an age, only its initial is needed of the misspelt name ("Jsoeph Johnson",
        # "Ryan Jnes"): born in the one year that age gives, there are few.
        year = _age_year(query) or born
        if start and year:
            yield _and(
                ("search_family_name = %s", [folded]),
                _prefix("search_given_name", start[:1], 1),
                year,
            )
        if forenames and year:
            yield _and(
                _in("search_given_name", forenames),
                _prefix("search_family_name", folded[:1], 1),
                year,
            )


def _sound_lookups(query: Query) -> Iterator[Lookup]:
    born = _born(query.birth_window())
    forenames = sorted(_forenames(query))
    start = _first_letters(query)
    for folded, codes in _surname_keys(query):
        for code in codes:
            if forenames:  # a surname misspelt but still sounding the same ("Willow Soctt")
                yield _and(
                    ("family_name_phonetic = %s", [code]), _in("search_given_name", forenames)
                )
            if start:  # both names misspelt ("Paige Sctt")
                yield _and(
                    ("family_name_phonetic = %s", [code]),
                    _prefix("search_given_name", start[:1], 1),
                    born,
                )
            yield _and(("family_name_phonetic = %s", [code]), born)
            yield _and(("family_name_last_phonetic = %s", [code]), born)
        sounds, sound_params = _in("family_name_phonetic", codes)
        yield _via_alias(
            (f"search_family_name = %s OR {sounds}", [folded, *sound_params])
            if codes
            else ("search_family_name = %s", [folded])
        )
        if query.given_name and not query.name:  # forename and surname the other way round
            yield (
                "search_given_name = %s AND search_family_name = %s",
                [folded, fold(query.given_name)],
            )
        yield "search_family_name = %s", [folded]
        prefix = _prefix("search_family_name", folded[:3])
        if prefix:
            yield _and(prefix, born)
    if forenames and (born or not query.family_name):
        yield _and(_in("search_given_name", forenames), born)
        yield _via_alias(_in("search_given_name", forenames))
    days = _days(query)
    if days:
        yield days


def _first_letters(query: Query) -> str:
    given = query.given_name.split()[0] if query.given_name.split() else ""
    return fold(given)[:2]


def _prefix(column: str, start: str, shortest: int = 3) -> Lookup | None:
    """Names starting with `start`, as a range so that an ordinary index serves it."""
    if not start or len(start) < shortest:
        return None
    return f"{column} >= %s AND {column} < %s", [start, start[:-1] + chr(ord(start[-1]) + 1)]


def _lived_at(condition: str, params: list[Any]) -> Lookup:
    return (
        f"id IN (SELECT r.person_id FROM {RESIDENCE} r JOIN {HOUSEHOLD} h"
        f" ON h.id = r.household_id WHERE {condition})",
        params,
    )


def _address_lookups(query: Query) -> Iterator[Lookup]:
    """Everyone who lived at the postcode (a few households); in its district, by name."""
    if not query.postcode:
        return
    yield _lived_at("h.postcode = %s", [query.postcode])
    district = query.postcode.split(" ")[0] + " "
    in_district = _lived_at(*_prefix("h.postcode", district, 1) or ("1 = 0", []))
    for surname in _surnames(query):
        yield _and(("search_family_name = %s", [fold(surname)]), in_district)
    start = _first_letters(query)
    if start:
        yield _and(_prefix("search_given_name", start[:1], 1), in_district)


def stages(query: Query) -> list[list[Lookup]]:
    """The look-ups for `query` in three rounds, closest first; a search stops after the
    round that finds someone who is clearly the one.

    1. identifiers, the date of birth with a name, the postcode: a few rows each, and they
       find the child when the search gives a date of birth or a current postcode;
    2. the names (their variants, first letters) with the age's window of birth dates;
    3. the surname's sound, other names, a surname alone, a forename alone.
    """
    close = [*_identifier_lookups(query), *_birth_lookups(query), *_address_lookups(query)]
    return [close, list(_name_lookups(query)), list(_sound_lookups(query))]


def lookups(query: Query) -> Iterator[Lookup]:
    """Every indexed look-up for `query`, most selective first."""
    for stage in stages(query):
        yield from stage


def _pool_rows(
    branches: list[Lookup], size: int = POOL_SIZE, skip: Collection[int] = ()
) -> list[tuple[Any, ...]]:
    """PERSON_COLUMNS of up to `size` people (not in `skip`) from the look-ups, in order.

    One statement; each look-up capped at PER_LOOKUP. The index scan visits each row
    anyway, so the columns scoring reads come with it rather than from a second statement.
    """
    branches = [(sql, params) for sql, params in branches if sql]
    if not branches or size <= 0:
        return []
    union = " UNION ALL ".join(
        f"SELECT * FROM (SELECT {n} AS branch, {_COLUMNS} FROM {PERSON} WHERE {sql}"
        f" LIMIT {PER_LOOKUP}) AS b{n}"
        for n, (sql, _) in enumerate(branches)
    )
    found = _rows(union, [v for _, params in branches for v in params])
    found.sort(key=lambda values: (values[0], values[1]))
    rows: dict[int, tuple[Any, ...]] = {}
    for _, *values in found:
        if values[0] not in skip:
            rows.setdefault(values[0], tuple(values))
            if len(rows) >= size:
                break
    return list(rows.values())


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
    residences_read: bool = False

    Kind = Person.Kind
    age_on = Person.age_on


def candidate_pool(
    people: QuerySet[Person],
    query: Query,
    branches: Iterable[Lookup] | None = None,
    *,
    size: int = POOL_SIZE,
    skip: Collection[int] = (),
) -> list[PersonRow]:
    """Up to `size` people from `people` found through `query`'s keys, ready to score.

    `branches` are the look-ups to run (all of `lookups(query)` if not given); people in
    `skip` (already scored) are left out.

    The look-ups run on the whole index and only their few hundred results are then
    filtered to `people` (the records the user may see) and to records not merged away:
    those conditions match nearly every row, and a planner that used their indexes would
    read the whole table. Addresses are read only if the search gives a postcode (the
    people shown get theirs from `with_residences`).
    """
    found = _pool_rows(list(lookups(query) if branches is None else branches), size, skip)
    if found and people.query.has_filters():  # only the records the user may see
        allowed = set(
            people.filter(pk__in=[values[0] for values in found])
            .order_by()
            .values_list("pk", flat=True)
        )
        found = [values for values in found if values[0] in allowed]
    rows = {values[0]: _person_row(values) for values in found if values[_MERGED] is None}
    if not rows:
        return []
    whose, params = _in("person_id", list(rows))
    for person_id, *alias in _rows(
        f"SELECT person_id, id, given_name, family_name, note FROM {ALIAS} WHERE {whose}", params
    ):
        rows[person_id].aliases.append(_Alias(*alias))
    if query.postcode:
        with_residences(list(rows.values()))
    return list(rows.values())


def _person_row(values: tuple[Any, ...]) -> PersonRow:
    fields: list[Any] = [*values[:4], _date(values[4]), _date(values[5]), *values[6:]]
    return PersonRow(*fields)


def with_residences(rows: list[PersonRow]) -> None:
    """Read the addresses of the rows that do not have them yet (one statement)."""
    wanted = {row.pk: row for row in rows if not row.residences_read}
    if not wanted:
        return
    whose, params = _in("r.person_id", list(wanted))
    for person_id, *values in _rows(
        f"SELECT r.person_id, r.id, h.id, h.postcode, r.start_date, r.end_date"
        f" FROM {RESIDENCE} r JOIN {HOUSEHOLD} h ON h.id = r.household_id WHERE {whose}",
        params,
    ):
        residence, household, postcode, start, end = values
        wanted[person_id].residences.append(
            _Residence(residence, _Household(household, postcode), _date(start), _date(end))
        )
    for row in wanted.values():
        row.residences_read = True


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
_COLUMNS = ", ".join(PERSON_COLUMNS_AS_FIELDS)
_MERGED = PERSON_COLUMNS.index("merged_into_id")


def _values(row: PersonRow) -> list[Any]:
    return [getattr(row, name) for name in PERSON_COLUMNS]


def _newest_first(r: _Residence) -> tuple[Any, ...]:
    return (r.start_date is not None, r.start_date or dt.date.min, r.pk)


def _cached(queryset: QuerySet[Any], objects: list[Any]) -> QuerySet[Any]:
    """A queryset that answers from `objects`, as a prefetch leaves it."""
    queryset._result_cache = objects
    queryset._prefetch_done = True  # type: ignore[attr-defined]
    return queryset
