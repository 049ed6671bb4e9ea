"""Which people to score: a capped pool gathered through indexed keys only.

Each look-up below is one indexed query (NHS number, LA child ID, date of birth, surname
keys, alias keys, forename with birth year, postcode). They run most selective first and
stop when the pool is full, so a search never reads the whole index, however large.
"""

from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from frontdoor.people.matching.names import variants
from frontdoor.people.matching.query import Query, swapped_day_and_month
from frontdoor.people.models import Alias, Person, Residence
from frontdoor.people.search_keys import fold, phonetic, surname_parts

PER_LOOKUP = 150
POOL_SIZE = 400

Lookup = Callable[[QuerySet[Person]], QuerySet[Any]]


def _where(condition: Q) -> Lookup:
    return lambda people: people.filter(condition)


def _via(model: type[Alias] | type[Residence], condition: Q) -> Lookup:
    ids: QuerySet[Any] = model.objects.filter(condition).values("person_id")
    return lambda people: people.filter(pk__in=ids)


def _identifier_lookups(query: Query) -> Iterator[Lookup]:
    if len(query.nhs_number) == 10:
        yield _where(Q(nhs_number=query.nhs_number))
    if query.la_child_id:
        yield _where(Q(la_child_id=query.la_child_id))
    if query.date_of_birth:
        days = [query.date_of_birth, swapped_day_and_month(query.date_of_birth)]
        yield _where(Q(date_of_birth__in=[d for d in days if d]))


def _surnames(query: Query) -> list[str]:
    return [n for n in (query.family_name, query.name) if n]


def _forenames(query: Query) -> set[str]:
    return {v for n in (query.given_name, query.name) if n for v in variants(n.split()[0])}


def _name_lookups(query: Query) -> Iterator[Lookup]:
    window = query.birth_window()
    born = Q(date_of_birth__range=window) if window else Q()
    forenames = _forenames(query)
    for surname in _surnames(query):
        codes = {phonetic(part) for part in surname_parts(surname)}
        if forenames:
            yield _where(Q(search_family_name=fold(surname), search_given_name__in=forenames))
        for code in codes:
            yield _where(Q(family_name_phonetic=code) & born)
            yield _where(Q(family_name_last_phonetic=code) & born)
        yield _via(Alias, Q(search_family_name=fold(surname)) | Q(family_name_phonetic__in=codes))
        if query.given_name and not query.name:  # forename and surname the other way round
            yield _where(
                Q(search_given_name=fold(surname), search_family_name=fold(query.given_name))
            )
        yield _where(Q(search_family_name=fold(surname)))
        yield _where(_prefix("search_family_name", fold(surname)[:3]) & born)
    if forenames and (window or not query.family_name):
        yield _where(Q(search_given_name__in=forenames) & born)
        yield _via(Alias, Q(search_given_name__in=forenames))


def _prefix(column: str, start: str) -> Q:
    """Names starting with `start`, as a range so that an ordinary index serves it."""
    if len(start) < 3:
        return Q(pk__in=[])
    return Q(**{f"{column}__gte": start, f"{column}__lt": start[:-1] + chr(ord(start[-1]) + 1)})


def _address_lookups(query: Query) -> Iterator[Lookup]:
    if query.postcode:
        yield _via(Residence, Q(household__postcode=query.postcode))


def lookups(query: Query) -> Iterator[Lookup]:
    """The indexed look-ups for `query`, most selective first."""
    yield from _identifier_lookups(query)
    yield from _name_lookups(query)
    yield from _address_lookups(query)


def candidate_pool(people: QuerySet[Person], query: Query) -> list[Person]:
    """Up to POOL_SIZE people from `people` found through `query`'s keys, ready to score.

    The look-ups run on the whole index and only their few hundred results are then
    filtered to `people` (the records the user may see) and to records not merged away:
    those conditions match nearly every row, and a planner that used their indexes would
    read the whole table.
    """
    found: dict[int, None] = {}
    for lookup in lookups(query):
        for pk in lookup(Person.objects.order_by()).values_list("pk", flat=True)[:PER_LOOKUP]:
            found.setdefault(pk)
        if len(found) >= POOL_SIZE:
            break
    ids = list(found)[:POOL_SIZE]
    residences = Residence.objects.select_related("household").order_by("-start_date", "-pk")
    pool = (
        people.filter(pk__in=ids)
        .order_by()
        .prefetch_related(Prefetch("residences", queryset=residences), "aliases")
    )
    return [person for person in pool if person.merged_into_id is None]
