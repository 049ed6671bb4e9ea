"""Finding records that may be one person, for the duplicate review queue.

`propose_duplicates()` is run by `frontdoor people find-duplicates` (nightly, as a
scheduled job: see docs/howto/duplicate-review.md). It gathers candidate pairs through
bounded blocking keys (NHS number; date of birth, either way round; sound of the surname
with year of birth; postcode with forename initial), scores each pair with
`people.matching`, and stores those worth a person's look. A pair marked as different people
or already merged is never proposed again. Pairs that look like twins or siblings are
stored flagged, and never suggested for merging.
"""

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from frontdoor.audit.log import record_change
from frontdoor.lib.errors import ActionError
from frontdoor.people.matching import score, thresholds
from frontdoor.people.matching.names import compare_given_names
from frontdoor.people.models import DuplicatePair, Person, Residence
from frontdoor.people.search_keys import fold

# A block larger than this (a very common surname born in one year) is skipped rather
# than compared all against all: its pairs are found through the other keys.
MAX_BLOCK = 40


def review_threshold() -> float:
    """FRONTDOOR_DUPLICATE_REVIEW_THRESHOLD, else the model's own review threshold."""
    return float(getattr(settings, "FRONTDOOR_DUPLICATE_REVIEW_THRESHOLD", thresholds()[1]))


@dataclass
class Found:
    """What one run of `propose_duplicates()` did."""

    compared: int = 0
    proposed: int = 0
    updated: int = 0
    flagged_twins: int = 0
    not_proposed_again: int = 0


@dataclass(frozen=True)
class _Row:
    pk: int
    given: str
    family: str
    born: dt.date | None
    nhs: str
    phonetic: str
    postcode: str


def _rows(people: Iterable[Person], postcodes: dict[int, str]) -> list[_Row]:
    return [
        _Row(
            p.pk,
            p.search_given_name,
            p.search_family_name,
            p.date_of_birth,
            p.nhs_number,
            p.family_name_phonetic,
            postcodes.get(p.pk, ""),
        )
        for p in people
    ]


def _keys(row: _Row) -> Iterator[tuple[Any, ...]]:
    if row.nhs:
        yield ("nhs", row.nhs)
    if row.born:
        low, high = sorted((row.born.day, row.born.month))
        yield ("born", row.born.year, low, high)  # the same key with day and month swapped
    if row.phonetic and row.born:
        yield ("surname", row.phonetic, row.born.year)
    if row.postcode and row.given:
        yield ("postcode", row.postcode, row.given[0])


def candidate_pairs(rows: list[_Row]) -> set[tuple[int, int]]:
    """Pairs of ids sharing at least one blocking key, lower id first."""
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for row in rows:
        for key in _keys(row):
            blocks[key].append(row.pk)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


def _current_postcodes(ids: list[int] | None = None) -> dict[int, str]:
    current = Residence.objects.filter(end_date__isnull=True)
    if ids is not None:
        current = current.filter(person_id__in=ids)
    return dict(current.values_list("person_id", "household__postcode"))


def _record(person: Person, postcode: str) -> dict[str, Any]:
    residence = next((r for r in person.residences.all() if r.end_date is None), None)
    return {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "date_of_birth": person.date_of_birth,
        "sex": person.sex if person.sex in ("M", "F") else "",
        "postcode": postcode,
        "address": residence.household.line1 if residence else "",
        "nhs_number": person.nhs_number,
    }


def score_pair(
    first: Person, second: Person, postcodes: dict[int, str]
) -> tuple[float, dict[str, Any]]:
    """The probability that two records are one person (the trained model), with evidence."""
    match = score(
        _record(first, postcodes.get(first.pk, "")), _record(second, postcodes.get(second.pk, ""))
    )
    return match.probability, {"reasons": match.evidence, "differences": match.differences}


def looks_like_twins_or_siblings(first: Person, second: Person, postcodes: dict[int, str]) -> bool:
    """Same surname, date of birth and address, but a different forename."""
    if not (first.date_of_birth and first.date_of_birth == second.date_of_birth):
        return False
    if fold(first.family_name) != fold(second.family_name):
        return False
    same_address = postcodes.get(first.pk) and postcodes.get(first.pk) == postcodes.get(second.pk)
    if not same_address:
        return False
    level = compare_given_names(first.given_name, second.given_name).level
    return level in ("different", "initial")


def _load(ids: Iterable[int]) -> dict[int, Person]:
    residences = Residence.objects.select_related("household").order_by("-start_date", "-pk")
    people = Person.objects.filter(pk__in=list(ids)).prefetch_related(
        Prefetch("residences", queryset=residences), "aliases"
    )
    return {p.pk: p for p in people}


def _chunks(pairs: list[tuple[int, int]], size: int) -> Iterator[list[tuple[int, int]]]:
    for start in range(0, len(pairs), size):
        yield pairs[start : start + size]


def propose_duplicates(
    *, threshold: float | None = None, now: dt.datetime | None = None, batch: int = 2000
) -> Found:
    """Store candidate duplicate pairs with their scores; never re-propose decided pairs."""
    threshold = review_threshold() if threshold is None else threshold
    now = now or timezone.now()
    live = (
        Person.objects.not_merged()
        .order_by()
        .only(
            "pk",
            "search_given_name",
            "search_family_name",
            "date_of_birth",
            "nhs_number",
            "family_name_phonetic",
        )
    )
    postcodes = _current_postcodes()
    pairs = sorted(candidate_pairs(_rows(live.iterator(chunk_size=5000), postcodes)))
    known = {(p.first_id, p.second_id): p for p in DuplicatePair.objects.all()}
    found = Found(compared=len(pairs))
    for chunk in _chunks(pairs, batch):
        people = _load({pk for pair in chunk for pk in pair})
        with transaction.atomic():
            for first_id, second_id in chunk:
                _consider(people, postcodes, known, (first_id, second_id), threshold, now, found)
    return found


def _consider(
    people: dict[int, Person],
    postcodes: dict[int, str],
    known: dict[tuple[int, int], DuplicatePair],
    ids: tuple[int, int],
    threshold: float,
    now: dt.datetime,
    found: Found,
) -> None:
    existing = known.get(ids)
    if existing is not None and existing.status != DuplicatePair.Status.PROPOSED:
        found.not_proposed_again += 1
        return
    first, second = people[ids[0]], people[ids[1]]
    probability, evidence = score_pair(first, second, postcodes)
    twins = looks_like_twins_or_siblings(first, second, postcodes)
    if probability < threshold and not twins:
        return
    if twins:
        evidence["differences"] = [
            *evidence["differences"],
            "same surname, date of birth and address but a different forename: "
            "probably twins or siblings",
        ]
        found.flagged_twins += 1
    if existing is not None:
        existing.probability, existing.evidence = probability, evidence
        existing.is_likely_twin_or_sibling = twins
        existing.save(update_fields=["probability", "evidence", "is_likely_twin_or_sibling"])
        found.updated += 1
        return
    DuplicatePair.objects.create(
        first=first,
        second=second,
        probability=probability,
        evidence=evidence,
        is_likely_twin_or_sibling=twins,
        found_at=now,
    )
    found.proposed += 1


def mark_different_people(pair: DuplicatePair, user: Any) -> DuplicatePair:
    """Record that the two records are different people; the pair is never proposed again."""
    with transaction.atomic():
        pair = DuplicatePair.objects.select_for_update().get(pk=pair.pk)
        if pair.status != DuplicatePair.Status.PROPOSED:
            raise ActionError("This pair has already been reviewed.")
        pair.status = DuplicatePair.Status.DIFFERENT
        pair.decided_at = timezone.now()
        pair.decided_by = user if getattr(user, "is_authenticated", False) else None
        pair.save(update_fields=["status", "decided_at", "decided_by"])
        for person, other in ((pair.first, pair.second), (pair.second, pair.first)):
            record_change(
                user,
                person,
                person_id=person.pk,
                summary=f"Marked as a different person from record {other.pk}",
                changes={"duplicate_pair": pair.pk, "other_person": other.pk},
            )
    return pair
