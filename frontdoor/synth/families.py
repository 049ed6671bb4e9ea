"""Store a synthetic family through the people actions.

Each person is created with the family's address (`create_person` finds the household
already at that address, so the family shares it); relationships, previous surnames and
earlier addresses go through `add_relationship`, `add_alias` and `record_address`.

To keep seeding fast, a family who only ever has contacts is stored as the people the
contacts name (the children and the parent or carer named with them, linked as parent and
child); a family with a referral is stored whole: both adults, every child, siblings,
previous surnames and earlier addresses.
"""

import datetime as dt
from typing import Any

from frontdoor.people import actions
from frontdoor.people.models import Person, Relationship
from frontdoor.synth.population import Family, SynthPerson

Kind = Relationship.Kind
# What an adult is to the children (add_relationship stores the reciprocal too).
ADULT_KIND = {
    "mother": Kind.PARENT,
    "father": Kind.PARENT,
    "partner": Kind.HOUSEHOLD_MEMBER,
    "grandmother": Kind.CARER,
    "grandfather": Kind.CARER,
}


class FamilyStore:
    """Creates each family's people once, as the contacts about them come in."""

    def __init__(self) -> None:
        self.people: dict[int, Person] = {}

    def person(self, synth: SynthPerson) -> Person:
        return self.people[synth.person_id or 0]

    def ensure(self, family: Family, children: list[SynthPerson], user: Any, day: dt.date) -> None:
        """Make sure `children` (and the family around them) are in the person index."""
        if family.episodes and not family.stored:
            self._add(family, family.adults, user)
            self._add(family, [c for c in family.children if c.date_of_birth <= day], user)
        else:
            self._add(family, family.adults[:1], user)
            self._add(family, children, user)
        family.stored = True

    def _add(self, family: Family, synths: list[SynthPerson], user: Any) -> None:
        for synth in synths:
            if synth.person_id is None:
                person = self._create(family, synth, user)
                self._relate(family, synth, person, user)

    def _create(self, family: Family, synth: SynthPerson, user: Any) -> Person:
        fields: dict[str, Any] = {
            "kind": synth.kind,
            "given_name": synth.given_name,
            "family_name": synth.family_name,
            "date_of_birth": synth.date_of_birth,
            "sex": synth.sex,
            "ethnicity": synth.ethnicity,
            "nhs_number": synth.nhs_number,
            "upn": synth.upn,
            "upn_unknown": synth.upn_unknown,
            "disabilities": synth.disabilities,
        }
        previous, moved_in = family.previous_address, family.moved_in
        if previous and moved_in and family.episodes and synth.date_of_birth < moved_in:
            line1, town, postcode = previous  # lived elsewhere before moving in
            person = actions.create_person(
                user, postcode=postcode, address=line1, town=town, **fields
            )
            actions.record_address(
                person, user, family.line1, family.town, family.postcode, start_date=moved_in
            )
        else:
            start = moved_in if synth.kind == "adult" else None
            person = actions.create_person(
                user,
                postcode=family.postcode,
                address=family.line1,
                town=family.town,
                moved_in=start,
                **fields,
            )
        if synth.previous_family_name and synth.previous_family_name != synth.family_name:
            actions.add_alias(
                person, user, synth.given_name, synth.previous_family_name, note="Previous surname"
            )
        synth.person_id = person.pk
        self.people[person.pk] = person
        return person

    def _relate(self, family: Family, synth: SynthPerson, person: Person, user: Any) -> None:
        """Link a new person to the family members already stored."""
        stored = [m for m in family.members() if m.person_id is not None and m is not synth]
        for other in stored:
            if synth.kind == "child" and other.kind == "child":
                if family.episodes:  # siblings recorded when the family is assessed
                    actions.add_relationship(person, self.person(other), Kind.SIBLING, user)
            elif synth.kind == "child":
                actions.add_relationship(
                    person, self.person(other), ADULT_KIND[other.relation], user
                )
            elif other.kind == "child":
                actions.add_relationship(
                    self.person(other), person, ADULT_KIND[synth.relation], user
                )
