"""The public front of matching: propose candidates for a described person, or a search."""

import datetime as dt

from django.db.models import QuerySet

from frontdoor.people.matching.pool import candidate_pool
from frontdoor.people.matching.query import Query, parse_search
from frontdoor.people.matching.scoring import Candidate, score
from frontdoor.people.models import Person

# The share of the evidence compared that must agree for a candidate to be shown: a twin
# (forename differs) or a namesake with another NHS number is shown; a sibling who shares
# only a surname and an address is not.
MIN_AGREEMENT = 0.55


def rank(
    people: QuerySet[Person], query: Query, limit: int, min_score: float = 0.0
) -> list[Candidate]:
    """Score the pool for `query` and return the best `limit`, best first."""
    if query.is_empty():
        return []
    scored = [score(person, query) for person in candidate_pool(people, query)]
    kept = [c for c in scored if c.agreement >= MIN_AGREEMENT and c.score >= min_score]
    kept.sort(key=lambda c: (-c.score, -c.weight, c.person.family_name, c.person.pk))
    return kept[:limit]


def find_candidates(
    given_name: str = "",
    family_name: str = "",
    date_of_birth: dt.date | None = None,
    postcode: str = "",
    nhs_number: str = "",
    *,
    people: QuerySet[Person] | None = None,
    limit: int = 10,
    age: int | None = None,
    sex: str = "",
    min_score: float = 0.0,
) -> list[Candidate]:
    """People who may be the one described, best first, each with the reasons it matched.

    Used when a contact names a child or adult, so the worker links the existing record
    rather than making a duplicate (Working Together 2023: information about a child must be
    brought together so that a pattern of concern is seen). Pass `people` as the records the
    user may see. A score at or above LINK_THRESHOLD is a likely match; a person still decides.
    """
    query = Query(
        given_name=given_name,
        family_name=family_name,
        date_of_birth=date_of_birth,
        postcode=postcode,
        nhs_number=nhs_number,
        age=age,
        sex=sex,
    )
    return rank(people if people is not None else Person.objects.all(), query, limit, min_score)


def search_people(
    people: QuerySet[Person],
    query: str,
    limit: int = 25,
    *,
    date_of_birth: dt.date | None = None,
    postcode: str = "",
    as_of: dt.date | None = None,
) -> list[Candidate]:
    """A worker's free-text search, ranked, with reasons.

    `query` may hold name fragments, a date of birth (dd/mm/yyyy or yyyy-mm-dd), an age
    ("age 7", "7y"), a postcode and an NHS number, in any order. `date_of_birth` and
    `postcode` come from the search form's own fields and win over the text.
    """
    parsed = parse_search(query, as_of=as_of)
    if date_of_birth:
        parsed.date_of_birth = date_of_birth
    if postcode.strip():
        parsed.postcode = Query(postcode=postcode).postcode
    return rank(people, parsed, limit)
