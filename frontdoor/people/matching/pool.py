"""Which people to score: a capped pool gathered through indexed keys only.

The look-ups for a query (lookups.py: NHS number, LA child ID, date of birth, surname keys,
alias keys, forename with birth year, postcode), each capped at PER_LOOKUP rows, run as one
UNION ALL statement, and the pool takes them most selective first until it is full, so a
search never reads the whole index, however large.
"""

from collections.abc import Collection, Iterable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from frontdoor.people.matching.lookups import (
    ALIAS,
    HOUSEHOLD,
    PERSON,
    RESIDENCE,
    Lookup,
    in_values,
    lookups,
)
from frontdoor.people.matching.query import Query
from frontdoor.people.matching.rows import (
    MERGED,
    PERSON_COLUMNS_AS_FIELDS,
    AliasRow,
    HouseholdRow,
    PersonRow,
    ResidenceRow,
    as_date,
    person_row,
)
from frontdoor.people.models import Person

PER_LOOKUP = 40
POOL_SIZE = 100
_COLUMNS = ", ".join(PERSON_COLUMNS_AS_FIELDS)


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
    rows = {values[0]: person_row(values) for values in found if values[MERGED] is None}
    if not rows:
        return []
    whose, params = in_values("person_id", list(rows))
    for person_id, *alias in _rows(
        f"SELECT person_id, id, given_name, family_name, note FROM {ALIAS} WHERE {whose}", params
    ):
        rows[person_id].aliases.append(AliasRow(*alias))
    if query.postcode:
        with_residences(list(rows.values()))
    return list(rows.values())


def with_residences(rows: list[PersonRow]) -> None:
    """Read the addresses of the rows that do not have them yet (one statement)."""
    wanted = {row.pk: row for row in rows if not row.residences_read}
    if not wanted:
        return
    whose, params = in_values("r.person_id", list(wanted))
    for person_id, *values in _rows(
        f"SELECT r.person_id, r.id, h.id, h.postcode, h.line1, r.start_date, r.end_date"
        f" FROM {RESIDENCE} r JOIN {HOUSEHOLD} h ON h.id = r.household_id WHERE {whose}",
        params,
    ):
        residence, household, postcode, line1, start, end = values
        wanted[person_id].residences.append(
            ResidenceRow(
                residence, HouseholdRow(household, postcode, line1), as_date(start), as_date(end)
            )
        )
    for row in wanted.values():
        row.residences_read = True
