"""Proposing candidates for a described person, or for a search: one ranking for both.

`find_candidates()` (intake: a contact's subject, the new-person page) and `search_people()`
(a worker's search) both go through `rank()`, so every candidate list is ordered by one rule,
in one place (ADR 0004):

- the hand-set weights (scoring.py) find and filter the candidates: they decide when the
  look-up rounds have found someone clearly the one, and which candidates are worth showing
  (half the evidence compared agrees);
- when the query gives only what the trained model compares (Query.is_model_comparable():
  forename, surname, date of birth, sex, postcode, NHS number), each candidate carries the
  model's `probability`, `evidence` and `band`, and the list runs best probability first;
- the hand-set score breaks the model's ties, and alone orders a query the model cannot
  judge whole: one name that may be either, an age, an LA child ID.
"""

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
    """The best `limit` candidates for `query` among `people`, best first (the module's rule).

    `min_score` leaves out candidates whose hand-set score is lower.
    """
    if query.is_empty():
        return []
    found = [
        c for c in _scored(people, query) if c.agreement >= MIN_AGREEMENT and c.score >= min_score
    ]
    if query.is_model_comparable():
        _judge_with_model(found, query)
    found.sort(key=_best_first)
    return _as_people(found[:limit])


def _scored(people: QuerySet[Person], query: Query) -> list[Candidate]:
    """Every candidate the look-ups find, scored with the hand-set weights.

    Light rows stand in for people while scoring (rows.PersonRow); only those shown become
    Person objects. The closest look-ups run first; the wider ones only if nobody found so
    far is clearly the one.
    """
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
    return scored


def _judge_with_model(candidates: list[Candidate], query: Query) -> None:
    """Attach the trained model's probability, evidence and band to each candidate.

    The pool read the candidates' addresses if the query gives a postcode; without one the
    model's residence comparison has nothing to compare, whatever the addresses.
    """
    described = query_record(query)
    for candidate in candidates:
        match = match_person(cast(Person, candidate.person), query, described)
        candidate.probability = round(match.probability, 4)
        candidate.evidence = match.evidence_text
        candidate.band = match.band


def _best_first(candidate: Candidate) -> tuple[float, float, float, str, int]:
    """The one order of a candidate list: the model's probability (0 for all when the
    model cannot judge the query), then the hand-set score and weight, then name and id."""
    person = candidate.person
    return (
        -candidate.probability,
        -candidate.score,
        -candidate.weight,
        person.family_name,
        person.pk,
    )


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
    and they come best probability first; given an `age`, which the model does not compare,
    they come in the hand-set order without the model's verdict (the module's rule).
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
    `postcode` come from the search form's own fields and win over the text. Ranked as
    find_candidates() ranks (the module's rule): by the model's probability when everything
    the search gives is something the model compares, otherwise (one name that may be
    either, an age, an LA child ID) by the hand-set weights.
    """
    parsed = parse_search(query, as_of=as_of)
    if date_of_birth:
        parsed.date_of_birth = date_of_birth
    if postcode.strip():
        parsed.postcode = Query(postcode=postcode).postcode
    return rank(people, parsed, limit)
