"""The model's verdict on a person in the index against what a contact or search describes.

A person may be known by several names (aliases) and have lived at several addresses; each
combination is scored as a record and the best is kept, so a previous surname or an old
address counts as it would in the record it came from.
"""

from typing import Any

from frontdoor.people.matching.model import Match, score_prepared
from frontdoor.people.matching.query import Query
from frontdoor.people.matching.records import Prepared, prepare
from frontdoor.people.models import Person


def query_record(query: Query) -> Prepared:
    return prepare(
        {
            "given_name": query.given_name,
            "surname": query.family_name,
            "date_of_birth": query.date_of_birth.isoformat() if query.date_of_birth else "",
            "sex": query.sex,
            "postcode": query.postcode,
            "address": "",
            "nhs_number": query.nhs_number,
        }
    )


def person_records(person: Person) -> list[Prepared]:
    """One prepared record per name the person is known by and address they have lived at."""
    names = [(person.given_name, person.family_name)]
    for alias in person.aliases.all():
        names.append(
            (alias.given_name or person.given_name, alias.family_name or person.family_name)
        )
    places: list[tuple[str, str]] = [
        (r.household.postcode, r.household.line1) for r in person.residences.all()
    ] or [("", "")]
    born = person.date_of_birth.isoformat() if person.date_of_birth else ""
    common: dict[str, Any] = {
        "date_of_birth": born,
        "sex": person.sex if person.sex in ("M", "F") else "",
        "nhs_number": person.nhs_number,
    }
    return [
        prepare({"given_name": g, "surname": f, "postcode": p, "address": a, **common})
        for g, f in dict.fromkeys(names)
        for p, a in dict.fromkeys(places)
    ]


def match_person(person: Person, query: Query, described: Prepared | None = None) -> Match:
    """The best match of `query` against any of `person`'s names and addresses."""
    described = described or query_record(query)
    matches = [score_prepared(described, record) for record in person_records(person)]
    return max(matches, key=lambda m: m.probability)
