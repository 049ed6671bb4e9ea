"""Which index ranges to read for a query: the look-ups behind a search, as plain SQL.

Each look-up is one indexed range (NHS number, LA child ID, date of birth, surname keys,
alias keys, forename with birth year, postcode): a condition on the person table and its
parameters. `stages()` gives them in three rounds, closest first; pool.py runs them, each
capped, as one statement.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection

from frontdoor.lib.dates import add_years
from frontdoor.people.matching.names import variants
from frontdoor.people.matching.query import Query, swapped_day_and_month
from frontdoor.people.models import Alias, Household, Person, Residence
from frontdoor.people.search_keys import fold, phonetic, surname_parts

NEAR_DAYS = 3

PERSON = Person._meta.db_table
ALIAS = Alias._meta.db_table
RESIDENCE = Residence._meta.db_table
HOUSEHOLD = Household._meta.db_table

# One look-up: a condition on the person table (plain SQL, so that a search costs one
# statement rather than a dozen ORM queries to build, compile and run), and its parameters.
Lookup = tuple[str, list[Any]]


def in_values(column: str, values: Iterable[Any]) -> Lookup:
    """`column` is one of `values` (on PostgreSQL one array parameter, however many values)."""
    values = list(values)
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [values]
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


def _days(query: Query) -> Lookup | None:
    """The date of birth given, or with day and month swapped."""
    if not query.date_of_birth:
        return None
    days = [query.date_of_birth, swapped_day_and_month(query.date_of_birth)]
    return in_values("date_of_birth", [d for d in days if d])


def _near(query: Query) -> Lookup | None:
    """A few days either side of the date of birth given, or the same birthday a year out."""
    born = query.date_of_birth
    if not born:
        return None
    years, year_params = in_values("date_of_birth", [add_years(born, n) for n in (-1, 1)])
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
        yield _and(in_values("search_given_name", forenames), days)
    for folded, codes in surnames:
        yield _and(("search_family_name = %s", [folded]), near)
        for code in codes:
            yield _and(("family_name_phonetic = %s", [code]), near)
    if forenames:
        yield _and(in_values("search_given_name", forenames), near)
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
                ("search_family_name = %s", [folded]),
                in_values("search_given_name", forenames),
                born,
            )
            # A surname misspelt after its first letters ("Butle" for Butler).
            yield _and(
                in_values("search_given_name", forenames),
                _prefix("search_family_name", folded[:3]),
                born,
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
                in_values("search_given_name", forenames),
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
                    ("family_name_phonetic = %s", [code]), in_values("search_given_name", forenames)
                )
            if start:  # both names misspelt ("Paige Sctt")
                yield _and(
                    ("family_name_phonetic = %s", [code]),
                    _prefix("search_given_name", start[:1], 1),
                    born,
                )
            yield _and(("family_name_phonetic = %s", [code]), born)
            yield _and(("family_name_last_phonetic = %s", [code]), born)
        sounds, sound_params = in_values("family_name_phonetic", codes)
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
        yield _and(in_values("search_given_name", forenames), born)
        yield _via_alias(in_values("search_given_name", forenames))
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
