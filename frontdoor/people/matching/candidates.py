"""The public front of matching: propose candidates for a described person, or a search."""

import datetime as dt
from typing import cast

from django.db.models import QuerySet

from frontdoor.people.matching.lookups import stages
from frontdoor.people.matching.online import match_person, query_record
from frontdoor.people.matching.pool import POOL_SIZE, candidate_pool, with_residences
from frontdoor.people.matching.query import Query, parse_search
from frontdoor.people.matching.rows import PersonRow, as_person
from frontdoor.people.matching.scoring import LINK_THRESHOLD, Candidate, score
from frontdoor.people.models import Person

# The share of the evidence compared that must agree for a candidate to be shown: a twin
# (forename differs) or a namesake with another NHS number is shown; a sibling who shares
# only a surname and an address is not.
MIN_AGREEMENT = 0.5
# The last round (sounds of the surname, single names) is for names misspelt: it is not
# run once someone has both names agreeing (forename and surname alone score 0.889).
NAMES_AGREE = 0.88


def rank(
    people: QuerySet[Person], query: Query, limit: int, min_score: float = 0.0
) -> list[Candidate]:
    """Score the pool for `query` and return the best `limit`, best first."""
    if query.is_empty():
        return []
    # Light rows stand in for people while scoring (rows.PersonRow); only those shown
    # become Person objects. The closest look-ups run first; the wider ones only if nobody
    # found so far is clearly the one.
    scored: list[Candidate] = []
    seen: set[int] = set()
    for round_, branches in enumerate(stages(query)):
        enough = LINK_THRESHOLD if round_ < 2 else NAMES_AGREE
        if any(c.score >= enough and c.agreement >= MIN_AGREEMENT for c in scored):
            break
        rows = candidate_pool(
            people, query, branches, size=max(POOL_SIZE - len(seen), POOL_SIZE // 2), skip=seen
        )
        seen.update(row.pk for row in rows)
        scored += [score(cast(Person, row), query) for row in rows]
    kept = [c for c in scored if c.agreement >= MIN_AGREEMENT and c.score >= min_score]
    kept.sort(key=lambda c: (-c.score, -c.weight, c.person.family_name, c.person.pk))
    return _as_people(kept[:limit])


def _as_people(candidates: list[Candidate]) -> list[Candidate]:
    with_residences([cast(PersonRow, c.person) for c in candidates])
    for candidate in candidates:
        candidate.person = as_person(cast(PersonRow, candidate.person))
    return candidates


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
    Each candidate also carries the trained model's `probability`, `evidence` and `band`
    (suggest / review / new, thresholds FRONTDOOR_MATCH_SUGGEST and FRONTDOOR_MATCH_REVIEW),
    and they come best probability first.
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
    found = rank(people if people is not None else Person.objects.all(), query, limit, min_score)
    return with_model_scores(found, query)


def with_model_scores(found: list[Candidate], query: Query) -> list[Candidate]:
    """Add the trained model's probability, evidence and band; best probability first."""
    if not found:
        return found
    described = query_record(query)
    for candidate in found:
        match = match_person(candidate.person, query, described)
        candidate.probability = round(match.probability, 4)
        candidate.evidence = match.evidence_text
        candidate.band = match.band
    found.sort(key=lambda c: (-c.probability, -c.score, -c.weight))
    return found


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
